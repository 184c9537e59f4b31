"""Tutorial workflow: stream maintenance by MAXLEN and MINID, approximate and exact (redis-py, unchanged).

Usage: workflow_trim.py <port> <key-prefix>. Entry IDs are explicit timestamps around "now", so the age-based cutoff
of the tutorial's trim_stream removes the same entries everywhere.
"""
import sys
import time

import redis


def trim_stream(redis_client, stream: str, max_len: int = None, max_age_hours: int = None):
    """Trim stream to manage size (as in the tutorial)."""
    if max_len:
        redis_client.xtrim(stream, maxlen=max_len, approximate=True)
    if max_age_hours:
        cutoff = int((time.time() - max_age_hours * 3600) * 1000)
        cutoff_id = f"{cutoff}-0"
        redis_client.xtrim(stream, minid=cutoff_id, approximate=True)


port, prefix = int(sys.argv[1]), sys.argv[2]
r = redis.Redis(host='127.0.0.1', port=port, decode_responses=True)
stream = f"{prefix}:events:orders"
now_ms = int(time.time() * 1000)
hour = 3600 * 1000

# 1000 events, one every 18 seconds, over the last five hours.
start = now_ms - 5 * hour
for n in range(1000):
    r.xadd(stream, {'type': 'tick', 'n': str(n)}, id=f"{start + n * 18000}-0")
assert r.xlen(stream) == 1000

trim_stream(r, stream, max_len=555)
after_maxlen = r.xlen(stream)
assert 555 <= after_maxlen <= 1000, after_maxlen
print(f"approximate MAXLEN 555 keeps {after_maxlen}")

trim_stream(r, stream, max_age_hours=2)
after_minid = r.xlen(stream)
first = r.xrange(stream, count=1)[0]
print(f"approximate MINID two hours ago keeps {after_minid}, first n={first[1]['n']}")
assert after_minid <= after_maxlen

# Exact trimming leaves exactly what was asked.
assert r.xtrim(stream, maxlen=300, approximate=False) == after_minid - 300
assert r.xlen(stream) == 300
cutoff = start + 900 * 18000
removed = r.xtrim(stream, minid=f"{cutoff}-0", approximate=False)
assert r.xlen(stream) == 100 and removed == 200, (removed, r.xlen(stream))
assert r.xrange(stream, count=1)[0][1]['n'] == '900'
# XADD's own cap, exact and approximate, and LIMIT.
r.xadd(stream, {'type': 'tick', 'n': 'capped'}, maxlen=50, approximate=False)
assert r.xlen(stream) == 50
r.xadd(stream, {'type': 'tick', 'n': 'limited'}, minid=f"{start + 990 * 18000}", approximate=True, limit=10)
print(f"after capped adds: {r.xlen(stream)}")
info = r.xinfo_stream(stream)
print(f"entries-added {info['entries-added']}, max-deleted {info['max-deleted-entry-id']}")
print("ok")
