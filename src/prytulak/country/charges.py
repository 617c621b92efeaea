"""Country context for the charges a case names: what the article criminalizes, its penalties,
and the sourced facts on its political use. Shared by the assessment, declaration and memo."""

from __future__ import annotations

from dataclasses import dataclass

from prytulak.case import CaseFile, Charge, Event

from .pack import CountryPack
from .records import ArticleRecord, Fact

__all__ = ["ChargeContext", "charge_contexts"]


@dataclass(frozen=True)
class ChargeContext:
    event: Event
    charge: Charge
    article: ArticleRecord | None  # None: the pack has no entry for this article yet
    facts: tuple[Fact, ...]

    @property
    def label(self) -> str:
        if self.article is not None:
            return self.article.label()
        code = "Criminal Code" if self.charge.code.value == "criminal" else "CAO"
        return f"{code} art. {self.charge.article}"


def charge_contexts(case: CaseFile, pack: CountryPack) -> list[ChargeContext]:
    """One entry per charge in the case's events, in timeline order."""
    out = []
    for event in case.claim.timeline():
        for charge in event.charges:
            article = pack.article_for(charge)
            facts: tuple[Fact, ...] = ()
            if article is not None:
                facts = tuple(f for i in article.facts if (f := pack.fact(i)) is not None)
            out.append(ChargeContext(event, charge, article, facts))
    return out
