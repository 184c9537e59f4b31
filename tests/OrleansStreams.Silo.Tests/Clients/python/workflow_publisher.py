"""Tutorial workflow: an event publisher using XADD with MAXLEN ~ and a MULTI/EXEC pipeline batch (redis-py, unchanged).

Usage: workflow_publisher.py <port> <key-prefix>. Prints only values that both servers must agree on, then "ok".
"""
import json
import sys
import time
from typing import Any, Dict

import redis


class EventPublisher:
    """Publish events to Redis Streams (as in the tutorial)."""

    def __init__(self, redis_client, stream_prefix: str = 'events'):
        self.r = redis_client
        self.stream_prefix = stream_prefix

    def publish(self, stream: str, event_type: str, data: Dict[str, Any], maxlen: int = None) -> str:
        stream_key = f"{self.stream_prefix}:{stream}"
        event = {
            'type': event_type,
            'timestamp': str(int(time.time() * 1000)),
            'data': json.dumps(data),
        }
        if maxlen:
            event_id = self.r.xadd(stream_key, event, maxlen=maxlen, approximate=True)
        else:
            event_id = self.r.xadd(stream_key, event)
        return event_id.decode('utf-8') if isinstance(event_id, bytes) else event_id

    def publish_batch(self, stream: str, events: list) -> list:
        """Publish multiple events atomically (redis-py pipelines are MULTI/EXEC by default)."""
        stream_key = f"{self.stream_prefix}:{stream}"
        pipe = self.r.pipeline()
        for event_type, data in events:
            event = {
                'type': event_type,
                'timestamp': str(int(time.time() * 1000)),
                'data': json.dumps(data),
            }
            pipe.xadd(stream_key, event)
        return pipe.execute()


def as_tuple(entry_id):
    text = entry_id.decode() if isinstance(entry_id, bytes) else entry_id
    ms, seq = text.split('-')
    return int(ms), int(seq)


port, prefix = int(sys.argv[1]), sys.argv[2]
r = redis.Redis(host='127.0.0.1', port=port)
publisher = EventPublisher(r, stream_prefix=prefix)
key = f"{prefix}:orders"

first = publisher.publish('orders', 'order.created', {
    'order_id': '12345',
    'customer_id': 'cust_001',
    'items': [{'sku': 'WIDGET-01', 'qty': 2}],
    'total': 49.99,
})
second = publisher.publish('orders', 'order.paid', {'order_id': '12345', 'payment_id': 'pay_abc123', 'amount': 49.99})
assert as_tuple(second) > as_tuple(first), (first, second)

# A capped stream: approximate trimming only drops whole nodes (of at most 100 entries), so at least maxlen entries
# stay and fewer than maxlen + 100. Where exactly it stops depends on node sizes, and so on the auto IDs' timing.
ids = [publisher.publish('orders', 'order.created', {'order_id': str(n), 'total': n}, maxlen=555) for n in range(1000)]
assert all(as_tuple(a) < as_tuple(b) for a, b in zip(ids, ids[1:])), "IDs must grow"
length = r.xlen(key)
assert 555 <= length < 655, length
assert r.xrevrange(key, count=1)[0][0].decode() == ids[-1]

batch = publisher.publish_batch('orders', [('order.shipped', {'order_id': str(n)}) for n in range(5)])
assert len(batch) == 5, batch
assert all(as_tuple(a) < as_tuple(b) for a, b in zip(batch, batch[1:])), batch
tail = r.xrevrange(key, count=5)
assert [entry_id for entry_id, _ in reversed(tail)] == batch, (tail, batch)
assert all(fields[b'type'] == b'order.shipped' for _, fields in tail)
assert r.xlen(key) == length + 5
print(f"batch: {len(batch)} events in one transaction")

# The batch is one transaction: a WATCHed key changed by another client makes it fail as a whole.
other = redis.Redis(host='127.0.0.1', port=port)
with r.pipeline() as pipe:
    pipe.watch(key)
    other.xadd(key, {'type': 'interloper', 'timestamp': '0', 'data': '{}'})
    pipe.multi()
    pipe.xadd(key, {'type': 'never', 'timestamp': '0', 'data': '{}'})
    try:
        pipe.execute()
        raise AssertionError("expected a WatchError")
    except redis.WatchError:
        pass
assert r.xrevrange(key, count=1)[0][1][b'type'] == b'interloper'
print("watched batch aborted")
print("ok")
