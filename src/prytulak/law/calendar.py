"""Every deadline of an assessment as an iCalendar (.ics) file: all-day events with reminders."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from .assessment import Assessment, DatedDeadline

__all__ = ["calendar_ics"]

PRODID = "-//Prytulak//asylum case workbench//EN"
REMINDER_DAYS = (30, 7, 1)


def _event(deadline: DatedDeadline, assessment: Assessment, lang: str, stamp: datetime) -> Event:
    finding = assessment.finding(deadline.finding_id)
    title = deadline.title.get(lang) or deadline.title["en"]
    if deadline.to_verify:
        title += " (to verify)" if lang == "en" else " (?)"
    event = Event()
    event.add("uid", f"{assessment.case_id}-{deadline.id}-{deadline.day.isoformat()}@prytulak")
    event.add("dtstamp", stamp)
    event.add("dtstart", deadline.day)
    event.add("dtend", deadline.day + timedelta(days=1))
    event.add("summary", title)
    if finding is not None:
        body = finding.text(lang) + "\n\n" + "; ".join(finding.citations)
        event.add("description", body + "\n\n" + assessment.disclaimer.get(lang, ""))
    for days in REMINDER_DAYS:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", title)
        alarm.add("trigger", timedelta(days=-days))
        event.add_component(alarm)
    return event


def calendar_ics(assessment: Assessment, lang: str = "en") -> bytes:
    """The deadlines as an .ics document. Event titles say only what is due, never case facts."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Prytulak {assessment.case_id}")
    stamp = datetime.combine(assessment.as_of, datetime.min.time(), tzinfo=UTC)
    for deadline in assessment.deadlines():
        calendar.add_component(_event(deadline, assessment, lang, stamp))
    ics: bytes = calendar.to_ical()
    return ics
