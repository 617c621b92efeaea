"""The review report as text, JSON or HTML."""

from __future__ import annotations

import json
from dataclasses import asdict
from importlib import resources
from typing import Any

from jinja2 import Environment, select_autoescape

from .engine import ReviewReport
from .findings import Finding, Severity

__all__ = ["DISCLAIMER", "report_html", "report_json", "report_text"]

DISCLAIMER = (
    "This review is a draft for the attorney. It is not legal advice; every finding must be "
    "checked by the attorney against the documents."
)


def _finding_dict(finding: Finding) -> dict[str, Any]:
    data = asdict(finding)
    data["severity"] = finding.severity.label
    data["location"] = {**asdict(finding.location), "text": str(finding.location)}
    data["related"] = [{**asdict(r), "text": str(r)} for r in finding.related]
    return data


def report_json(report: ReviewReport) -> str:
    payload = {
        "case": report.case_id,
        "as_of": report.as_of.isoformat(),
        "counts": {s.label: report.count(s) for s in Severity},
        "findings": [_finding_dict(f) for f in report.findings],
        "failed_checks": list(report.failed_checks),
        "notes": list(report.notes),
        "disclaimer": DISCLAIMER,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def report_text(report: ReviewReport) -> str:
    counts = ", ".join(f"{report.count(s)} {s.label}" for s in reversed(Severity))
    lines = [f"Review of {report.case_id} as of {report.as_of}: {counts}", ""]
    lines += [f"! {note}" for note in report.notes]
    lines += [""] if report.notes else []
    for number, finding in enumerate(report.findings, start=1):
        lines.append(f"{number}. [{finding.severity.label}] {finding.message}")
        lines.append(f"   at: {finding.location}")
        for related in finding.related:
            lines.append(f"   see also: {related}")
        lines.append(f"   fix: {finding.fix}")
    for failed in report.failed_checks:
        lines.append(f"! a check failed and was skipped: {failed}")
    lines += ["", DISCLAIMER]
    return "\n".join(lines) + "\n"


def report_html(report: ReviewReport) -> str:
    environment = Environment(autoescape=select_autoescape(default=True))
    source = (resources.files("prytulak.review") / "templates" / "report.html").read_text("utf-8")
    template = environment.from_string(source)
    return template.render(
        report=report,
        findings=[_finding_dict(f) for f in report.findings],
        counts={s.label: report.count(s) for s in reversed(Severity)},
        disclaimer=DISCLAIMER,
    )
