"""The fixes a package build's warnings give, in the workbench's words rather than commands.

``prytulak.filing`` names the gap (a document without a certified translation, an upload not
described as evidence); this says where on the case's pages it is fixed. It satisfies
``prytulak.filing.exhibits.remedies.Remedies``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Upload

__all__ = ["WorkbenchRemedies"]


@dataclass(frozen=True)
class WorkbenchRemedies:
    case_pk: int

    def certify_draft(self, item_id: str, draft_id: str) -> str:
        return (
            f"a translator or staff member opens {self._document(item_id)}, reviews the draft "
            f"translation {draft_id} against the original and enters the certified English "
            "translation there"
        )

    def add_translation(self, item_id: str) -> str:
        return (
            f"a translator or staff member opens {self._document(item_id)} and enters the "
            "certified English translation there"
        )

    def link_to_evidence(self) -> str:
        return (
            'to file one, follow "say what it is" beside it under Uploaded documents on the case '
            "page; documents taken out of the evidence on purpose are listed here too"
        )

    def _document(self, item_id: str) -> str:
        names = Upload.objects.filter(case_id=self.case_pk, item_id=item_id).values_list(
            "filename", flat=True
        )
        name = next(iter(names), None)
        where = f'the document "{name}"' if name else f"document {item_id}"
        return f'{where} (its "text" link under Uploaded documents on the case page)'
