"""The claim: grounds, persecutors, events, fears, and the Part B / Part C questions."""

from __future__ import annotations

from pydantic import Field

from .dates import PartialDate
from .people import CaseModel
from .vocab import ActorKind, CodeKind, Ground, HarmType

__all__ = [
    "Activity",
    "Actor",
    "Bars",
    "Charge",
    "Claim",
    "Event",
    "FamilyHarm",
    "Fear",
    "LateFiling",
    "Organization",
    "PriorApplication",
]

_KIND_LABELS = {
    ActorKind.OMON: "OMON (riot police)",
    ActorKind.GUBOPIK: "GUBOPiK",
    ActorKind.KGB: "KGB",
    ActorKind.POLICE: "police",
    ActorKind.INVESTIGATIVE_COMMITTEE: "Investigative Committee",
}

Id = str
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"


class Actor(CaseModel):
    """A persecutor: a named official, or a unit or body when no one is named."""

    id: Id = Field(pattern=ID_PATTERN)
    kind: ActorKind
    name: str | None = Field(default=None, description="Name in Latin letters, when known")
    name_native: str | None = Field(default=None, description="Name in Cyrillic, as documents show")
    role: str | None = Field(
        default=None, description="e.g. 'judge', 'investigator', 'head of unit'"
    )
    agency: str | None = Field(
        default=None, description="e.g. 'Frunzienski District Court of Minsk', 'GUBOPiK'"
    )

    @property
    def is_state(self) -> bool:
        return self.kind.is_state

    def label(self) -> str:
        """'Name (role, agency)'; without a name, the agency or body itself."""
        if self.name:
            extra = ", ".join(p for p in (self.role, self.agency) if p)
            return f"{self.name} ({extra})" if extra else self.name
        body = self.agency or _KIND_LABELS.get(self.kind, self.kind.value.replace("_", " "))
        return f"{self.role}, {body}" if self.role else body


class Charge(CaseModel):
    """An article a case was opened, or a sentence passed, under."""

    code: CodeKind
    article: str = Field(
        pattern=r"^\d+(\.\d+)?(-\d+)?$", description="e.g. '342', '19.11', '361-1'"
    )
    part: int | None = None
    outcome: str | None = Field(
        default=None, description="e.g. 'fine of 20 base units', '15 days of arrest', 'pending'"
    )


class Event(CaseModel):
    """Something that happened to the applicant (or in front of them): one row of the timeline."""

    id: Id = Field(pattern=ID_PATTERN)
    date: PartialDate
    end: PartialDate | None = Field(default=None, description="Last day, for detentions")
    place: str
    summary: str = Field(description="One line: what happened")
    narrative: str | None = Field(
        default=None,
        description="The account in the applicant's words, first person, in English; it goes "
        "into the declaration",
    )
    harms: list[HarmType] = Field(default_factory=list)
    actors: list[Id] = Field(default_factory=list, description="Ids from claim.actors")
    grounds: list[Ground] = Field(
        default_factory=list, description="Why the applicant believes it happened"
    )
    stated_reason: str | None = Field(
        default=None, description="What the persecutors said or wrote, e.g. insults, accusations"
    )
    charges: list[Charge] = Field(default_factory=list)
    witnesses: list[str] = Field(default_factory=list)
    evidence: list[Id] = Field(default_factory=list, description="Ids from the case's evidence")
    medical_treatment: bool = False


class Fear(CaseModel):
    """What the applicant fears on return (I-589 B.1.B, B.4)."""

    harm: str
    from_whom: list[Id] = Field(default_factory=list, description="Ids from claim.actors")
    why: str
    grounds: list[Ground] = Field(default_factory=list)
    torture: bool = Field(default=False, description="Fear of torture (I-589 B.4, CAT)")
    evidence: list[Id] = Field(default_factory=list)


class FamilyHarm(CaseModel):
    """Harm to a relative, friend or colleague (part of I-589 B.1.A)."""

    who: str = Field(description="e.g. 'mother', or a relative's id")
    date: PartialDate
    what: str
    actors: list[Id] = Field(default_factory=list)
    evidence: list[Id] = Field(default_factory=list)


