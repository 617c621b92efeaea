"""Builds small EOIR R&A roster PDFs with the real column layout (directory_sources.md §2.3).

Column headers 1, 2, 5 and 7 are EOIR's words as quoted there; 3, 4 and 6 are described, not
quoted, in the reference, so their wording here is ours. Names are fictional.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

AMBER = "Amber Valley Immigrant Aid"
BIRCH = "Birch Street Legal Center"
ORG_HEADER = [
    "Recognized Organization",
    "Date Recognized",
    "Recognition Expiration Date",
    "Organization Status",
    "Accredited Representative",
    "Accreditation Expiration Date",
    "Representative Status",
]
REP_HEADER = [
    "Accredited Representative",
    "Accreditation Expiration Date",
    "Representative Status",
    "Recognized Organization",
    "Date Recognized",
    "Recognition Expiration Date",
    "Organization Status",
]

ORG_PAGE_1 = [
    ORG_HEADER,
    ["A", "", "", "", "", "", ""],
    [
        "Amber Valley Immigrant Aid",
        "03/14/19",
        "03/14/25*",
        "Active (Pending Renewal)",
        "Hanna Ostrova",
        "05/02/27",
        "Active",
    ],
    ["", "", "", "", "Piotr Lavrenov (DHS only)", "11/30/26", "Active"],
    ["B", "", "", "", "", "", ""],
    [
        "Birch Street Legal Center",
        "07/01/21",
        "07/01/27",
        "Active",
        "Olga Sidarenka (DHS only)",
        "07/01/27",
        "Active",
    ],
]
CONTINUATION = [["Ivan Mazur (DHS only)", "01/15/26", "Inactive"]]
ORG_PAGE_2 = [
    ORG_HEADER,
    ["C", "", "", "", "", "", ""],
    ["Cedar Refugee Services", "02/10/20", "02/10/26", "Terminated", "", "", ""],
]
ADDRESSES = [
    "Recognized Organization Address",
    "Amber Valley Immigrant Aid Principal Office",
    "120 North Main Street, Suite 4",
    "Chicago, IL 60602",
    "(312) 555-0100",
    "Birch Street Legal Center",
    "Principal Office",
    "44 Birch Street",
    "Brooklyn, NY 11201",
    "(718) 555-0142",
]


def _table(rows: list[list[str]]) -> Table:
    table = Table(rows, repeatRows=0)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("FONTSIZE", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return table


def build_org_list(path: Path, updated: str = "11/14/26") -> Path:
    styles = getSampleStyleSheet()
    story = [
        Paragraph("Recognized Organizations List", styles["Title"]),
        Paragraph(f"Report Last Updated on: {updated}", styles["Normal"]),
        Paragraph("Number of Recognized Organizations: 3", styles["Normal"]),
        Spacer(1, 6),
        _table(ORG_PAGE_1),
        PageBreak(),
        _table(CONTINUATION),
        Spacer(1, 12),
        _table(ORG_PAGE_2),
        PageBreak(),
    ]
    story += [Paragraph(line, styles["Normal"]) for line in ADDRESSES]
    SimpleDocTemplate(str(path), pagesize=landscape(LETTER)).build(story)
    return path


def build_rep_list(path: Path) -> Path:
    styles = getSampleStyleSheet()
    rows = [
        REP_HEADER,
        [
            "Hanna Ostrova",
            "05/02/27",
            "Active",
            "Amber Valley Immigrant Aid",
            "03/14/19",
            "03/14/25*",
            "Active",
        ],
        [
            "Olga Sidarenka (DHS only)",
            "07/01/27",
            "Active",
            "Birch Street Legal Center",
            "07/01/21",
            "07/01/27",
            "Active",
        ],
    ]
    story = [
        Paragraph("Accredited Representatives List", styles["Title"]),
        Paragraph("Report Last Updated on: 11/14/26", styles["Normal"]),
        Paragraph("Recognized Organization and Accredited Representative roster", styles["Normal"]),
        _table(rows),
    ]
    SimpleDocTemplate(str(path), pagesize=landscape(LETTER)).build(story)
    return path
