"""Sentence assembly for filed text (the declaration, the I-589 explanation boxes): case values
joined into sentences that end once.

Case values are typed by people and end however they end (a period, none, ``.)``); every
sentence the declaration builds from them goes through :func:`sentence`, and every value set
inside a sentence through :func:`clause`.
"""

from __future__ import annotations

import re

from prytulak.case import PartialDate, Precision

__all__ = ["at_time", "clause", "first_person", "sentence", "sentences", "they_said"]

_TRAILING = " \t\n.,;:"
_TERMINAL = ("?", "!")
_CLOSERS = ('"', "”", "’", "'", "»")


def clause(text: str | None) -> str:
    """``text`` to set inside a sentence: trimmed, without its own closing punctuation."""
    if not text:
        return ""
    text = " ".join(text.split()).rstrip(_TRAILING)
    # "… residence.)" → "… residence)": a period inside closing brackets ends nothing here
    while text.endswith(")") and text[:-1].rstrip().endswith(tuple(_TRAILING.strip())):
        text = text[:-1].rstrip().rstrip(_TRAILING) + ")"
    return text


def sentence(text: str | None) -> str:
    """One sentence: capitalised, ending in exactly one period (or its own ? or !)."""
    body = clause(text)
    if not body:
        return ""
    body = body[0].upper() + body[1:]
    if body.endswith(_TERMINAL):
        return body
    if body.endswith(_CLOSERS) and body[:-1].rstrip().endswith((".", *_TERMINAL)):
        return body  # a quotation that ends the sentence: 'He said "you will be found."'
    return body + "."


def sentences(*parts: str | None) -> str:
    """Each part made a sentence, joined by spaces; empty parts are left out."""
    return " ".join(s for s in (sentence(p) for p in parts) if s)


def at_time(value: PartialDate) -> str:
    """'on March 20, 2022,', 'in March 2022', 'in 2022', 'between … and …'.

    A full date carries the comma that closes it ("On March 20, 2022, I left")."""
    text = value.describe()
    if value.precision is Precision.RANGE:
        return text
    if value.precision is Precision.DAY:
        text += ","
    if value.approximate:
        return "around " + text.removeprefix("about ")
    return f"on {text}" if value.precision is Precision.DAY else f"in {text}"


_FIRST_PERSON = re.compile(r"^(I|I'm|I've|I'd|I'll|My|We|We're|We've|Our|Me)\b")
_IRREGULAR = {"is": "am", "has": "have", "does": "do", "goes": "go"}
_PAST = frozenset(
    {
        "went",
        "left",
        "came",
        "flew",
        "took",
        "got",
        "had",
        "was",
        "drove",
        "fled",
        "spent",
        "found",
        "lost",
        "began",
        "ran",
        "saw",
        "made",
        "met",
        "kept",
        "sent",
        "wrote",
        "spoke",
        "taught",
        "led",
        "held",
        "gave",
        "became",
        "bought",
        "sold",
        "paid",
        "heard",
        "knew",
        "thought",
        "felt",
        "fell",
        "hid",
        "rode",
        "stood",
        "told",
        "won",
        "chose",
        "crossed",
    }
)
_NOT_VERBS = frozenset(
    {"news", "series", "articles", "videos", "posts", "interviews", "publications", "members"}
)


def first_person(text: str) -> tuple[str, bool]:
    """A case note such as "Teaches at a Saturday school" as the applicant's own words
    ("I teach at a Saturday school"); returns (text, whether it was rewritten).

    Only a leading verb without its subject is changed (third person singular, or a past
    tense: "Went on to Poland" → "I went on to Poland"); anything else is returned as it is,
    and the declaration's notes ask for third-person words to be rewritten."""
    text = " ".join(text.split())
    if not text or _FIRST_PERSON.match(text):
        return text, False
    first, _, rest = text.partition(" ")
    word = first.lower()
    # A case note may start with the verb in lower case ("writes for exile media")
    if not rest or not first[0].isalpha() or not first[1:].islower() or word in _NOT_VERBS:
        return text, False
    if word in _PAST or (word.endswith("ed") and len(word) > 4 and word not in _NOT_VERBS):
        verb = word  # "Went on to Poland" → "I went on to Poland"
    elif word in _IRREGULAR:
        verb = _IRREGULAR[word]
    elif len(word) > 4 and word.endswith("ies"):
        verb = word[:-3] + "y"
    elif word.endswith(("ches", "shes", "sses", "xes", "zes")):
        verb = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        verb = word[:-1]
    else:
        return text, False
    return f"I {verb} {rest}", True


_QUOTES = ('"', "“", "«", "'", "‘", "„")


def they_said(reason: str) -> str:
    """What the persecutors said or gave as the reason, as a sentence of the declaration:
    a quotation is what they said ('They said: "…"'); a note that starts with a past-tense verb
    gets them as its subject ("Called me a traitor" → "They called me a traitor"); anything
    else is the reason they gave."""
    text = clause(reason)
    if not text:
        return ""
    if text.startswith(_QUOTES):
        return sentence(f"They said: {text}")
    if re.search(r"\b(said|says|told|called|shouted|asked)\b", " ".join(text.split()[1:4])):
        return sentence(text)  # "Officers said independent journalists …": its own subject
    first, _, rest = text.partition(" ")
    word = first.lower()
    if rest and first[1:].islower() and (word in _PAST or (word.endswith("ed") and len(word) > 4)):
        return sentence(f"They {word} {rest}")
    return sentence(f"The reason they gave: {text}")
