"""Tutorial workflow: monitoring a stream with XINFO STREAM, GROUPS and CONSUMERS (the tutorial's get_stream_info).

Usage: workflow_info.py <port> <key-prefix>. Prints the parts of the answers that do not depend on the clock.
"""
import sys

import redis


def get_stream_info(redis_client, stream: str) -> dict:
    """Get comprehensive stream information (as in the tutorial)."""
    info = redis_client.xinfo_stream(stream)
    groups = redis_client.xinfo_groups(stream)
    return {
        'length': info['length'],
        'first_entry': info.get('first-entry'),
        'last_entry': info.get('last-entry'),
        'consumer_groups': [
            {
                'name': g['name'].decode('utf-8'),
                'consumers': g['consumers'],
                'pending': g['pending'],
                'last_delivered_id': g['last-delivered-id'].decode('utf-8'),
            }
            for g in groups
        ],
    }


port, prefix = int(sys.argv[1]), sys.argv[2]
r = redis.Redis(host='127.0.0.1', port=port)
stream = f"{prefix}:events:orders"
for n in range(1, 8):
    r.xadd(stream, {'type': 'order.created', 'order_id': str(n)}, id=f"{n}-0")
r.xgroup_create(stream, 'billing', id='0')
r.xgroup_create(stream, 'analytics', id='$')
r.xreadgroup('billing', 'billing-1', {stream: '>'}, count=3)
r.xreadgroup('billing', 'billing-2', {stream: '>'}, count=2)
r.xack(stream, 'billing', '1-0')

info = get_stream_info(r, stream)
assert info['length'] == 7
assert info['first_entry'] == (b'1-0', {b'type': b'order.created', b'order_id': b'1'}), info['first_entry']
assert info['last_entry'][0] == b'7-0'
assert info['consumer_groups'] == [
    {'name': 'analytics', 'consumers': 0, 'pending': 0, 'last_delivered_id': '7-0'},
    {'name': 'billing', 'consumers': 2, 'pending': 4, 'last_delivered_id': '5-0'},
], info['consumer_groups']
print(f"Stream length: {info['length']}")
for group in info['consumer_groups']:
    print(f"Group {group['name']}: {group['pending']} pending messages, {group['consumers']} consumers")

stream_info = r.xinfo_stream(stream)
for field in ('radix-tree-keys', 'radix-tree-nodes', 'last-generated-id', 'max-deleted-entry-id', 'entries-added', 'recorded-first-entry-id', 'groups'):
    print(f"{field}: {stream_info[field]}")
groups = r.xinfo_groups(stream)
print("lag/entries-read:", [(g['name'].decode(), g['lag'], g['entries-read']) for g in groups])

consumers = r.xinfo_consumers(stream, 'billing')
assert [(c['name'], c['pending']) for c in consumers] == [(b'billing-1', 2), (b'billing-2', 2)], consumers
assert all(c['idle'] >= 0 for c in consumers)
print("consumers:", [(c['name'].decode(), c['pending']) for c in consumers])

full = r.xinfo_stream(stream, full=True)
billing = [g for g in full['groups'] if g['name'] == b'billing'][0]
assert billing['pel-count'] == 4 and [p[0] for p in billing['pending']] == [b'2-0', b'3-0', b'4-0', b'5-0'], billing
# redis-py leaves the consumers of the FULL form as flat [field, value, ...] lists.
full_consumers = [dict(zip(c[::2], c[1::2])) for c in billing['consumers']]
assert [(c[b'name'], c[b'pel-count']) for c in full_consumers] == [(b'billing-1', 2), (b'billing-2', 2)], full_consumers
assert len(full['entries']) == 7
print("full: entries", len(full['entries']), "billing pel", billing['pel-count'])
try:
    r.xinfo_consumers(stream, 'missing')
    raise AssertionError("expected NOGROUP")
except redis.ResponseError as error:
    assert str(error).startswith("NOGROUP No such consumer group 'missing' for key name"), error
    print("missing group:", error)
print("ok")
