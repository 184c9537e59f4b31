"""Tutorial workflow: consumers in a group looping on XREADGROUP BLOCK and XACK while a producer appends.

Usage: workflow_consumer.py <port> <key-prefix>. Two consumers share the work; every event is processed once.
"""
import json
import sys
import threading

import redis

EVENTS = 300


class EventConsumer:
    """Consume events from Redis Streams using consumer groups (as in the tutorial)."""

    def __init__(self, redis_client, stream: str, group: str, consumer: str):
        self.r = redis_client
        self.stream = stream
        self.group = group
        self.consumer = consumer
        self._ensure_group_exists()

    def _ensure_group_exists(self):
        try:
            self.r.xgroup_create(self.stream, self.group, id='0', mkstream=True)
        except redis.exceptions.ResponseError as e:
            if 'BUSYGROUP' not in str(e):
                raise

    def consume(self, count: int = 10, block: int = 5000) -> list:
        results = self.r.xreadgroup(self.group, self.consumer, {self.stream: '>'}, count=count, block=block)
        if not results:
            return []
        events = []
        for stream_name, messages in results:
            for message_id, fields in messages:
                events.append({
                    'id': message_id.decode('utf-8') if isinstance(message_id, bytes) else message_id,
                    'type': fields.get(b'type', b'').decode('utf-8'),
                    'data': json.loads(fields.get(b'data', b'{}')),
                })
        return events

    def acknowledge(self, event_ids: list):
        if event_ids:
            self.r.xack(self.stream, self.group, *event_ids)


port, prefix = int(sys.argv[1]), sys.argv[2]
stream = f"{prefix}:events:orders"
processed = []
lock = threading.Lock()
failures = []


def run_consumer(name):
    try:
        consumer = EventConsumer(redis.Redis(host='127.0.0.1', port=port), stream, 'billing-service', name)
        while True:
            with lock:
                if len(processed) >= EVENTS:
                    return
            for event in consumer.consume(count=10, block=200):
                with lock:
                    processed.append((name, event['id'], event['data']['n']))
                consumer.acknowledge([event['id']])
    except Exception as error:  # surfaces in the main thread
        failures.append(repr(error))


def run_producer():
    try:
        r = redis.Redis(host='127.0.0.1', port=port)
        for n in range(EVENTS):
            r.xadd(stream, {'type': 'order.created', 'data': json.dumps({'n': n})})
    except Exception as error:
        failures.append(repr(error))


# Both consumers create the group; the second sees BUSYGROUP and carries on.
threads = [threading.Thread(target=run_consumer, args=(f'billing-{i}',)) for i in (1, 2)]
for thread in threads:
    thread.start()
producer = threading.Thread(target=run_producer)
producer.start()
producer.join(60)
for thread in threads:
    thread.join(60)
assert not failures, failures
assert not producer.is_alive() and not any(t.is_alive() for t in threads), "workers did not finish"

numbers = sorted(n for _, _, n in processed)
assert numbers == list(range(EVENTS)), f"{len(numbers)} processed, duplicates or gaps"
assert len({event_id for _, event_id, _ in processed}) == EVENTS
r = redis.Redis(host='127.0.0.1', port=port, decode_responses=True)
assert r.xpending(stream, 'billing-service')['pending'] == 0
groups = r.xinfo_groups(stream)
assert groups[0]['name'] == 'billing-service' and groups[0]['pending'] == 0, groups
assert groups[0]['last-delivered-id'] == r.xinfo_stream(stream)['last-generated-id'], groups
# Redis 7.0 registers a consumer on its first delivery, 7.2+ on its first read: compare only who read.
consumers = {c['name'] for c in r.xinfo_consumers(stream, 'billing-service')}
readers = {name for name, _, _ in processed}
assert readers <= consumers <= {'billing-1', 'billing-2'}, (readers, consumers)
print(f"processed {len(numbers)} events once each")
print("ok")
