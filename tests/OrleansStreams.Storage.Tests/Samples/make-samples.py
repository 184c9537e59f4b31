#!/usr/bin/env python3
"""Writes the format samples the storage tests pin, independently of the C# code.

Run from this folder: python3 make-samples.py. It re-implements the documented v1 layout (JournalRecordCodec,
SqliteSchema): a 12-byte little-endian header (format 1, kind, reserved 0, payload length, CRC-32C of header
bytes 0..7 followed by the payload), grain keys as tag byte 0 + Latin-1 or tag 1 + UTF-16LE.
"""
import os
import sqlite3
import struct


def crc32c(data: bytes) -> int:
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def encode(kind: int, payload: bytes) -> bytes:
    prefix = struct.pack("<BBHI", 1, kind, 0, len(payload))
    return prefix + struct.pack("<I", crc32c(prefix + payload)) + payload


def key(text: str) -> bytes:
    if all(ord(c) <= 0xFF for c in text):
        return b"\x00" + text.encode("latin-1")
    return b"\x01" + text.encode("utf-16-le", "surrogatepass")


assert crc32c(b"123456789") == 0xE3069283

with open("journal-record-v1.hex", "w") as out:
    out.write("# kind payload(utf-8) => stored bytes (hex); made by make-samples.py\n")
    out.write("record XADD mystream 1-0 field value => " + encode(1, b"XADD mystream 1-0 field value").hex() + "\n")
    out.write("snapshot stream-state => " + encode(2, b"stream-state").hex() + "\n")
    out.write("record  => " + encode(1, b"").hex() + "\n")

if os.path.exists("journal-v1.db"):
    os.remove("journal-v1.db")
db = sqlite3.connect("journal-v1.db")
db.execute("PRAGMA journal_mode = WAL")
db.executescript("""
CREATE TABLE storage_meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO storage_meta (name, value) VALUES ('format', 1), ('sync', 0);
CREATE TABLE journals (
    id INTEGER PRIMARY KEY, grain_type TEXT NOT NULL, grain_key BLOB NOT NULL, state_name TEXT NOT NULL,
    generation INTEGER NOT NULL, version INTEGER NOT NULL, next_seq INTEGER NOT NULL,
    UNIQUE (grain_type, grain_key, state_name));
CREATE TABLE records (journal_id INTEGER NOT NULL, seq INTEGER NOT NULL, payload BLOB NOT NULL, PRIMARY KEY (journal_id, seq));
CREATE TABLE snapshots (journal_id INTEGER PRIMARY KEY, generation INTEGER NOT NULL, seq INTEGER NOT NULL, payload BLOB NOT NULL);
""")
# Two records appended (v1), compacted into a snapshot (v2), one more record (v3).
db.execute("INSERT INTO journals VALUES (1, 'stream', ?, 'state', 1, 3, 3)", (key("mystream"),))
db.execute("INSERT INTO snapshots VALUES (1, 1, 2, ?)", (encode(2, b"snapshot of r0 r1"),))
db.execute("INSERT INTO records VALUES (1, 2, ?)", (encode(1, b"r2"),))
# A binary key (NUL and 0xFF), two records in one append (v1).
db.execute("INSERT INTO journals VALUES (2, 'stream', ?, 'state', 0, 1, 2)", (key("k\x00\xff"),))
db.execute("INSERT INTO records VALUES (2, 0, ?)", (encode(1, b"first"),))
db.execute("INSERT INTO records VALUES (2, 1, ?)", (encode(1, b"\x00\x01\xfe\xff"),))
# A key beyond Latin-1, another grain type and state name.
db.execute("INSERT INTO journals VALUES (3, 'hash', ?, 'fields', 0, 1, 1)", (key("\u20ac"),))
db.execute("INSERT INTO records VALUES (3, 0, ?)", (encode(1, "\u20acuro".encode("utf-8")),))
db.commit()
db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
db.close()
