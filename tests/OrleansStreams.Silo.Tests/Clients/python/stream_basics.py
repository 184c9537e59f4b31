"""redis-py, unchanged, against a server on the given port: connection set-up, pipelines, stream commands."""
import sys

import redis

port = int(sys.argv[1])
r = redis.Redis(host="127.0.0.1", port=port, decode_responses=True)
assert r.ping() is True
r.delete("py:s")
first = r.xadd("py:s", {"type": "created", "n": "1"}, id="1-1")
assert first == "1-1", first
auto = r.xadd("py:s", {"type": "updated"})
assert auto > "1-1", auto
assert r.xlen("py:s") == 2
entries = r.xrange("py:s", "-", "+")
assert entries[0] == ("1-1", {"type": "created", "n": "1"}), entries
assert r.xrevrange("py:s", count=1)[0][0] == auto
assert r.xread({"py:s": "1-1"}) == [["py:s", [(auto, {"type": "updated"})]]]

# A redis-py pipeline is MULTI/EXEC by default.
with r.pipeline() as pipe:
    for i in range(5):
        pipe.xadd("py:s", {"i": str(i)}, maxlen=3, approximate=False)
    ids = pipe.execute()
assert len(ids) == 5
assert r.xlen("py:s") == 3
assert r.xtrim("py:s", maxlen=1, approximate=False) == 2
assert r.type("py:s") == "stream"
assert r.exists("py:s") == 1
assert r.delete("py:s") == 1
assert r.exists("py:s") == 0
try:
    r.xadd("py:s", {"f": "v"}, id="0-0")
    raise AssertionError("expected an error")
except redis.ResponseError as error:
    assert "must be greater than 0-0" in str(error), error
print("ok")
