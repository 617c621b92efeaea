"""How the user fixes an evidence problem the build found, in the words of where they work.

The same gap (a foreign-language document without a certified translation, a locker item not
linked to the case's evidence) is fixed with a command at the terminal and with a page in the
web workbench. The build names the problem; a ``Remedies`` supplies the fix, so a warning never
sends a web user to a command line they do not have.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

__all__ = ["CommandLineRemedies", "Remedies"]


class Remedies(Protocol):
    def certify_draft(self, item_id: str, draft_id: str) -> str:
        """The fix for an item whose only translation is an uncertified draft."""
        ...

    def add_translation(self, item_id: str) -> str:
        """The fix for an item with no English translation at all."""
        ...

    def link_to_evidence(self) -> str:
        """The fix for locker items that no evidence entry of the case names."""
        ...


@dataclass(frozen=True)
class CommandLineRemedies:
    """Fixes as ``prytulak evidence`` commands on the case folder."""

    case_folder: str

    def certify_draft(self, item_id: str, draft_id: str) -> str:
        return (
            "a qualified translator reviews it and certifies it: `prytulak evidence translate "
            f"{self.case_folder} {item_id} --certify {draft_id} --translator NAME --address "
            f"ADDRESS`, or adds a person's translation: {self._person(item_id)}"
        )

    def add_translation(self, item_id: str) -> str:
        return f"add a certified translation: {self._person(item_id)}"

    def link_to_evidence(self) -> str:
        return f"link each with `prytulak evidence describe {self.case_folder} ITEM --ref E..`"

    def _person(self, item_id: str) -> str:
        return (
            f"`prytulak evidence translate {self.case_folder} {item_id} --text-file FILE "
            "--translator NAME --address ADDRESS`"
        )
