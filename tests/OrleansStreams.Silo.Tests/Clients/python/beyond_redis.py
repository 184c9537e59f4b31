"""redis-py's execute_command with the silo's extensions: XGROUPPOLICY, dead letters, XADDIF and XADDMULTIIF."""
import sys
import uuid

import redis

port = int(sys.argv[1])
r = redis.Redis(host="127.0.0.1", port=port, decode_responses=True)
key = "py:beyond:" + uuid.uuid4().hex
dlq = key + ":dlq"

# Optimistic concurrency: append only at the version (entries added) the writer last saw.
assert r.execute_command("XADDIF", key, "VERSION", 0, "1-0", "type", "opened") == "1-0"
try:
    r.execute_command("XADDIF", key, "VERSION", 0, "*", "type", "late")
    raise AssertionError("a stale XADDIF was accepted")
except redis.exceptions.ResponseError as error:
    assert str(error) == "VERSIONMISMATCH expected version 0 but stream is at 1", str(error)
ids = r.execute_command("XADDMULTIIF", key, "VERSION", 1, "ENTRIES", 2, "2-0", 1, "type", "paid", "3-0", 2, "type", "shipped", "by", "post")
assert ids == ["2-0", "3-0"], ids
assert r.xlen(key) == 3

# A group with a policy: idle entries go to the next reader; an entry delivered twice goes to the dead-letter stream.
r.xgroup_create(key, "workers", id="0")
assert r.execute_command("XGROUPPOLICY", "SET", key, "workers", "CLAIMIDLE", 200, "MAXDELIVERIES", 2, "DEADLETTER", dlq) in (True, "OK")
policy = r.execute_command("XGROUPPOLICY", "GET", key, "workers")
assert policy == ["claim-idle", 200, "max-deliveries", 2, "dead-letter", dlq, "reclaimed", 0, "dead-lettered", 0], policy

crashed = redis.Redis(host="127.0.0.1", port=port, decode_responses=True)
taken = crashed.xreadgroup("workers", "crashed", {key: ">"})
assert [entry_id for entry_id, _ in taken[0][1]] == ["1-0", "2-0", "3-0"], taken
crashed.close()

# No XCLAIM, no XAUTOCLAIM: a live consumer simply reads and gets them.
survivor = r.xreadgroup("workers", "survivor", {key: ">"}, block=20000)
assert [entry_id for entry_id, _ in survivor[0][1]] == ["1-0", "2-0", "3-0"], survivor
r.xack(key, "workers", "1-0", "2-0")

# The survivor never acknowledges 3-0 either: after its second delivery it is dead-lettered.
dead = r.xread({dlq: "0-0"}, block=20000)
assert dead[0][1][0][0] == "3-0", dead
fields = dead[0][1][0][1]
assert fields["type"] == "shipped" and fields["source-stream"] == key and fields["source-group"] == "workers", fields
assert fields["last-consumer"] == "survivor" and fields["delivery-count"] == "2", fields
assert r.xpending(key, "workers")["pending"] == 0

groups = r.xinfo_groups(key)
assert groups[0]["reclaimed"] == 3 and groups[0]["dead-lettered"] == 1, groups
assert r.execute_command("XGROUPPOLICY", "DEL", key, "workers") in (True, "OK")
assert r.execute_command("XGROUPPOLICY", "GET", key, "workers") is None
r.delete(key, dlq)
print("ok")
