"""Who did it (an event) or would do it (a fear): the client ticks kinds, the case file keeps ids.

The case file names persecutors once, in ``claim.actors``, and an event (``actors``) or a fear
(``from_whom``) points at them by id. A client does not know those ids; they tick the KGB,
the police, the courts.
Saving a tick keeps the ids staff already chose for that kind, else points at the first actor
of that kind, else adds an actor of that kind for staff to complete (name, unit, role).
"""

from __future__ import annotations

from typing import Any

from .records import Data

__all__ = ["ActorsByKind", "FearAnswers"]


class ActorsByKind:
    """Translates between the form's ``who`` (actor kinds) and the record's ids (``path``)."""

    field = "who"

    def __init__(self, path: str = "from_whom") -> None:
        self.path = path

    def shown(self, data: Data, answers: Data) -> Data:
        ids = answers.get(self.field) or []
        kinds = _kinds_by_id(data)
        chosen = [kinds[i] for i in ids if i in kinds]
        shown = {k: v for k, v in answers.items() if k != self.field}
        if chosen:
            shown[self.field] = list(dict.fromkeys(chosen))
        return shown

    def stored(self, data: Data, answers: Data, before: Data | None) -> Data:
        if self.field not in answers:
            return answers
        wanted = list(dict.fromkeys(answers[self.field] or []))
        kinds = _kinds_by_id(data)
        kept = [i for i in (before or {}).get(self.path, []) or [] if kinds.get(i) in wanted]
        ids = list(kept)
        for kind in wanted:
            if any(kinds.get(i) == kind for i in kept):
                continue
            ids.append(_actor_of_kind(data, kind))
        return {**answers, self.field: ids}


class FearAnswers(ActorsByKind):
    """A fear's who (as actor ids), and its grounds added to the claim's grounds (I-589 B.1
    ticks ``claim.grounds``); a ground the client unticks later stays in the claim until
    staff remove it, since it may rest on other facts."""

    def stored(self, data: Data, answers: Data, before: Data | None) -> Data:
        stored = super().stored(data, answers, before)
        claim = data.setdefault("claim", {})
        grounds = claim.setdefault("grounds", [])
        for ground in answers.get("grounds") or []:
            if ground not in grounds:
                grounds.append(ground)
        return stored


def _actors(data: Data) -> list[Any]:
    claim = data.setdefault("claim", {})
    actors = claim.setdefault("actors", [])
    return actors if isinstance(actors, list) else []


def _kinds_by_id(data: Data) -> dict[str, str]:
    claim = data.get("claim") or {}
    actors = claim.get("actors") or [] if isinstance(claim, dict) else []
    return {
        str(a["id"]): str(a.get("kind"))
        for a in actors
        if isinstance(a, dict) and a.get("id") is not None
    }


def _actor_of_kind(data: Data, kind: str) -> str:
    actors = _actors(data)
    for actor in actors:
        if isinstance(actor, dict) and actor.get("kind") == kind and actor.get("id"):
            return str(actor["id"])
    taken = {str(a.get("id")) for a in actors if isinstance(a, dict)}
    new_id = kind.replace("_", "-")
    number = 2
    while new_id in taken:
        new_id = f"{kind.replace('_', '-')}-{number}"
        number += 1
    actors.append({"id": new_id, "kind": kind})
    return new_id