class Activity(CaseModel):
    """Activity abroad or in the US that Belarusian authorities may learn of (sur place)."""

    what: str
    start: PartialDate | None = None
    where: str | None = None
    public: bool = Field(default=True, description="Visible online or in the press")
    evidence: list[Id] = Field(default_factory=list)


class Organization(CaseModel):
    """Membership or association (I-589 B.3.A/B)."""

    name: str
    kind: str = Field(description="party, civic initiative, religious, media, union, military ...")
    role: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    continuing: bool = False
    country: str | None = Field(
        default=None,
        description=(
            "Where the group is based or active when not the home country, e.g. 'United States'; "
            "I-589 B.3.A asks about groups in the home country (groups abroad count as "
            "activities abroad, sur place)"
        ),
    )
    member: str | None = Field(
        default=None,
        description="The family member who belonged, when not the applicant, e.g. 'brother Andrei'",
    )


class PriorApplication(CaseModel):
    """A previous application for refugee status, asylum or withholding (I-589 C.1)."""

    who: str
    country: str = "United States"
    date: PartialDate | None = None
    outcome: str
    a_number: str | None = None


class LateFiling(CaseModel):
    """Why the application is filed more than a year after the last arrival (I-589 C.5)."""

    changed_circumstances: list[str] = Field(default_factory=list)
    changed_on: PartialDate | None = Field(
        default=None, description="When the change happened or became known"
    )
    extraordinary_circumstances: list[str] = Field(default_factory=list)
    lawful_status_until: PartialDate | None = Field(
        default=None, description="Last day of TPS, parole or other lawful status, if any"
    )
    explanation: str | None = None


class Bars(CaseModel):
    """The questions that decide the mandatory bars (I-589 C.3, C.6 and related facts).

    Each answer is ``true``, ``false`` or absent: absent means *not asked yet*, never *no*.
    The law engine treats an absent answer as unknown and blocking, and the I-589 leaves its
    boxes empty, until someone records what the applicant said."""

    harmed_others: bool | None = Field(
        default=None, description="I-589 C.3: ever harmed or helped harm others; absent = not asked"
    )
    harmed_others_explanation: str | None = None
    crimes_in_us: bool | None = Field(
        default=None, description="I-589 C.6: arrested, charged or convicted in the US"
    )
    crimes_explanation: str | None = None
    serious_crime_abroad: bool | None = Field(
        default=None, description="A serious non-political crime outside the US"
    )
    serious_crime_explanation: str | None = Field(
        default=None,
        description="Political charges in Belarus belong in events, not here",
    )
    armed_group_support: bool | None = Field(
        default=None, description="Money, goods or service given to an armed group"
    )
    armed_group_explanation: str | None = None
    served_in: list[str] = Field(
        default_factory=list, description="Military, police or security service, with years"
    )

    def unanswered(self) -> list[str]:
        """The bars questions nobody has answered yet (field names)."""
        names = ("harmed_others", "crimes_in_us", "serious_crime_abroad", "armed_group_support")
        return [name for name in names if getattr(self, name) is None]


class Claim(CaseModel):
    grounds: list[Ground] = Field(default_factory=list)
    social_groups: list[str] = Field(
        default_factory=list, description="Each particular social group, defined in words"
    )
    political_opinion: str | None = Field(
        default=None, description="The opinion, actual or imputed, in the applicant's words"
    )
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    fears: list[Fear] = Field(default_factory=list)
    family_harm: list[FamilyHarm] = Field(default_factory=list)
    activities_abroad: list[Activity] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    prior_applications: list[PriorApplication] = Field(default_factory=list)
    late_filing: LateFiling | None = None
    bars: Bars = Field(default_factory=Bars)
    relocation: str | None = Field(
        default=None, description="Why moving elsewhere inside Belarus would not protect you"
    )
    apply_for_cat: bool = Field(default=True, description="Also apply under the Torture Convention")

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def timeline(self) -> list[Event]:
        return sorted(self.events, key=lambda e: e.date.sort_key())
