"""Name consistency: each person of the case against the names found in evidence text.

The passport says SIARHEI, the court ruling Сергей, a form Sergey: each spelling that differs
from what the case records is reported with the evidence it comes from, so the attorney can
align the spellings or explain them (e.g. in the declaration or a translator's note). Russian
and Belarusian texts decline names (Козлова Евгения Петровича): common case endings are
tolerated. Findings are prompts for review, not errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from prytulak.case import CaseFile, PersonName

from .analysis import AnalyzedName, NameToken, Spelling, analyze_name, first_letters, is_initial
from .keys import has_cyrillic, name_key
from .matching import compare_analyzed

__all__ = ["FoundSpelling", "NameFinding", "PersonNames", "case_people", "check_name_consistency"]

DEFAULT_CONSISTENCY_THRESHOLD = 88.0
_WORD = re.compile(r"[A-Za-zÀ-ɏ\u0400-\u04ff][A-Za-zÀ-ɏ\u0400-\u04ff'’-]*")
_CASE_ENDING = re.compile(r"(ого|его|ому|ему|аму|ым|ім|ом|ой|ей|ай|ам|ем|ая|ую|а|у|е|ы|я|ю)$")
_TITLE = re.compile(
    r"^(обвиняем|подсудим|осужд[её]нн|задержанн|гражданин|гражданк|граждан[ауе]|свидетел|"
    r"потерпевш|заявител|следовател|судь|абвінавачан|падсудн|асуджан|затрыман|грамадзян|"
    r"сведк|пацярпел|следч|суддз|defendant|accused|citizen|judge|witness|mr|mrs|ms)",
    re.IGNORECASE,
)
"""Capitalised common nouns that stand before a name in rulings and records (Обвиняемый
Козлов Е.П., Абвінавачаны Казлоў): never part of a name window."""


@dataclass(frozen=True)
class PersonNames:
    person_id: str
    label: str
    recorded: tuple[str, ...]


@dataclass(frozen=True)
class FoundSpelling:
    text: str
    evidence_id: str
    score: float


@dataclass(frozen=True)
class NameFinding:
    person_id: str
    label: str
    recorded: tuple[str, ...]
    found: tuple[FoundSpelling, ...]

    def message(self) -> str:
        where = "; ".join(
            f'{f.evidence_id} writes "{f.text}" (score {f.score:.0f})' for f in self.found
        )
        recorded = " / ".join(self.recorded)
        return (
            f"{self.label}: the case records {recorded}; {where}. Align the spellings or explain "
            "them (transliteration system, Belarusian or Russian form, declension)."
        )


def _person_name(name: PersonName) -> tuple[str, ...]:
    latin = " ".join(p for p in (name.given, name.patronymic, name.middle, name.family) if p)
    natives = tuple(n.full() for n in name.native)
    return (latin, *natives, *name.other_names)


def case_people(case: CaseFile) -> list[PersonNames]:
    """Applicant, family and every named actor, with the spellings the case records."""
    people = [
        PersonNames(
            "applicant",
            f"applicant {case.applicant.name.full()}",
            _person_name(case.applicant.name),
        )
    ]
    family = case.family
    members = [*([family.spouse] if family.spouse else []), *family.children]
    people += [PersonNames(m.id, m.name.full(), _person_name(m.name)) for m in members]
    people += [
        PersonNames(r.id, f"{r.relation} {r.name.full()}", _person_name(r.name))
        for r in family.relatives
    ]
    for actor in case.claim.actors:
        names = tuple(n for n in (actor.name, actor.name_native) if n)
        if names:
            people.append(PersonNames(actor.id, actor.label(), names))
    return people


def _text_token(word: str) -> NameToken:
    spellings = [Spelling(word, name_key(word), "as written")]
    if has_cyrillic(word) and len(word) > 4:
        stem = _CASE_ENDING.sub("", word)
        if stem != word:
            spellings.append(Spelling(stem, name_key(stem), "without case ending"))
    return NameToken(word, "surname", {}, (), tuple(spellings))


def _windows(text: str) -> Iterator[tuple[int, list[str]]]:
    words = [m.group(0) for m in _WORD.finditer(text)]
    for size in (3, 2):
        for start in range(len(words) - size + 1):
            window = words[start : start + size]
            if all(w[0].isupper() and not _TITLE.match(w) for w in window):
                yield start, window


def _found_in(text: str, person: list[AnalyzedName], threshold: float) -> dict[str, float]:
    """Best non-overlapping word windows that match the person's name."""
    scored = []
    for start, window in _windows(text):
        candidate = AnalyzedName(" ".join(window), tuple(_text_token(w) for w in window))
        match = max((compare_analyzed(name, candidate) for name in person), key=lambda m: m.score)
        if match.score >= threshold:
            unpaired = len(window) - len(match.pairs)
            scored.append((match.score, unpaired, len(window), start, candidate.written))
    taken: set[int] = set()
    found: dict[str, float] = {}
    # best score first; on a tie the window whose words all belong to the name (no extra word
    # such as a title), then the longer one
    ranked = sorted(scored, key=lambda s: (-s[0], s[1], -s[2], s[3]))
    for score, _, size, start, written in ranked:
        span = set(range(start, start + size))
        if span & taken:
            continue
        taken |= span
        found[written] = max(score, found.get(written, 0.0))
    return found


