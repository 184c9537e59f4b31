"""Tutorial workflow: rebuilding a projection by paging XRANGE with exclusive start IDs, keeping the checkpoint and
the counters in plain keys (SET/GET, INCR, HINCRBY, HINCRBYFLOAT).

Usage: workflow_projection.py <port> <key-prefix>. Prints the projection, which must be the same on every server.
"""
import json
import sys

import redis


class EventProjection:
    """Build projections from event streams (as in the tutorial)."""

    def __init__(self, redis_client, projection_name: str):
        self.r = redis_client
        self.projection_name = projection_name

    def get_checkpoint(self) -> str:
        return self.r.get(f"projection:{self.projection_name}:checkpoint") or b'0'

    def save_checkpoint(self, event_id: str):
        self.r.set(f"projection:{self.projection_name}:checkpoint", event_id)

    def rebuild(self, stream: str, handlers: dict):
        self.r.delete(f"projection:{self.projection_name}:checkpoint")
        last_id = '0'
        processed = 0
        while True:
            events = self.r.xrange(stream, f'({last_id}', '+', count=100)
            if not events:
                break
            for event_id, fields in events:
                event_type = fields[b'type'].decode('utf-8')
                data = json.loads(fields[b'data'])
                handler = handlers.get(event_type)
                if handler:
                    handler(data)
                last_id = event_id.decode('utf-8')
                processed += 1
            self.save_checkpoint(last_id)
            self.r.incr(f"projection:{self.projection_name}:pages")
        return processed

    def catch_up(self, stream: str, handlers: dict):
        """Continue from the stored checkpoint (exclusive), as a restarted projection would."""
        last_id = self.get_checkpoint().decode('utf-8')
        processed = 0
        while True:
            events = self.r.xrange(stream, f'({last_id}', '+', count=100)
            if not events:
                return processed
            for event_id, fields in events:
                handler = handlers.get(fields[b'type'].decode('utf-8'))
                if handler:
                    handler(json.loads(fields[b'data']))
                last_id = event_id.decode('utf-8')
                processed += 1
            self.save_checkpoint(last_id)


port, prefix = int(sys.argv[1]), sys.argv[2]
r = redis.Redis(host='127.0.0.1', port=port)
stream = f"{prefix}:events:orders"
stats = f"{prefix}:stats:orders"
projection = EventProjection(r, f"{prefix}:order-stats")

# 250 events over three pages, some of them on the same millisecond (sequence numbers above 0).
for n in range(250):
    event_type = 'order.shipped' if n % 5 == 0 else 'order.created'
    r.xadd(stream, {'type': event_type, 'data': json.dumps({'order_id': n, 'total': round(n * 1.25 + 0.1, 2)})}, id=f"{1700000000000 + n // 3}-{n % 3}")


def handle_order_created(data):
    r.hincrby(stats, 'total_count', 1)
    r.hincrbyfloat(stats, 'total_value', data['total'])


def handle_order_shipped(data):
    r.hincrby(stats, 'shipped_count', 1)


handlers = {'order.created': handle_order_created, 'order.shipped': handle_order_shipped}
processed = projection.rebuild(stream, handlers)
assert processed == 250, processed
assert projection.get_checkpoint() == b'1700000000083-0', projection.get_checkpoint()
assert r.get(f"projection:{prefix}:order-stats:pages") == b'3'
assert int(r.hget(stats, 'total_count')) == 200
assert int(r.hget(stats, 'shipped_count')) == 50

# New events arrive; the projection resumes after its checkpoint without reprocessing anything.
for n in range(250, 260):
    r.xadd(stream, {'type': 'order.created', 'data': json.dumps({'order_id': n, 'total': 10})}, id=f"{1700000000100 + n}-0")
assert projection.catch_up(stream, handlers) == 10
assert int(r.hget(stats, 'total_count')) == 210
assert projection.catch_up(stream, handlers) == 0

values = r.hgetall(stats)
print("projection:", {k.decode(): v.decode() for k, v in sorted(values.items())})
print("checkpoint:", projection.get_checkpoint().decode(), "pages:", r.get(f"projection:{prefix}:order-stats:pages").decode())
assert r.hmget(stats, 'total_count', 'missing') == [b'210', None]
assert r.hlen(stats) == 3
print("ok")
