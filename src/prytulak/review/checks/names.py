"""Names in the documents against the names in the case: SIARHEI, Сергей and Sergey."""

from __future__ import annotations

from collections.abc import Iterator

from prytulak.case import CaseFile
from prytulak.names.consistency import check_name_consistency

from ..findings import Finding, Location, Severity
from ..inputs import DocumentText, ReviewInput
from ..registry import check


def _person_path(case: CaseFile, person_id: str) -> str:
    if person_id == "applicant":
        return "applicant.name"
    family = case.family
    if family.spouse and family.spouse.id == person_id:
        return "family.spouse.name"
    for i, child in enumerate(family.children):
        if child.id == person_id:
            return f"family.children[{i}].name"
    for i, relative in enumerate(family.relatives):
        if relative.id == person_id:
            return f"family.relatives[{i}].name"
    for i, actor in enumerate(case.claim.actors):
        if actor.id == person_id:
            return f"claim.actors[{i}].name_native"
    return person_id


def _page_key(document: DocumentText, number: int) -> str:
    return f"{document.evidence_id}#{number}"


@check("text.name-spelling")
def name_spellings(data: ReviewInput) -> Iterator[Finding]:
    pages = {_page_key(d, p.number): (d, p.number, p.text) for d in data.documents for p in d.pages}
    if not pages:
        return
    texts = {key: text for key, (_, _, text) in pages.items()}
    for finding in check_name_consistency(data.case, texts):
        path = _person_path(data.case, finding.person_id)
        for found in finding.found:
            document, number, text = pages[found.evidence_id]
            offset = text.find(found.text)
            line = text.count("\n", 0, offset) + 1 if offset >= 0 else None
            yield Finding(
                "text.name-spelling",
                Severity.WARNING,
                f'{finding.label}: {document.evidence_id} writes "{found.text}", which the '
                f"case does not record ({' / '.join(finding.recorded)})",
                "Align the spellings, add the spelling to other names used (I-589 A.I item 7), "
                "or explain it (Belarusian or Russian form, transliteration, declension)",
                Location(
                    evidence_id=document.evidence_id, file=document.file, page=number, line=line
                ),
                (Location(path),),
            )
