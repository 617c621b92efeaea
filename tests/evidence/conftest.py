"""Fixtures for the evidence locker tests: a case folder with an empty locker, sample files."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PIL import Image

from prytulak.evidence import Locker
from prytulak.store.keys import KdfParams
from tests.conftest import DEMO_ROOT

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def case_folder(tmp_path: Path) -> Path:
    target = tmp_path / "case"
    shutil.copytree(DEMO_ROOT / "protester", target)
    return target


@pytest.fixture
def locker(case_folder: Path) -> Locker:
    return Locker.create(case_folder, PASSPHRASE, KdfParams.light())


def photo_with_gps() -> bytes:
    """A JPEG as a phone makes it: GPS position, make, model, serial, date taken."""
    image = Image.effect_noise((64, 48), 30).convert("RGB")
    exif = image.getexif()
    exif[0x010F] = "Apple"
    exif[0x0110] = "iPhone 12"
    exif[0x0132] = "2020:08:09 19:40:00"
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (53.0, 54.0, 7.0)
    gps[3] = "E"
    gps[4] = (27.0, 33.0, 41.0)
    exif.get_ifd(0x8769)[0xA431] = "DNPX1234"
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()
