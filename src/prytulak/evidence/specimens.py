"""Fictional specimen scans (Russian and Belarusian) for the demo, the tests and the benchmark.

Rendered with DejaVu Serif, then degraded like a real scan: slight rotation, blur, speckle.
Every name, number and date in these texts is invented.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

__all__ = ["SPECIMEN_TEXTS", "render_scan", "scan_pdf"]

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

SPECIMEN_TEXTS: dict[str, str] = {
    "ru": (
        "ПОВЕСТКА\n"
        "Гражданин Козлов Евгений Петрович\n"
        "вызывается в Следственный комитет\n"
        "Республики Беларусь к следователю\n"
        "22 марта 2022 года к 10 часам\n"
        "в качестве подозреваемого по делу\n"
        "по статье 342 Уголовного кодекса.\n"
        "При неявке без уважительных причин\n"
        "вы можете быть подвергнуты приводу."
    ),
    "be": (
        "ПАСТАНОВА\n"
        "Суд Фрунзенскага раёна горада Мінска\n"
        "разгледзеў справу аб адміністрацыйным\n"
        "правапарушэнні ў адносінах да\n"
        "Казлова Яўгена Пятровіча і вызначыў\n"
        "спагнанне ў выглядзе штрафу ў памеры\n"
        "дваццаці базавых велічынь.\n"
        "Пастанова можа быць абскарджана."
    ),
}


def _font(size: int) -> ImageFont.FreeTypeFont:
    path = FONT_DIR / "DejaVuSerif.ttf"
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: install fonts-dejavu-core")
    return ImageFont.truetype(str(path), size)


def render_scan(
    text: str,
    *,
    seed: int = 7,
    dpi: int = 200,
    font_px: int = 30,
    angle: float = 1.2,
    noise: float = 0.004,
    blur: float = 0.6,
) -> Image.Image:
    """A grey page image of ``text`` that looks scanned: rotated, blurred and speckled."""
    rng = random.Random(seed)
    font = _font(font_px)
    lines = text.splitlines()
    width = int(dpi * 6.3)
    line_h = int(font_px * 1.6)
    height = max(int(dpi * 3.2), 2 * line_h + line_h * len(lines) + dpi // 2)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    y = dpi // 3
    for line in lines:
        draw.text((dpi // 3, y), line, font=font, fill=rng.randint(10, 50))
        y += line_h
    page = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    if blur:
        page = page.filter(ImageFilter.GaussianBlur(blur))
    pixels = page.load()
    assert pixels is not None
    w, h = page.size
    for _ in range(int(w * h * noise)):
        pixels[rng.randrange(w), rng.randrange(h)] = rng.choice((0, 90, 200, 255))
    page.info["dpi"] = (dpi, dpi)
    return page


def scan_pdf(images: list[Image.Image], dpi: int = 200) -> bytes:
    """A PDF with no text layer, one scanned image per page (what a copier produces)."""
    buffer = io.BytesIO()
    first, *rest = [img.convert("RGB") for img in images]
    first.save(buffer, format="PDF", save_all=True, append_images=rest, resolution=dpi)
    return buffer.getvalue()
