"""Tutorial workflow: reclaiming a crashed consumer's messages with XPENDING (extended form) and XCLAIM.

Usage: workflow_reclaim.py <port> <key-prefix>. Idle times are made long by re-delivering with XCLAIM IDLE (time
travel) instead of sleeping; everything printed must be the same on every server.
"""
import json
import sys

import redis


class EventConsumer:
    """The tutorial's consumer, with its claim_pending (XPENDING - + count, then XCLAIM)."""

    def __init__(self, redis_client, stream: str, group: str, consumer: str):
        self.r = redis_client
        self.stream = stream
        self.group = group
        self.consumer = consumer
        try:
            self.r.xgroup_create(self.stream, self.group, id='0', mkstream=True)
        except redis.exceptions.ResponseError as e:
            if 'BUSYGROUP' not in str(e):
                raise

    def consume(self, count: int = 10, block: int = 5000) -> list:
        results = self.r.xreadgroup(self.group, self.consumer, {self.stream: '>'}, count=count, block=block)
        return [message_id for _, messages in results or [] for message_id, _ in messages]

    def acknowledge(self, event_ids: list):
        if event_ids:
            self.r.xack(self.stream, self.group, *event_ids)

    def claim_pending(self, min_idle_time: int = 60000, count: int = 10) -> list:
        pending = self.r.xpending_range(self.stream, self.group, min='-', max='+', count=count)
        if not pending:
            return []
        claimable_ids = [p['message_id'] for p in pending if p['time_since_delivered'] >= min_idle_time]
        if not claimable_ids:
            return []
        claimed = self.r.xclaim(self.stream, self.group, self.consumer, min_idle_time, claimable_ids)
        return self._parse_messages(claimed)

    def _parse_messages(self, messages):
        return [{
            'id': message_id.decode('utf-8') if isinstance(message_id, bytes) else message_id,
            'type': fields.get(b'type', b'').decode('utf-8'),
            'data': json.loads(fields.get(b'data', b'{}')),
        } for message_id, fields in messages]


port, prefix = int(sys.argv[1]), sys.argv[2]
r = redis.Redis(host='127.0.0.1', port=port)
stream = f"{prefix}:orders"
group = 'order-processors'
for n in range(6):
    r.xadd(stream, {'type': 'order.created', 'data': json.dumps({'n': n})}, id=f"{1000 + n}-0")

crashed = EventConsumer(r, stream, group, 'worker-1')
rescuer = EventConsumer(r, stream, group, 'worker-2')
delivered = crashed.consume(count=5)
assert [i.decode() for i in delivered] == ['1000-0', '1001-0', '1002-0', '1003-0', '1004-0'], delivered
# worker-1 crashes before acknowledging anything.

summary = r.xpending(stream, group)
assert summary['pending'] == 5 and summary['min'] == b'1000-0' and summary['max'] == b'1004-0', summary
assert summary['consumers'] == [{'name': b'worker-1', 'pending': 5}], summary
print(f"pending after the crash: {summary['pending']}")

# Nothing has been idle for a minute yet.
assert rescuer.claim_pending(min_idle_time=60000) == []

# Two hours pass for three of the messages (re-delivered to worker-1 with an idle time, keeping the owner).
r.xclaim(stream, group, 'worker-1', 0, ['1000-0', '1002-0', '1004-0'], idle=7200000, justid=True)
stale = r.xpending_range(stream, group, min='-', max='+', count=10, idle=60000)
assert [p['message_id'] for p in stale] == [b'1000-0', b'1002-0', b'1004-0'], stale
assert all(p['consumer'] == b'worker-1' and p['time_since_delivered'] >= 7200000 for p in stale), stale
print(f"stale: {[p['message_id'].decode() for p in stale]}")

claimed = rescuer.claim_pending(min_idle_time=60000)
assert [c['id'] for c in claimed] == ['1000-0', '1002-0', '1004-0'], claimed
assert [c['data']['n'] for c in claimed] == [0, 2, 4], claimed
mine = r.xpending_range(stream, group, min='-', max='+', count=10, consumername='worker-2')
assert [(p['message_id'], p['times_delivered']) for p in mine] == [(b'1000-0', 2), (b'1002-0', 2), (b'1004-0', 2)], mine
assert all(p['time_since_delivered'] < 60000 for p in mine), mine
theirs = r.xpending_range(stream, group, min='-', max='+', count=10, consumername='worker-1')
assert [p['message_id'] for p in theirs] == [b'1001-0', b'1003-0'], theirs

# A second rescuer finds nothing stale any more; a claim with a high minimum idle time takes nothing either.
assert EventConsumer(r, stream, group, 'worker-3').claim_pending(min_idle_time=60000) == []
assert r.xclaim(stream, group, 'worker-3', 60000, ['1000-0']) == []

rescuer.acknowledge([c['id'] for c in claimed])
summary = r.xpending(stream, group)
assert summary['pending'] == 2 and summary['consumers'] == [{'name': b'worker-1', 'pending': 2}], summary

# The last message was never delivered: a plain read gets it, the re-read of history does not.
assert [i.decode() for i in rescuer.consume(count=10, block=None)] == ['1005-0']
history = r.xreadgroup(group, 'worker-2', {stream: '0'})
assert [i for i, _ in history[0][1]] == [b'1005-0'], history
print(f"claimed {[c['id'] for c in claimed]}, left {summary['pending']} with worker-1")
print("ok")
