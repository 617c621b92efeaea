"""OCR with tesseract (``rus+bel+eng``): ocrmypdf for PDFs, the tesseract CLI for images.

Images go to tesseract through a pipe (``tesseract stdin stdout``), so no decrypted copy is
written to disk. ocrmypdf works in its own temporary folder (set ``TMPDIR`` to an encrypted
volume if that matters). Results are cached by content hash (``OcrCache``), so nothing is OCR'd
twice and an interrupted job resumes where it stopped.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageOps

from prytulak.store.folder import atomic_write

from .errors import EvidenceError
from .inspection import open_image

__all__ = [
    "OcrCache",
    "OcrSettings",
    "image_pages",
    "ocr_images",
    "ocr_pdf",
    "tesseract_page",
    "tesseract_version",
]

_ROTATE = re.compile(r"Rotate:\s+(\d+)")


@dataclass(frozen=True)
class OcrSettings:
    languages: str = "rus+bel+eng"
    workers: int = max(1, os.cpu_count() or 1)
    pdf_deskew: bool = True
    pdf_rotate_pages: bool = True
    timeout_s: int = 300

    def key(self) -> str:
        return f"{self.languages}|deskew={self.pdf_deskew}|rotate={self.pdf_rotate_pages}"


@lru_cache(maxsize=1)
def tesseract_version() -> str:
    if shutil.which("tesseract") is None:
        raise EvidenceError(
            "tesseract is not installed, so scans and photos cannot be read",
            "install it: apt-get install tesseract-ocr tesseract-ocr-rus tesseract-ocr-bel",
        )
    out = subprocess.run(["tesseract", "--version"], capture_output=True, text=True, check=False)
    return (out.stdout or out.stderr).splitlines()[0].strip()


def _env() -> dict[str, str]:
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def tesseract_page(image: bytes, settings: OcrSettings) -> str:
    """OCR one page image (PNG/PGM/TIFF/JPEG bytes); rotated pages are turned upright first."""
    text = _tesseract(image, settings)
    if sum(ch.isalpha() for ch in text) >= 25:
        return text
    angle = _orientation(image)
    if angle:
        return _tesseract(_rotate(image, angle), settings)
    return text


def _tesseract(image: bytes, settings: OcrSettings) -> str:
    tesseract_version()
    result = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", settings.languages],
        input=image,
        capture_output=True,
        env=_env(),
        timeout=settings.timeout_s,
        check=False,
    )
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise EvidenceError(
            f"tesseract could not read a page ({message[-1] if message else result.returncode})",
            "check that tesseract-ocr-rus and tesseract-ocr-bel are installed",
        )
    return result.stdout.decode("utf-8", "replace").strip()


def _orientation(image: bytes) -> int:
    result = subprocess.run(
        ["tesseract", "stdin", "stdout", "--psm", "0"],
        input=image,
        capture_output=True,
        env=_env(),
        timeout=120,
        check=False,
    )
    match = _ROTATE.search(result.stdout.decode("utf-8", "replace"))
    return int(match.group(1)) if match else 0


def _rotate(image: bytes, angle: int) -> bytes:
    with Image.open(io.BytesIO(image)) as picture:
        return _encode(picture.rotate(-angle, expand=True))


def _encode(picture: Image.Image) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, format="PPM")  # uncompressed: fastest to write and to read
    return buffer.getvalue()


_ORIENTATION = 0x0112  # EXIF tag; 1 (or absent) means the pixels are already upright


def image_pages(data: bytes, max_pixels: int = 100_000_000) -> Iterator[bytes]:
    """Each frame of an image (TIFF scans have several), upright, ready for tesseract.

    A single upright PNG or JPEG goes to tesseract as it is (it reads both), which saves
    decoding and re-encoding tens of megabytes per scanned page."""
    picture = open_image(data, max_pixels)
    frames = getattr(picture, "n_frames", 1)
    upright = picture.getexif().get(_ORIENTATION, 1) == 1
    if frames == 1 and upright and picture.format in ("PNG", "JPEG"):
        yield data
        return
    for index in range(frames):
        picture.seek(index)
        frame = ImageOps.exif_transpose(picture) if index == 0 else picture
        yield _encode(frame.convert("L"))


def ocr_images(pages: list[bytes], settings: OcrSettings, done: Callable[[int, str], None]) -> None:
    """OCR several page images in parallel; ``done(index, text)`` as each finishes."""
    with ThreadPoolExecutor(max_workers=settings.workers) as pool:
        futures = {pool.submit(tesseract_page, page, settings): i for i, page in enumerate(pages)}
        for future, index in futures.items():
            done(index, future.result())


def ocr_pdf(data: bytes, settings: OcrSettings, pages: int = 0) -> bytes:
    """A searchable PDF: pages without text get an OCR text layer; pages with text are kept."""
    tesseract_version()
    import ocrmypdf
    from ocrmypdf.exceptions import ExitCodeException

    logging.getLogger("ocrmypdf").setLevel(logging.ERROR)
    out = io.BytesIO()
    try:
        ocrmypdf.ocr(
            io.BytesIO(data),
            out,
            language=settings.languages.split("+"),
            skip_text=True,
            deskew=settings.pdf_deskew,
            rotate_pages=settings.pdf_rotate_pages,
            jobs=min(settings.workers, pages) if pages else settings.workers,
            progress_bar=False,
            output_type="pdf",
            optimize=0,
        )
    except ExitCodeException as exc:
        raise EvidenceError(
            f"ocrmypdf could not OCR this PDF ({type(exc).__name__}: {exc})",
            "check the PDF opens in a viewer; scan it again if pages are damaged",
        ) from None
    return out.getvalue()


class OcrCache:
    """Maps (content hash, page, settings, tesseract version) to the blob holding the result."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def key(self, source_sha: str, part: str, settings: OcrSettings) -> str:
        raw = f"{source_sha}|{part}|{settings.key()}|{tesseract_version()}"
        return hashlib.sha256(raw.encode()).hexdigest()

    def get(self, key: str) -> str | None:
        path = self.folder / key
        return path.read_text(encoding="ascii").strip() if path.is_file() else None

    def put(self, key: str, blob_sha: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write(self.folder / key, blob_sha.encode("ascii"))
