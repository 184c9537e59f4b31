"""Tutorial workflow with redis.asyncio (the successor of aioredis, with the same API): producer, consumers looping
on XREADGROUP BLOCK + XACK, then recovery with XPENDING, XCLAIM and XAUTOCLAIM, and XINFO.

Usage: workflow_asyncio.py <port> <key-prefix>.
"""
import asyncio
import sys

import redis.asyncio as aioredis

EVENTS = 200


async def consume(url, stream, group, consumer, processed, done):
    redis = aioredis.from_url(url)
    try:
        await redis.xgroup_create(stream, group, id="$", mkstream=True)
    except aioredis.ResponseError:
        pass  # Group already exists
    while not done.is_set():
        messages = await redis.xreadgroup(groupname=group, consumername=consumer, streams={stream: ">"}, count=1, block=200)
        if messages:
            for _, entries in messages:
                for msg_id, data in entries:
                    processed.append((consumer, msg_id, int(data[b"n"])))
                    await redis.xack(stream, group, msg_id)
            if len(processed) >= EVENTS:
                done.set()
    await redis.close()


async def main(port, prefix):
    url = f"redis://127.0.0.1:{port}"
    stream = f"{prefix}:lead_events"
    group = "crm_services"
    redis = aioredis.from_url(url, decode_responses=True)
    await redis.xgroup_create(stream, group, id="$", mkstream=True)

    processed, done = [], asyncio.Event()
    consumers = [asyncio.create_task(consume(url, stream, group, name, processed, done)) for name in ("email_service", "notification_service")]
    # Both consumers are waiting in XREADGROUP BLOCK before the first lead arrives (7.2+ counts them as consumers then).
    while (await redis.info("clients"))["blocked_clients"] < 2:
        await asyncio.sleep(0.01)
    async with redis.pipeline(transaction=True) as pipe:
        for n in range(EVENTS):
            pipe.xadd(stream, {"event_type": "lead.created", "lead_id": str(100 + n), "n": str(n)})
        ids = await pipe.execute()
    assert len(ids) == EVENTS and ids == sorted(ids, key=lambda i: tuple(map(int, i.split("-")))), ids[:3]
    await asyncio.wait_for(asyncio.gather(*consumers), 60)
    numbers = sorted(n for _, _, n in processed)
    assert numbers == list(range(EVENTS)), f"{len(numbers)} processed, duplicates or gaps"
    assert (await redis.xpending(stream, group))["pending"] == 0
    print(f"async consumers processed {len(numbers)} leads once each")

    # A consumer that crashed with two leads in hand: reclaimed by XCLAIM (after XPENDING) and XAUTOCLAIM.
    await redis.xadd(stream, {"event_type": "lead.updated", "n": "x"}, id="99999999999999-1")
    await redis.xadd(stream, {"event_type": "lead.updated", "n": "y"}, id="99999999999999-2")
    got = await redis.xreadgroup(group, "analytics_service", {stream: ">"}, count=2)
    assert [i for i, _ in got[0][1]] == ["99999999999999-1", "99999999999999-2"], got
    await redis.xclaim(stream, group, "analytics_service", 0, ["99999999999999-1", "99999999999999-2"], idle=600000, justid=True)
    stale = await redis.xpending_range(stream, group, min="-", max="+", count=10, idle=60000)
    assert [p["message_id"] for p in stale] == ["99999999999999-1", "99999999999999-2"], stale
    claimed = await redis.xclaim(stream, group, "email_service", 60000, [stale[0]["message_id"]])
    assert [i for i, _ in claimed] == ["99999999999999-1"], claimed
    cursor, entries, deleted = await redis.xautoclaim(stream, group, "notification_service", 60000, "0-0", count=10)
    assert (cursor, [i for i, _ in entries], deleted) == ("0-0", ["99999999999999-2"], []), (cursor, entries, deleted)
    assert await redis.xack(stream, group, "99999999999999-1", "99999999999999-2") == 2

    groups = await redis.xinfo_groups(stream)
    assert groups[0]["name"] == group and groups[0]["pending"] == 0 and groups[0]["last-delivered-id"] == "99999999999999-2", groups
    info = await redis.xinfo_stream(stream)
    assert info["length"] == EVENTS + 2 and info["groups"] == 1 and info["last-entry"][0] == "99999999999999-2"
    consumers = sorted(c["name"] for c in await redis.xinfo_consumers(stream, group))
    assert {"email_service", "notification_service", "analytics_service"} <= set(consumers), consumers
    print("recovered 2 leads; groups", [(g["name"], g["pending"], g["lag"]) for g in groups])
    await redis.close()
    print("ok")


asyncio.run(main(int(sys.argv[1]), sys.argv[2]))
