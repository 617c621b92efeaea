"""Real evidence files for the bundle tests: PDFs with Cyrillic text, a photo, a DOCX,
a damaged PDF and a password-protected PDF."""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
from docx import Document
from PIL import Image
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from ruamel.yaml import YAML

from tests.conftest import DEMO_ROOT

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def pdf_with_text(path: Path, pages: list[str]) -> Path:
    pdfmetrics.registerFont(TTFont("TestSans", FONT))
    canvas = Canvas(str(path))
    for text in pages:
        canvas.setFont("TestSans", 14)
        canvas.drawString(72, 720, text)
        canvas.showPage()
    canvas.save()
    return path


def case_with_evidence(tmp_path: Path, demo: str = "protester") -> Path:
    """A copy of a demo case with a real file for each evidence item (two pages each)."""
    folder = tmp_path / demo
    shutil.copytree(DEMO_ROOT / demo, folder)
    evidence = folder / "evidence"
    evidence.mkdir(exist_ok=True)
    yaml = YAML()
    data = yaml.load((folder / "case.yaml").read_text(encoding="utf-8"))
    for index, item in enumerate(data["evidence"]):
        name = f"{item['id']}.pdf"
        if index == 2:
            name = f"{item['id']}.png"
            Image.new("RGB", (400, 300), (200, 30, 30)).save(evidence / name)
        elif index == 3:
            name = f"{item['id']}.docx"
            doc = Document()
            doc.add_paragraph(f"Справка {item['id']}: ушибы, сотрясение мозга")
            doc.save(str(evidence / name))
        else:
            pdf_with_text(evidence / name, [f"{item['id']} документ, стр. {n}" for n in (1, 2)])
        item["file"] = name
        if item.get("language") not in (None, "en") and index % 2 == 0:
            stem = Path(name).stem
            pdf_with_text(evidence / f"{stem}.en.pdf", [f"Translation of {item['id']}"])
    with (folder / "case.yaml").open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return folder


def break_file(folder: Path, evidence_id: str, how: str) -> Path:
    path = folder / "evidence" / f"{evidence_id}.pdf"
    if how == "corrupt":
        path.write_bytes(b"%PDF-1.7\nthis is not really a pdf\n")
    else:
        with pikepdf.open(path, allow_overwriting_input=True) as pdf:
            pdf.save(path, encryption=pikepdf.Encryption(user="secret", owner="secret"))
    return path
