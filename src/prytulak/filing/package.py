"""``build_package``: the whole filing package for one case, written to a folder.

Layout of the output folder::

    01-cover-letter.pdf
    02-i589.pdf                 Form I-589 with Supplements A/B
    03-declaration.pdf / .docx  numbered paragraphs; the DOCX is for the attorney to edit
    04-interpreter-certificate.pdf   when an interpreter is used
    05-exhibits.pdf (or 05-exhibits-vol1.pdf …)
    06-certificate-of-service.pdf    court filings only
    review/declaration-review-<lang>.pdf   bilingual copy for the applicant, not filed
    attorney/country-conditions-memo.pdf / .docx   sourced facts (and library passages) by
                                legal element, for the attorney's brief; not filed as is
    later/i765.pdf              (c)(8) work permit; filed separately, not with the I-589
    manifest.json               SHA-256, pages, editions; per exhibit, what went in (for
                                evidence locker items: item id and SHA-256 of the original)

Pass ``library`` (a ``prytulak.search.Library``) to add its passages to the memo.
When the case has an evidence locker, pass it opened (``Locker.open(folder, passphrase)``): its
items linked to the case's evidence go into the bundle, decrypted in memory only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from prytulak.case import CaseFile
from prytulak.evidence import Locker

from .declaration import render_declaration
from .document import render_pdf
from .exhibits import Bundle, BundleOptions, build_bundle
from .forms import fill_i589
from .forms.i765 import fill_i765
from .letters import certificate_of_service, cover_letter
from .manifest import ManifestFile, file_entry, write_manifest

__all__ = ["Package", "build_package"]


@dataclass
class Package:
    folder: Path
    files: list[ManifestFile] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    review_notes: list[str] = field(default_factory=list)
    bundle: Bundle | None = None
    manifest: Path | None = None


def _law_summary(case: CaseFile, today: date) -> dict[str, Any] | None:
    """The law engine's findings, when that package is installed (it is optional here)."""
    try:
        from prytulak.law import assess
    except ImportError:
        return None
    try:
        assessment = assess(case, today)
    except Exception as error:  # the engine reports its own problems; never block the build
        return {"error": str(error)}
    values = {v.id: v for f in assessment.findings for v in f.values}
    return {
        "as_of": assessment.as_of.isoformat(),
        "blocking": [f.id for f in assessment.blocking],
        "rule_values": [v.to_data() for v in values.values()],
    }


def build_package(
    case: CaseFile,
    folder: Path,
    out: Path,
    *,
    options: BundleOptions | None = None,
    today: date | None = None,
    progress: Callable[[str], None] | None = None,
    locker: Locker | None = None,
    library: Any = None,
) -> Package:
    today = today or date.today()
    out.mkdir(parents=True, exist_ok=True)
    package = Package(out)
    step = progress or (lambda _: None)
    step("exhibits")
    bundle = build_bundle(case, folder, out / "exhibits-tmp", options, progress, locker)
    package.bundle = bundle
    package.warnings += list(bundle.warnings) + [
        f"Not in the bundle: {m}" for m in bundle.not_included
    ]
    step("forms")
    i589 = fill_i589(case)
    i765 = fill_i765(case)
    package.review_notes += [f"I-589: {n}" for n in i589.review_notes()]
    package.review_notes += [f"I-765: {n}" for n in i765.review_notes()]
    step("declaration")
    declaration = render_declaration(case, folder, bundle.tabs())
    package.review_notes += [f"Declaration: {n}" for n in declaration.notes]
    files: list[tuple[str, bytes, str]] = [
        ("02-i589.pdf", i589.pdf, "Form I-589 " + i589.edition.edition),
        ("03-declaration.pdf", declaration.pdf, "declaration"),
        ("03-declaration.docx", declaration.docx, "declaration (editable)"),
        ("later/i765.pdf", i765.pdf, "Form I-765 (c)(8), filed separately"),
    ]
    if declaration.interpreter_pdf:
        files.append(
            (
                "04-interpreter-certificate.pdf",
                declaration.interpreter_pdf,
                "interpreter's certificate",
            )
        )
    if declaration.review_pdf and declaration.review_language:
        files.append(
            (
                f"review/declaration-review-{declaration.review_language}.pdf",
                declaration.review_pdf,
                "bilingual review copy (not filed)",
            )
        )
    step("country conditions")
    memo = _country_memo(case, today, library)
    if isinstance(memo, str):
        package.warnings.append(memo)
    else:
        files += [
            (
                f"attorney/country-conditions-memo.{kind}",
                data,
                "country-conditions memo (not filed)",
            )
            for kind, data in memo
        ]
    service = certificate_of_service(case, "Form I-589 and supporting documents")
    if service is not None:
        files.append(
            ("06-certificate-of-service.pdf", render_pdf(service), "certificate of service")
        )
    volumes = _move_volumes(bundle, out)
    if not volumes:
        package.warnings.append(
            "No exhibit has a file yet, so no exhibit bundle (05-exhibits.pdf) was written and "
            "the cover letter lists no exhibits"
        )
    enclosures = _enclosures(
        i589.page_count,
        declaration.interpreter_pdf is not None,
        bundle,
        volumes,
        service is not None,
    )
    letter = cover_letter(
        case,
        enclosures,
        today,
        ["Form I-765 is not enclosed; it is filed separately when the (c)(8) waiting period ends."],
    )
    files.insert(0, ("01-cover-letter.pdf", render_pdf(letter), "cover letter"))
    for name, data, role in files:
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        package.files.append(file_entry(out, path, role))
    package.files += [file_entry(out, out / v, "exhibit bundle") for v in volumes]
    package.files.sort(key=lambda f: f.path)
    package.manifest = write_manifest(
        out,
        package.files,
        [i589.edition, i765.edition],
        datetime.now().astimezone(),
        case.id,
        _law_summary(case, today),
        package.warnings,
        package.review_notes,
        _exhibit_records(bundle, volumes),
    )
    return package


