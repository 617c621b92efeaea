"""Removing location and device data from image copies that leave the locker.

The original in the locker keeps everything (it is the evidence). Exported copies lose the GPS
position, the camera or phone make, model and serial numbers, the owner's name, the software
and maker notes, XMP packets and comments. The date the photo was taken and its orientation are
kept, because they are usually what the photo proves. HEIC photos are exported as JPEG, which
every attorney's computer opens.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageSequence

from .inspection import open_image
from .sniff import FileKind

__all__ = ["StrippedImage", "strip_image_metadata"]

GPS_IFD = 0x8825
EXIF_IFD = 0x8769
_DEVICE_TAGS = {
    0x010F: "camera make",
    0x0110: "camera model",
    0x0131: "software",
    0x013B: "artist",
    0x013C: "host computer",
}
_EXIF_DEVICE_TAGS = {
    0x927C: "maker note",
    0xA430: "camera owner",
    0xA431: "camera serial number",
    0xA432: "lens specification",
    0xA433: "lens make",
    0xA434: "lens model",
    0xA435: "lens serial number",
    0xA420: "image unique id",
}
_FORMATS = {
    FileKind.JPEG: ("JPEG", ".jpg"),
    FileKind.HEIC: ("JPEG", ".jpg"),
    FileKind.PNG: ("PNG", ".png"),
    FileKind.TIFF: ("TIFF", ".tif"),
    FileKind.WEBP: ("WEBP", ".webp"),
    FileKind.GIF: ("GIF", ".gif"),
}


@dataclass(frozen=True)
class StrippedImage:
    data: bytes
    suffix: str
    removed: tuple[str, ...]


def strip_image_metadata(
    data: bytes, kind: FileKind, max_pixels: int = 100_000_000
) -> StrippedImage:
    image = open_image(data, max_pixels)
    exif = image.getexif()
    removed = _clean(exif)
    image.info.pop("exif", None)  # the cleaned EXIF above is written instead
    for key in ("xmp", "XML:com.adobe.xmp", "comment", "Comment"):
        if image.info.pop(key, None) is not None:
            removed.append(f"{key.split(':')[0].lower()} metadata")
    pil_format, suffix = _FORMATS[kind]
    out = io.BytesIO()
    if kind is FileKind.JPEG:
        image.save(
            out,
            "JPEG",
            exif=exif.tobytes(),
            quality="keep",
            icc_profile=image.info.get("icc_profile"),
        )
    elif kind is FileKind.HEIC:
        image.convert("RGB").save(out, "JPEG", exif=exif.tobytes(), quality=92)
    else:
        frames = [_fresh(frame) for frame in ImageSequence.Iterator(image)]
        options: dict[str, object] = {}
        if pil_format in ("PNG", "TIFF", "WEBP"):
            options["exif"] = exif.tobytes()
        if len(frames) > 1:
            options |= {"save_all": True, "append_images": frames[1:]}
        frames[0].save(out, pil_format, **options)
    return StrippedImage(out.getvalue(), suffix, tuple(dict.fromkeys(removed)))


def _clean(exif: Image.Exif) -> list[str]:
    removed = []
    gps = exif.get_ifd(GPS_IFD)
    if gps or GPS_IFD in exif:
        removed.append("GPS position")
        exif.pop(GPS_IFD, None)
    for tag, label in _DEVICE_TAGS.items():
        if exif.pop(tag, None) is not None:
            removed.append(label)
    inner = exif.get_ifd(EXIF_IFD)
    for tag, label in _EXIF_DEVICE_TAGS.items():
        if inner.pop(tag, None) is not None:
            removed.append(label)
    return removed


def _fresh(frame: Image.Image) -> Image.Image:
    """A copy with pixels and palette only: no TIFF tags or text chunks carried over."""
    copy = frame.copy()
    copy.info = {
        k: v
        for k, v in frame.info.items()
        if k in ("dpi", "icc_profile", "transparency", "duration", "loop")
    }
    return copy
