"""Tutorial workflow: recovering a crashed consumer's messages with XAUTOCLAIM, following the cursor.

Usage: workflow_autoclaim.py <port> <key-prefix>. One of the crashed consumer's messages was deleted meanwhile (a dead
letter): XAUTOCLAIM drops it from the PEL and reports it.
"""
import sys

import redis

port, prefix = int(sys.argv[1]), sys.argv[2]
r = redis.Redis(host='127.0.0.1', port=port, decode_responses=True)
stream = f"{prefix}:orders"
group = 'order-processors'

r.xgroup_create(stream, group, id='$', mkstream=True)
ids = [r.xadd(stream, {'user_id': str(100 + n), 'amount': f"{n}.99", 'status': 'pending'}, id=f"{5000 + n}-0") for n in range(10)]
messages = r.xreadgroup(group, 'worker-1', {stream: '>'}, count=10, block=2000)
assert [entry_id for entry_id, _ in messages[0][1]] == ids, messages
# worker-1 crashes. Time passes (re-delivered with an idle time instead of waiting), and one message is deleted.
r.xclaim(stream, group, 'worker-1', 0, ids, idle=3600000, justid=True)
assert r.xdel(stream, ids[4]) == 1

claimed, deleted, cursor, calls = [], [], '0-0', 0
while True:
    cursor, entries, gone = r.xautoclaim(stream, group, 'worker-2', min_idle_time=30000, start_id=cursor, count=3)
    calls += 1
    claimed += [entry_id for entry_id, _ in entries]
    deleted += gone
    for entry_id, data in entries:
        assert data['status'] == 'pending', data
        r.xack(stream, group, entry_id)
    if cursor == '0-0':
        break
assert claimed == [i for i in ids if i != ids[4]], claimed
assert deleted == [ids[4]], deleted
print(f"claimed {len(claimed)} in {calls} calls, deleted {deleted}")

assert r.xpending(stream, group)['pending'] == 0
# Nothing left: another pass claims nothing, even with JUSTID.
assert r.xautoclaim(stream, group, 'worker-2', 0, '0-0', count=10, justid=True) == []
consumers = {c['name']: c['pending'] for c in r.xinfo_consumers(stream, group)}
assert consumers == {'worker-1': 0, 'worker-2': 0}, consumers
print("ok")
