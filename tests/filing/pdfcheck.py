"""Helpers the filing tests share: reading PDFs back the way a reviewer's tools would."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pypdf

from tests.conftest import require_tools

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("PRYTULAK_UPDATE_GOLDEN") == "1"


def field_values(pdf: bytes) -> dict[str, str]:
    """Every field pypdf can read, as text (checkboxes: their state without the slash)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    fields = reader.get_fields() or {}
    out = {}
    for name, field in fields.items():
        value = field.get("/V")
        if value is None:
            continue
        out[name] = str(value).removeprefix("/")
    return out


def qpdf_check(pdf: bytes, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "check.pdf"
    path.write_bytes(pdf)
    require_tools("qpdf")
    qpdf = shutil.which("qpdf")
    assert qpdf
    return subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True)


def pdf_text(pdf: bytes, tmp_path: Path, name: str = "text.pdf") -> str:
    require_tools("pdftotext")
    path = tmp_path / name
    path.write_bytes(pdf)
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


def compare_golden(name: str, actual: Any) -> None:
    path = GOLDEN / f"{name}.json"
    actual = json.loads(json.dumps(actual, ensure_ascii=False))  # tuples → lists, as stored
    if UPDATE or not path.exists():
        path.write_text(json.dumps(actual, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert actual == expected, f"{name} differs from {path} (PRYTULAK_UPDATE_GOLDEN=1 rewrites it)"
