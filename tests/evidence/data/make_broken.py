"""Regenerate the broken inputs in broken/ (run: uv run python tests/evidence/data/make_broken.py).

Each file is named after the refusal code it must produce; expected.json holds the message.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pikepdf
from PIL import Image

HERE = Path(__file__).parent / "broken"


def _pdf() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def _encrypted_pdf() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    buffer = io.BytesIO()
    pdf.save(buffer, encryption=pikepdf.Encryption(owner="owner-pw", user="user-pw"))
    return buffer.getvalue()


def _pixel_bomb() -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (8, 8), 255).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    ihdr = struct.pack(">II", 40000, 40000) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return bytes(data)


def _truncated_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise((400, 300), 40).convert("RGB").save(buffer, "JPEG")
    return buffer.getvalue()[:3000]


def _docx(extra: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for name, data in extra.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def main() -> None:
    HERE.mkdir(exist_ok=True)
    files = {
        "empty.pdf": b"",
        "damaged-pdf.pdf": _pdf()[:120] + b"\n%% cut off here",
        "encrypted-pdf.pdf": _encrypted_pdf(),
        "pixel-limit.png": _pixel_bomb(),
        "damaged-image.jpg": _truncated_jpeg(),
        "program.pdf": b"\x7fELF\x02\x01\x01" + bytes(200),
        "archive.zip": _docx({"photos/a.txt": b"x"}).replace(
            b"[Content_Types]", b"[Other_Typesxx]"
        ),
        "macros.docx": _docx(
            {"word/document.xml": b"<w:document/>", "word/vbaProject.bin": b"\0" * 64}
        ),
        "decompression-bomb.docx": _docx({"word/document.xml": b" " * 6_000_000}),
        "unknown-type.bin": bytes(range(256)) * 4,
    }
    for name, data in files.items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()
