"""A fear's "who would do it": the client ticks kinds of persecutors, the case file keeps ids.

The case file names persecutors once, in ``claim.actors``, and a fear points at them by id
(``from_whom``). A client does not know those ids; they tick the KGB, the police, the courts.
Saving a tick keeps the ids staff already chose for that kind, else points at the first actor
of that kind, else adds an actor of that kind for staff to complete (name, unit, role).
"""

from __future__ import annotations

from typing import Any

from .records import Data

__all__ = ["FearedActors"]


class FearedActors:
    """Translates between the form's ``who`` (actor kinds) and the record's ``from_whom`` (ids)."""

    field = "who"

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
        kept = [i for i in (before or {}).get("from_whom", []) or [] if kinds.get(i) in wanted]
        ids = list(kept)
        for kind in wanted:
            if any(kinds.get(i) == kind for i in kept):
                continue
            ids.append(_actor_of_kind(data, kind))
        return {**answers, self.field: ids}


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