def _country_memo(case: CaseFile, today: date, library: Any) -> list[tuple[str, bytes]] | str:
    """The memo as PDF and DOCX, or why there is none (a warning; never blocks the build)."""
    try:
        from prytulak.country import get_pack
        from prytulak.country.memo import build_memo, render_docx
        from prytulak.country.memo import render_pdf as render_memo_pdf

        memo = build_memo(case, get_pack(), today, library=library)
        return [("pdf", render_memo_pdf(memo)), ("docx", render_docx(memo))]
    except Exception as error:  # the memo supports the brief; the filing does not wait for it
        first = str(error).strip().splitlines()[0] if str(error).strip() else ""
        return f"No country-conditions memo: {first or type(error).__name__}"


def _exhibits_line(bundle: Bundle, volumes: int) -> str:
    """What the exhibit bundle really holds, in the cover letter's words."""
    rows = bundle.rows
    count = f"{len(rows)} exhibit" + ("s" if len(rows) > 1 else "")
    tabs = f"Tab {rows[0].tab}" if len(rows) == 1 else f"Tabs {rows[0].tab}–{rows[-1].tab}"
    line = f"Index of exhibits and {count} ({tabs})"
    if volumes > 1:
        line += f", in {volumes} volumes"
    translated, foreign = bundle.translated, bundle.translated + bundle.untranslated
    if translated == 1 and foreign == 1:
        line += (
            ", with an English translation of the foreign-language document and the "
            "translator's certificate"
        )
    elif translated and translated == foreign:
        line += (
            ", with English translations of the foreign-language documents and translators' "
            "certificates"
        )
    elif translated:
        line += (
            f", with English translations and translators' certificates for {translated} of "
            f"the {foreign} foreign-language documents"
        )
    return line


def _exhibit_records(bundle: Bundle, volumes: list[str]) -> list[dict[str, Any]]:
    """Each exhibit with the file of its volume (as named in the package)."""
    return [{**record, "file": volumes[record["volume"] - 1]} for record in bundle.exhibits]


def _move_volumes(bundle: Bundle, out: Path) -> list[str]:
    """Move the volumes into the package; with no exhibit at all there is nothing to file."""
    names = []
    for volume in bundle.volumes:
        if not bundle.rows:
            volume.path.unlink(missing_ok=True)
            continue
        target = out / f"05-{volume.path.name}"
        volume.path.replace(target)
        names.append(target.name)
    tmp = out / "exhibits-tmp"
    if tmp.is_dir() and not any(tmp.iterdir()):
        tmp.rmdir()
    return names


def _enclosures(
    i589_pages: int, interpreter: bool, bundle: Bundle, volumes: list[str], service: bool
) -> list[str]:
    items = [
        f"Form I-589, Application for Asylum and for Withholding of Removal ({i589_pages} pages,"
        " including Supplements A and B), signed by the applicant",
        "Declaration of the applicant",
    ]
    if interpreter:
        items.append("Certificate of interpretation")
    if volumes:
        items.append(_exhibits_line(bundle, len(volumes)))
    if service:
        items.append("Certificate of service")
    return items
