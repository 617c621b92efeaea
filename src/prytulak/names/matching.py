"""Comparing two names across scripts and systems: a score from 0 to 100 and the reasons.

Each token of one name is paired with the most similar token of the other (similarity = the best
edit-distance ratio between any spelling of one and any spelling of the other, on matching
keys). The score is the weighted mean over the pairs (surnames weigh twice), less a penalty for
tokens left without a partner; a single shared token, or a surname pair below 80, caps it.
Conflicts cap it too: two different given names (Алексей / Aleksandr), patronymics that differ
(Иванович / Петрович), masculine against feminine surname forms (Ivanou / Ivanova), and, when a
name is written with two initials, initials that do not fit in order (given name, patronymic).
A score is a measure of spelling similarity, never proof that two names are one person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from .analysis import (
    PATRONYMIC_ENDINGS,
    AnalyzedName,
    NameToken,
    Spelling,
    analyze_name,
    first_letters,
    is_initial,
)
from .given import given_names
from .keys import name_key

__all__ = ["DEFAULT_THRESHOLD", "NameMatch", "TokenPair", "compare_analyzed", "compare_names"]

DEFAULT_THRESHOLD = 85.0
_WEIGHT = {"surname": 2.0, "given": 1.0, "patronymic": 0.6}
_UNPAIRED_PENALTY = {"surname": 8.0, "given": 5.0, "patronymic": 2.0}
_SINGLE_TOKEN_CAP = 60.0
_WEAK_SURNAME_CAP = 70.0
_SURNAME_FLOOR = 80.0
_CONFLICT_CAP = 70.0
"""Different given names, differing patronymics, masculine against feminine surname forms."""
_PATRONYMIC_FLOOR = 60.0
"""Patronymics not in the table that are less alike than this are different patronymics."""

Kind = Literal["given", "patronymic", "surname"]


@dataclass(frozen=True)
class TokenPair:
    left: NameToken
    right: NameToken
    left_spelling: Spelling
    right_spelling: Spelling
    similarity: float
    detail: str = ""
    """For an initial read by its position: 'initial of the given name' or '… patronymic'."""

    def describe(self) -> str:
        how = self.left_spelling.how
        if is_initial(self.left.written) or is_initial(self.right.written):
            same = "same first letter" if self.similarity else "different first letter"
            if self.detail.startswith("initial of"):
                return f"{self.left.written} ↔ {self.right.written}: {same} ({self.detail})"
            if self.detail:
                return f"{self.left.written} ↔ {self.right.written}: {self.detail}"
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


def _kinds(name: AnalyzedName) -> tuple[list[Kind], bool]:
    """What each token stands for, and whether the name's initials are read by position.

    Two or more initials are read in order, as Belarusian rulings write them: the first is the
    given name, the second the patronymic ('Василевич А.Н.'). A full token keeps its role, except
    that a 'given' token that is a patronymic (OFAC's middle names) counts as a patronymic."""
    table = given_names()
    initials = [t for t in name.tokens if is_initial(t.written)]
    positional = len(initials) >= 2
    kinds: list[Kind] = []
    seen_initials = 0
    for token in name.tokens:
        if is_initial(token.written):
            if positional:
                kinds.append("given" if seen_initials == 0 else "patronymic")
            else:
                kinds.append("patronymic" if token.role == "patronymic" else "given")
            seen_initials += 1
        elif (
            token.role == "given"
            and table.given(token.written) is None
            and (
                table.patronymic(token.written) is not None
                or PATRONYMIC_ENDINGS.search(token.written)
            )
        ):
            kinds.append("patronymic")
        else:
            kinds.append(token.role)
    return kinds, positional


_KIND_LABEL = {"given": "given name", "patronymic": "patronymic", "surname": "surname"}


def _initial_pair(
    left: NameToken, right: NameToken, kinds: tuple[Kind, Kind], positional: bool
) -> tuple[float, Spelling, Spelling, str]:
    """An initial against a given name or patronymic (or another initial): same first letter
    in any script or system ('Н.' and Mikalaevich meet through Николаевич). Where the initials
    are read by position, the given-name initial meets only the given name and the patronymic
    initial only the patronymic."""
    full = right if is_initial(left.written) else left
    spelling = (left.spellings[0], right.spellings[0])
    if full.role == "surname" and not is_initial(full.written):
        return 0.0, *spelling, ""
    detail = ""
    if positional:
        initial_kind = kinds[0] if is_initial(left.written) else kinds[1]
        other_kind = kinds[1] if is_initial(left.written) else kinds[0]
        if initial_kind != other_kind:
            detail = (
                f"initial of the {_KIND_LABEL[initial_kind]} against a "
                f"{_KIND_LABEL[other_kind]} (initials are read in order: given name, patronymic)"
            )
            return 0.0, *spelling, detail
        detail = f"initial of the {_KIND_LABEL[initial_kind]}"
    alike = bool(first_letters(left.written, left.role) & first_letters(right.written, right.role))
    return (100.0 if alike else 0.0), *spelling, detail


def _best(left: NameToken, right: NameToken) -> tuple[float, Spelling, Spelling]:
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


def _pairs(left: AnalyzedName, right: AnalyzedName) -> list[TokenPair]:
    left_kinds, left_positional = _kinds(left)
    right_kinds, right_positional = _kinds(right)
    grid: list[tuple[float, bool, int, int, Spelling, Spelling, str]] = []
    for i, lt in enumerate(left.tokens):
        for j, rt in enumerate(right.tokens):
            kinds = (left_kinds[i], right_kinds[j])
            if is_initial(lt.written) or is_initial(rt.written):
                positional = (left_positional and is_initial(lt.written)) or (
                    right_positional and is_initial(rt.written)
                )
                score, lsp, rsp, detail = _initial_pair(lt, rt, kinds, positional)
            else:
                (score, lsp, rsp), detail = _best(lt, rt), ""
            grid.append((score, kinds[0] == kinds[1], i, j, lsp, rsp, detail))
    grid.sort(key=lambda item: (-item[0], not item[1]))
    used_left: set[int] = set()
    used_right: set[int] = set()
    pairs: list[tuple[int, TokenPair]] = []
    for score, _, i, j, lsp, rsp, detail in grid:
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        pair = TokenPair(left.tokens[i], right.tokens[j], lsp, rsp, score, detail)
        pairs.append((i, pair))
    return [pair for _, pair in sorted(pairs, key=lambda item: item[0])]


_MASCULINE = re.compile(r"(?:[^aeiouy](?:ov|ev|in|yn)|(?:sk|ck)(?:y|oj))$")
_FEMININE = re.compile(r"(?:[^aeiouy](?:ova|eva|ina|yna)|(?:sk|ck)aja)$")


def surname_gender(token: str) -> Literal["masculine", "feminine"] | None:
    """Masculine (-ov, -ou, -au, -ev, -in, -ski, -skii, -sky) or feminine (-ova, -ava, -eva,
    -ina, -skaya, -skaia) surname form, from the matching key; None where the form says nothing
    (-ich, -enka, -uk … are the same for women and men)."""
    key = name_key(token)
    if _FEMININE.search(key):
        return "feminine"
    if _MASCULINE.search(key):
        return "masculine"
    return None


def _conflicts(pairs: list[TokenPair], kinds: dict[int, Kind]) -> list[str]:
    """Reasons why two names that look alike name different people."""
    table = given_names()
    found = []
    for pair in pairs:
        left, right = pair.left, pair.right
        if is_initial(left.written) or is_initial(right.written):
            continue
        kind = {kinds[id(left)], kinds[id(right)]}
        pa, pb = table.patronymic(left.written), table.patronymic(right.written)
        if pa is not None and pb is not None and pa.name is pb.name and pa.index != pb.index:
            # whatever the roles say: Николаевич and Николаевна are a son and a daughter
            found.append(f"a son's and a daughter's patronymic: {left.written} and {right.written}")
            continue
        if kind == {"given"} and pair.similarity < 100:
            a, b = table.given(left.written), table.given(right.written)
            if a is not None and b is not None and a is not b:
                found.append(
                    f"different given names: {left.written} ({a.ru[0]}) and "
                    f"{right.written} ({b.ru[0]})"
                )
        elif kind == {"patronymic"}:
            # both in the table: different fathers; otherwise: spellings too far apart
            differ = pa.name is not pb.name if pa and pb else pair.similarity < _PATRONYMIC_FLOOR
            if differ:
                found.append(f"different patronymics: {left.written} and {right.written}")
        elif kind == {"surname"}:
            genders = {surname_gender(left.written), surname_gender(right.written)}
            if genders == {"masculine", "feminine"}:
                found.append(
                    f"masculine and feminine surname forms: {left.written} and {right.written} "
                    "(a man's and a woman's surname)"
                )
    return found


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
    pairs = _pairs(left, right)
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
    kinds: dict[int, Kind] = {}
    for name in (left, right):
        name_kinds, positional = _kinds(name)
        kinds |= {id(t): k for t, k in zip(name.tokens, name_kinds, strict=True)}
        if positional:
            notes.append(f"{name.written}: initials read in order (given name, then patronymic)")
    conflicts = _conflicts(pairs, kinds)
    if conflicts:
        score = min(score, _CONFLICT_CAP)
        notes += conflicts
    return NameMatch(
        left.written, right.written, round(max(score, 0.0), 1), tuple(pairs), tuple(notes)
    )


def compare_names(left: str, right: str) -> NameMatch:
    """Score how alike two written names are, in any script and any romanization system."""
    return compare_analyzed(analyze_name(left), analyze_name(right))