def _stem(word: str) -> str:
    return (
        _CASE_ENDING.sub("", word.casefold())
        if has_cyrillic(word) and len(word) > 4
        else word.casefold()
    )


_DECLINED_ONLY = "~"
"""Marks a stem that only a declined form may have: the в of Казлова for a recorded Казлоў."""


def _u_short_stem(word: str) -> str | None:
    """A Belarusian final ў is в before an ending: Казлоў → Казлова, Казлову, Казловым;
    Навумаў → Навумава. The bare Казлов is another spelling, not a declined form."""
    folded = word.casefold()
    if has_cyrillic(word) and folded.endswith("ў"):
        return folded[:-1] + "в"
    return None


def _recorded_words(person: PersonNames) -> set[str]:
    """Recorded words, and their stems so that declined forms (Козлова) count as recorded."""
    words = {w for name in person.recorded for w in _WORD.findall(name)}
    known = {w.casefold() for w in words} | {_stem(w) for w in words}
    return known | {_DECLINED_ONLY + s for w in words if (s := _u_short_stem(w))}


def _is_recorded(word: str, known: set[str]) -> bool:
    """The word, or a declined form of it (Евгения for Евгений, Казлова for Казлоў), is among
    the recorded words; an initial is recorded where a recorded word starts with it."""
    stem = _stem(word)
    if word.casefold() in known or stem in known:
        return True
    if stem != word.casefold() and _DECLINED_ONLY + stem in known:
        return True
    if is_initial(word):  # Е for Евгений, П for Петрович
        letters = first_letters(word, "given")
        return any(
            first_letters(k, "given") & letters
            for k in known
            if len(k) > 1 and not k.startswith(_DECLINED_ONLY)
        )
    return has_cyrillic(word) and any(k.startswith(stem) and len(k) - len(stem) <= 2 for k in known)


def check_name_consistency(
    case: CaseFile,
    texts: Mapping[str, str],
    threshold: float = DEFAULT_CONSISTENCY_THRESHOLD,
) -> list[NameFinding]:
    """Spellings in ``texts`` (evidence id → text) that differ from what the case records."""
    findings = []
    for person in case_people(case):
        analyzed = [analyze_name(n) for n in person.recorded]
        known = _recorded_words(person)
        differing = []
        for evidence_id, text in texts.items():
            for spelling, score in _found_in(text, analyzed, threshold).items():
                if not all(_is_recorded(w, known) for w in _WORD.findall(spelling)):
                    differing.append(FoundSpelling(spelling, evidence_id, score))
        if differing:
            findings.append(
                NameFinding(person.person_id, person.label, person.recorded, tuple(differing))
            )
    return findings
