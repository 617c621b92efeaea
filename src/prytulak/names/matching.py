"""Comparing two names across scripts and systems: a score from 0 to 100 and the reasons.

Each token of one name is paired with the most similar token of the other (similarity = the best
edit-distance ratio between any spelling of one and any spelling of the other, on matching
keys). The score is the weighted mean over the pairs (surnames weigh twice), less a penalty for
tokens left without a partner; a single shared token, or a surname pair below 80, caps it.
A score is a measure of spelling similarity, never proof that two names are one person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from .analysis import AnalyzedName, NameToken, Spelling, analyze_name, first_letters, is_initial

__all__ = ["DEFAULT_THRESHOLD", "NameMatch", "TokenPair", "compare_analyzed", "compare_names"]

DEFAULT_THRESHOLD = 85.0
_WEIGHT = {"surname": 2.0, "given": 1.0, "patronymic": 0.6}
_UNPAIRED_PENALTY = {"surname": 8.0, "given": 5.0, "patronymic": 2.0}
_SINGLE_TOKEN_CAP = 60.0
_WEAK_SURNAME_CAP = 70.0
_SURNAME_FLOOR = 80.0


@dataclass(frozen=True)
class TokenPair:
    left: NameToken
    right: NameToken
    left_spelling: Spelling
    right_spelling: Spelling
    similarity: float

    def describe(self) -> str:
        how = self.left_spelling.how
        if is_initial(self.left.written) or is_initial(self.right.written):
            same = "same first letter" if self.similarity else "different first letter"
            return f"{self.left.written} ↔ {self.right.written}: {same} (initial)"
        if self.left_spelling.key == self.right_spelling.key:
            verdict = "same key"
        else:
            verdict = f"similar ({self.similarity:.0f})"
        via = "" if how == "as written" else f" via {self.left_spelling.text} ({how})"
        right = self.right_spelling
        right_via = "" if right.how == "as written" else f" as {right.text} ({right.how})"
        return f"{self.left.written} ↔ {self.right.written}{right_via}: {verdict}{via}"


@dataclass(frozen=True)
class NameMatch:
    left: str
    right: str
    score: float
    pairs: tuple[TokenPair, ...]
    notes: tuple[str, ...]

    def explanation(self) -> list[str]:
        return [pair.describe() for pair in self.pairs] + list(self.notes)

    @property
    def matched_variant(self) -> str:
        """The spelling of the left name that met the right one, token by token."""
        return " ".join(pair.left_spelling.text for pair in self.pairs)


_INITIALS_CAP = 90.0
"""Surname and initials alike: a possible match, never a close one (initials say little)."""


def _initial_pair(left: NameToken, right: NameToken) -> tuple[float, Spelling, Spelling]:
    """An initial against a given name or patronymic (or another initial): same first letter
    in any script or system ('Н.' and Mikalaevich meet through Николаевич)."""
    full = right if is_initial(left.written) else left
    alike = not (full.role == "surname" and not is_initial(full.written)) and bool(
        first_letters(left.written, left.role) & first_letters(right.written, right.role)
    )
    spelling = (left.spellings[0], right.spellings[0])
    return (100.0 if alike else 0.0), *spelling


def _best(left: NameToken, right: NameToken) -> tuple[float, Spelling, Spelling]:
    if is_initial(left.written) or is_initial(right.written):
        return _initial_pair(left, right)
    best: tuple[float, Spelling, Spelling] | None = None
    right_by_key: dict[str, Spelling] = {}
    for spelling in right.spellings:
        if spelling.key:
            right_by_key.setdefault(spelling.key, spelling)
    left_by_key: dict[str, Spelling] = {}
    for spelling in left.spellings:
        if spelling.key:
            left_by_key.setdefault(spelling.key, spelling)
    for lkey, lsp in left_by_key.items():
        for rkey, rsp in right_by_key.items():
            score = 100.0 if lkey == rkey else fuzz.ratio(lkey, rkey)
            if best is None or score > best[0]:
                best = (score, lsp, rsp)
                if score == 100.0:
                    return best
    if best is None:
        empty = Spelling("", "", "")
        return 0.0, left.spellings[0] if left.spellings else empty, empty
    return best


def _pairs(left: Sequence[NameToken], right: Sequence[NameToken]) -> list[TokenPair]:
    grid = [(_best(lt, rt), i, j) for i, lt in enumerate(left) for j, rt in enumerate(right)]
    grid.sort(key=lambda item: -item[0][0])
    used_left: set[int] = set()
    used_right: set[int] = set()
    pairs: list[tuple[int, TokenPair]] = []
    for (score, lsp, rsp), i, j in grid:
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        pairs.append((i, TokenPair(left[i], right[j], lsp, rsp, score)))
    return [pair for _, pair in sorted(pairs, key=lambda item: item[0])]


def _role(pair: TokenPair) -> str:
    roles = {pair.left.role, pair.right.role}
    if "surname" in roles and roles != {"surname", "given"}:
        return "surname"
    if roles == {"surname", "given"}:
        return "given" if pair.right.role == "given" else "surname"
    return pair.right.role


def compare_analyzed(left: AnalyzedName, right: AnalyzedName) -> NameMatch:
    if not left.tokens or not right.tokens:
        return NameMatch(left.written, right.written, 0.0, (), ("a name is empty",))
    pairs = _pairs(left.tokens, right.tokens)
    weights = [_WEIGHT[_role(p)] for p in pairs]
    score = sum(w * p.similarity for w, p in zip(weights, pairs, strict=True)) / sum(weights)
    notes = []
    paired = {id(p.left) for p in pairs} | {id(p.right) for p in pairs}
    for token in (*left.tokens, *right.tokens):
        if id(token) not in paired:
            score -= _UNPAIRED_PENALTY[token.role]
            notes.append(f"{token.written}: no counterpart in the other name ({token.role})")
    if len(pairs) == 1 and max(len(left.tokens), len(right.tokens)) > 1:
        score = min(score, _SINGLE_TOKEN_CAP)
        notes.append("only one name part could be compared")
    if any(is_initial(t.written) for p in pairs for t in (p.left, p.right)):
        score = min(score, _INITIALS_CAP)
        notes.append("initials compared by their first letter only")
    surname_pairs = [p for p in pairs if _role(p) == "surname"]
    if surname_pairs and min(p.similarity for p in surname_pairs) < _SURNAME_FLOOR:
        score = min(score, _WEAK_SURNAME_CAP)
        notes.append("the surnames differ")
    return NameMatch(
        left.written, right.written, round(max(score, 0.0), 1), tuple(pairs), tuple(notes)
    )


def compare_names(left: str, right: str) -> NameMatch:
    """Score how alike two written names are, in any script and any romanization system."""
    return compare_analyzed(analyze_name(left), analyze_name(right))
