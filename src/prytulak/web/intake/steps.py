"""Each intake step reads its answers from the case file and writes them back into it.

Answers are applied to the case file's data and validated by ``prytulak.case`` itself, so
the intake can only save what the case file accepts; problems come back in plain words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .forms import AboutForm, ArrivalForm, EventForm, FearForm

__all__ = ["STEPS", "Step", "step_named"]

Data = dict[str, Any]


def _about_initial(data: Data) -> Data:
    name = data["applicant"]["name"]
    native = (name.get("native") or [{}])[0]
    birth = data["applicant"].get("birth") or {}
    return {
        "family": name.get("family"),
        "given": name.get("given"),
        "native_family": native.get("family"),
        "native_given": native.get("given"),
        "native_patronymic": native.get("patronymic"),
        "birth_date": birth.get("date"),
        "birth_city": birth.get("city"),
    }


def _about_apply(data: Data, answers: Data) -> None:
    name = data["applicant"]["name"]
    name["family"], name["given"] = answers["family"], answers["given"]
    if answers["native_family"] and answers["native_given"]:
        native = {
            "language": data.get("language") if data.get("language") in ("be", "ru") else "ru",
            "family": answers["native_family"],
            "given": answers["native_given"],
        }
        if answers["native_patronymic"]:
            native["patronymic"] = answers["native_patronymic"]
        name["native"] = [native, *(name.get("native") or [])[1:]]
    if answers["birth_date"]:
        birth = data["applicant"].get("birth") or {}
        birth.update({"date": answers["birth_date"], "city": answers["birth_city"] or None})
        data["applicant"]["birth"] = {k: v for k, v in birth.items() if v}


def _arrival_initial(data: Data) -> Data:
    entries = data.get("travel", {}).get("us_entries") or []
    return dict(entries[-1]) if entries else {}


def _arrival_apply(data: Data, answers: Data) -> None:
    travel = data.setdefault("travel", {})
    entries = travel.setdefault("us_entries", [])
    entry = {"date": answers["date"], "place": answers["place"], "manner": answers["manner"]}
    if entries:
        entries[-1].update(entry)
    else:
        entries.append(entry)


def _next_event_id(events: list[Data]) -> str:
    taken = {e.get("id") for e in events}
    number = len(events) + 1
    while f"ev{number}" in taken:
        number += 1
    return f"ev{number}"


def _event_apply(data: Data, answers: Data) -> None:
    claim = data.setdefault("claim", {})
    events = claim.setdefault("events", [])
    event = {k: v for k, v in answers.items() if v}
    events.append({"id": _next_event_id(events), **event})


def _fear_initial(data: Data) -> Data:
    fears = data.get("claim", {}).get("fears") or []
    return dict(fears[0]) if fears else {}


def _fear_apply(data: Data, answers: Data) -> None:
    fears = data.setdefault("claim", {}).setdefault("fears", [])
    if fears:
        fears[0].update(harm=answers["harm"], why=answers["why"])
    else:
        fears.append({"harm": answers["harm"], "why": answers["why"]})


@dataclass(frozen=True)
class Step:
    name: str
    title: Promise
    help: Promise
    form: type[forms.Form] | None
    initial: Callable[[Data], Data]
    apply: Callable[[Data, Data], None]


def _nothing(data: Data) -> Data:
    return {}


def _no_change(data: Data, answers: Data) -> None:
    return None


STEPS: tuple[Step, ...] = (
    Step(
        "about",
        _("About you"),
        _("Your name exactly as in your passport, and in Cyrillic as you write it at home."),
        AboutForm,
        _about_initial,
        _about_apply,
    ),
    Step(
        "arrival",
        _("Arrival in the US"),
        _(
            "The one-year deadline to ask for asylum counts from your last arrival. "
            "An approximate date is fine; your attorney will check it."
        ),
        ArrivalForm,
        _arrival_initial,
        _arrival_apply,
    ),
    Step(
        "events",
        _("What happened to you"),
        _(
            "Add each event on its own: arrests, searches, beatings, threats, summons, fines. "
            "If you do not remember the exact day, give the month or the year."
        ),
        EventForm,
        _nothing,
        _event_apply,
    ),
    Step(
        "fear",
        _("Your fear of return"),
        _("Say in your own words what you fear and why. There are no wrong answers."),
        FearForm,
        _fear_initial,
        _fear_apply,
    ),
    Step(
        "documents",
        _("Documents"),
        _(
            "Photograph each page with your phone: summons, court rulings, medical records, "
            "fines, photos. Your files are encrypted."
        ),
        None,
        _nothing,
        _no_change,
    ),
)


def step_named(name: str) -> Step | None:
    return next((s for s in STEPS if s.name == name), None)
