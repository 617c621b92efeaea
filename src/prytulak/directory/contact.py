"""Contact lines as printed in directories: phones, e-mail, websites, 'City, ST ZIP'."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .geography import state_code
from .model import Office, Phone

__all__ = ["OfficeBuilder", "find_emails", "find_phones", "parse_city_line"]

PHONE = re.compile(
    r"(?:\+?1[\s.-]*)?\(?\b(\d{3})\)?[\s.-]*(\d{3})[\s.-]+(\d{4})\b"
    r"(?:\s*(?:ext\.?|x|extension)\s*(\d+))?",
    re.IGNORECASE,
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
WEBSITE = re.compile(
    r"^(?:https?://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,24}/?(?:/\S*)?$", re.I
)
STREET = re.compile(r"^(?:\d+(?:-\d+)?[A-Za-z]?\s+\S|P\.?\s?O\.?\s+Box\b)", re.IGNORECASE)
CITY_LINE = re.compile(
    r"^(?P<city>[A-Za-z][A-Za-z .'-]*?),?\s+(?P<state>[A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+)*)\.?,?"
    r"\s+(?P<zip>\d{4,5}(?:-?\d{4})?)$"
)
_LABEL = re.compile(r"^(?P<label>[^:()\d]{2,40}):\s*(?P<rest>.*)$")


def find_phones(text: str) -> list[str]:
    """Phone numbers in a text, written '(312) 555-0147' (with ' ext. N' when given)."""
    out = []
    for match in PHONE.finditer(text):
        number = f"({match.group(1)}) {match.group(2)}-{match.group(3)}"
        if match.group(4):
            number += f" ext. {match.group(4)}"
        out.append(number)
    return out


def find_emails(text: str) -> list[str]:
    return [m.group(0).rstrip(".") for m in EMAIL.finditer(text)]


def parse_city_line(text: str) -> tuple[str, str, str] | None:
    """'Phoenix, AZ 85064' or 'Las Vegas, Nevada 89104' → (city, two-letter state, ZIP)."""
    match = CITY_LINE.match(text.strip())
    if not match:
        return None
    state = state_code(match.group("state"))
    if state is None:
        return None
    zip_code = match.group("zip")
    if len(zip_code) == 9 and "-" not in zip_code:
        zip_code = f"{zip_code[:5]}-{zip_code[5:]}"
    elif len(zip_code) == 4:
        zip_code = "0" + zip_code  # a dropped leading zero (New England ZIPs)
    return match.group("city").strip(), state, zip_code


def _phone(text: str) -> list[Phone]:
    numbers = find_phones(text)
    if not numbers:
        return []
    label_match = _LABEL.match(text)
    label = label_match.group("label").strip() if label_match else None
    last = list(PHONE.finditer(text))[-1]
    qualifier = text[last.end() :].strip().strip("()").strip()
    if qualifier:
        label = f"{label} ({qualifier})" if label else qualifier
    return [Phone(number=n, label=label, text=text) for n in numbers]


def _unclosed(text: str) -> bool:
    return text.count("(") > text.count(")")


@dataclass
class OfficeBuilder:
    """Collects the contact lines of one office, in the order they are printed."""

    label: str | None = None
    address_lines: list[str] = field(default_factory=list)
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    phones: list[Phone] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    websites: list[str] = field(default_factory=list)
    other_lines: list[str] = field(default_factory=list)
    _last: str = ""

    def is_empty(self) -> bool:
        return not (self.address_lines or self.phones or self.emails or self.websites or self.city)

    def add(self, text: str) -> bool:
        """Take one printed line; False when it was not understood (kept in ``other_lines``)."""
        text = text.strip()
        kind = self._classify(text)
        self._last = kind
        return kind != "other"

    def _classify(self, text: str) -> str:
        if self._last == "website" and self._continues_website(text):
            self.websites[-1] += text
            return "website"
        if self._last == "phone" and self.phones and _unclosed(self.phones[-1].text):
            joined = f"{self.phones[-1].text} {text}"
            count = len(find_phones(self.phones[-1].text))
            self.phones[-count:] = _phone(joined)
            return "phone"
        several = [part.strip() for part in re.split(r"\s+or\s+|\s*,\s*", text)]
        if len(several) > 1 and all(WEBSITE.match(part) for part in several):
            self.websites.extend(several)
            return "website"
        if find_phones(text) and not EMAIL.search(text):
            self.phones.extend(_phone(text))
            return "phone"
        emails = find_emails(text)
        if emails:
            self.emails.extend(e for e in emails if e not in self.emails)
            return "email"
        if WEBSITE.match(text):
            self.websites.append(text)
            return "website"
        city = parse_city_line(text)
        if city and self.city is None:
            self.city, self.state, self.zip = city
            return "city"
        if self.city is None and not self.phones:
            self.address_lines.append(text)
            return "address"
        self.other_lines.append(text)
        return "other"

    def starts_another(self, text: str) -> bool:
        """A street line after a complete address or a phone begins another office."""
        return bool(STREET.match(text)) and (self.city is not None or bool(self.phones))

    @staticmethod
    def _continues_website(text: str) -> bool:
        return " " not in text and "@" not in text and not text.lower().startswith(("www.", "http"))

    def build(self) -> Office:
        return Office(
            label=self.label,
            address_lines=self.address_lines,
            city=self.city,
            state=self.state,
            zip=self.zip,
            phones=self.phones,
            emails=self.emails,
            websites=self.websites,
            other_lines=self.other_lines,
        )
