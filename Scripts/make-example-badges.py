#!/usr/bin/env python3
"""Draws the small example badge images in Tests/Fixtures (pure Python: zlib + struct, no imaging library).

The images are drawn, not copied from anywhere; bake them with our own `bake` tool afterwards:
    python3 Scripts/make-example-badges.py
    swift run bake Tests/Fixtures/plain-badge.png --payload Tests/Fixtures/example-assertion.json --output Tests/Fixtures/example-badge.png
"""
import math
import struct
import zlib
from pathlib import Path

SIZE = 96


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def pixel(x: int, y: int) -> bytes:
    cx = cy = (SIZE - 1) / 2
    r = math.hypot(x - cx, y - cy)
    if r > SIZE / 2 - 1:
        return bytes((0, 0, 0, 0))
    if r > SIZE / 2 - 8:
        return bytes((0xC9, 0x8B, 0x1A, 0xFF))  # gold rim
    # a simple five-pointed star on blue
    angle = math.atan2(y - cy, x - cx) + math.pi / 2
    spike = 0.5 + 0.5 * math.cos(5 * angle)
    if r < 12 + 20 * spike:
        return bytes((0xFF, 0xFF, 0xFF, 0xFF))
    return bytes((0x1F, 0x4E, 0x9E, 0xFF))


def main() -> None:
    rows = b"".join(b"\x00" + b"".join(pixel(x, y) for x in range(SIZE)) for y in range(SIZE))
    ihdr = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
    png += chunk(b"tEXt", b"Software\x00BadgeBaking Scripts/make-example-badges.py")
    png += chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    out = Path(__file__).resolve().parent.parent / "Tests" / "Fixtures" / "plain-badge.png"
    out.write_bytes(png)
    print(f"wrote {out} ({len(png)} bytes)")


if __name__ == "__main__":
    main()
