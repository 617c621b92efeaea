"""Closed vocabularies of the case file. Values are stable identifiers written in ``case.yaml``."""

from __future__ import annotations

from enum import StrEnum


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


class MaritalStatus(StrEnum):
    SINGLE = "single"
    MARRIED = "married"
    DIVORCED = "divorced"
    WIDOWED = "widowed"


class Ground(StrEnum):
    """The five protected grounds of INA 101(a)(42)(A), plus the Torture Convention box."""

    RACE = "race"
    RELIGION = "religion"
    NATIONALITY = "nationality"
    POLITICAL_OPINION = "political_opinion"
    PARTICULAR_SOCIAL_GROUP = "particular_social_group"
    TORTURE_CONVENTION = "torture_convention"


class HarmType(StrEnum):
    DETENTION = "detention"
    BEATING = "beating"
    TORTURE = "torture"
    SEXUAL_VIOLENCE = "sexual_violence"
    THREATS = "threats"
    FINES = "fines"
    DISMISSAL = "dismissal"
    EXPULSION_FROM_UNIVERSITY = "expulsion_from_university"
    SEARCH = "search"
    INTERROGATION = "interrogation"
    PROSECUTION = "prosecution"
    CONVICTION = "conviction"
    SURVEILLANCE = "surveillance"
    PROPERTY_SEIZURE = "property_seizure"
    TRAVEL_BAN = "travel_ban"
    FORCED_CONFESSION_VIDEO = "forced_confession_video"
    DISCRIMINATION = "discrimination"


class ActorKind(StrEnum):
    """Who did it. Belarusian state bodies are listed so the law engine knows the state acted."""

    POLICE = "police"  # militsiya, RUVD/ROVD
    OMON = "omon"
    GUBOPIK = "gubopik"
    KGB = "kgb"
    INVESTIGATIVE_COMMITTEE = "investigative_committee"
    PROSECUTOR = "prosecutor"
    COURT = "court"
    PRISON_SERVICE = "prison_service"  # Okrestina, SIZO, penal colonies
    MILITARY = "military"
    LOCAL_AUTHORITY = "local_authority"
    EMPLOYER_STATE = "state_employer"
    UNIVERSITY = "university"
    PRO_GOVERNMENT_GROUP = "pro_government_group"
    PRIVATE_PERSON = "private_person"
    FAMILY_MEMBER = "family_member"
    UNKNOWN = "unknown"

    @property
    def is_state(self) -> bool:
        return self in _STATE_ACTORS


_STATE_ACTORS = frozenset(
    {
        ActorKind.POLICE,
        ActorKind.OMON,
        ActorKind.GUBOPIK,
        ActorKind.KGB,
        ActorKind.INVESTIGATIVE_COMMITTEE,
        ActorKind.PROSECUTOR,
        ActorKind.COURT,
        ActorKind.PRISON_SERVICE,
        ActorKind.MILITARY,
        ActorKind.LOCAL_AUTHORITY,
        ActorKind.EMPLOYER_STATE,
        ActorKind.UNIVERSITY,
    }
)


class CodeKind(StrEnum):
    """Which Belarusian code an article belongs to."""

    CRIMINAL = "criminal"  # Criminal Code (Уголовный кодекс / Крымінальны кодэкс)
    ADMINISTRATIVE = "administrative"  # Code of Administrative Offenses (КоАП)


class FamilyLocation(StrEnum):
    IN_US = "in_us"
    IN_BELARUS = "in_belarus"
    ELSEWHERE = "elsewhere"
    UNKNOWN = "unknown"


class EntryManner(StrEnum):
    """How the applicant came in at the port or place of entry (I-589 A.I 19.c 'status')."""

    B1_B2 = "B1/B2"
    B2 = "B2"
    F1 = "F1"
    J1 = "J1"
    PAROLE = "parole"
    HUMANITARIAN_PAROLE = "humanitarian_parole"
    CBP_ONE_PAROLE = "cbp_one_parole"
    WITHOUT_INSPECTION = "EWI"
    OTHER = "other"


class ThirdCountryStatus(StrEnum):
    """What the applicant held, or was offered, in a country on the way (firm resettlement)."""

    NONE = "none"  # transit only
    VISA_FREE = "visa_free"  # a visitor without a visa (e.g. Belarusians in Georgia, up to a year)
    VISA = "visa"  # short-stay or national visa (e.g. Polish D visa)
    HUMANITARIAN_VISA = "humanitarian_visa"
    TEMPORARY_RESIDENCE = "temporary_residence"
    PERMANENT_RESIDENCE = "permanent_residence"
    REFUGEE_STATUS = "refugee_status"
    SUBSIDIARY_PROTECTION = "subsidiary_protection"
    CITIZENSHIP = "citizenship"
    OFFER_OF_PERMANENT_RESIDENCE = "offer_of_permanent_residence"


class CourtHistory(StrEnum):
    """I-589 A.I item 18."""

    NEVER = "never"
    NOW = "now"
    PAST = "past"


class FilingPosture(StrEnum):
    """Affirmative (USCIS) or defensive (immigration court)."""

    AFFIRMATIVE = "affirmative"
    DEFENSIVE = "defensive"


class RepresentativeKind(StrEnum):
    ATTORNEY = "attorney"
    ACCREDITED_REPRESENTATIVE = "accredited_representative"


class LanguageCode(StrEnum):
    """ISO 639-1 codes of the languages Prytulak writes for people."""

    EN = "en"
    RU = "ru"
    BE = "be"


class SharedDetail(StrEnum):
    """Identifying details a referral packet withholds unless the applicant agreed."""

    NAME = "name"
    A_NUMBER = "a_number"
    ADDRESS = "address"
    CONTACT = "contact"  # phone and e-mail
    BIRTH_DATE = "birth_date"
