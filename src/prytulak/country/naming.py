"""Name hooks: what a country pack says about its people's names, applied with prytulak.names.

A pack declares (``names`` in ``pack.yaml``) the languages a name has forms in, the system its
passports use, every system a name may be found in with where, and the given-name table that
pairs the languages' forms. ``prytulak.names`` and screening ask here instead of assuming
Belarus::

    conventions = get_pack("BY").names
    passport_spelling("Аляксандр Навіцкі", get_pack("BY"))   # 'ALIAKSANDR NAVITSKI'
    expected_spellings("Сяргей", get_pack("BY"))            # be-icao 'Siarhei', ...
    given_name_forms("Уладзімір", get_pack("BY"))           # {'be': ('Уладзімір',), 'ru': ...}
"""

from __future__ import annotations

from dataclasses import dataclass

from prytulak.names import systems, transliterate
from prytulak.names.given import given_names

from .pack import CountryPack
from .records import NameConventions

__all__ = [
    "ExpectedSpelling",
    "NoNameConventionsError",
    "expected_spellings",
    "given_name_forms",
    "name_convention_problems",
    "passport_spelling",
]

GIVEN_NAME_TABLES = ("be-ru",)
"""Given-name tables prytulak.names holds: ``be-ru`` pairs Belarusian and Russian forms."""


class NoNameConventionsError(LookupError):
    def __init__(self, pack: CountryPack) -> None:
        super().__init__(
            f"the {pack.name} pack declares no name hooks; add a 'names' section to its pack.yaml"
        )


@dataclass(frozen=True)
class ExpectedSpelling:
    system: str
    where: str
    spelling: str


def _conventions(pack: CountryPack) -> NameConventions:
    if pack.names is None:
        raise NoNameConventionsError(pack)
    return pack.names


def passport_spelling(name: str, pack: CountryPack) -> str:
    """The spelling the country's passport gives a Cyrillic name, in upper case."""
    return transliterate(name, _conventions(pack).passport_system).upper()


def expected_spellings(
    name: str, pack: CountryPack, language: str | None = None
) -> list[ExpectedSpelling]:
    """The Latin spellings of a Cyrillic name in the systems the pack expects for its
    language (given, or told by і/ў vs и/щ/ъ; all systems when the letters do not say),
    passport first, each with where it is found; one entry per distinct spelling."""
    conventions = _conventions(pack)
    language = language or _letters_language(name)
    languages = {system.id: system.language for system in systems()}
    found: dict[str, ExpectedSpelling] = {}
    for system_id in conventions.system_ids():
        if language is not None and languages.get(system_id) != language:
            continue
        spelling = transliterate(name, system_id)
        where = conventions.where_used(system_id) or "passport"
        found.setdefault(spelling, ExpectedSpelling(system_id, where, spelling))
    return list(found.values())


def _letters_language(text: str) -> str | None:
    lowered = text.lower()
    if any(letter in lowered for letter in "іў"):
        return "be"
    if any(letter in lowered for letter in "ищъ"):
        return "ru"
    return None


def given_name_forms(token: str, pack: CountryPack) -> dict[str, tuple[str, ...]]:
    """A given name's forms in each of the pack's languages (empty if the table lacks it)."""
    conventions = _conventions(pack)
    if conventions.given_names not in GIVEN_NAME_TABLES:
        return {}
    name = given_names().given(token)
    if name is None:
        return {}
    return {language: name.forms(language) for language in conventions.languages}


def name_convention_problems(pack: CountryPack) -> list[str]:
    """What in the pack's name hooks prytulak.names does not know (empty when all is well)."""
    if pack.names is None:
        return []
    conventions = pack.names
    known = {system.id: system for system in systems()}
    problems = []
    for system_id in conventions.system_ids():
        if system_id not in known:
            problems.append(f"names: unknown transliteration system '{system_id}'")
        elif known[system_id].language not in conventions.languages:
            language = known[system_id].language
            problems.append(f"names: system '{system_id}' is for '{language}', not a pack language")
    passport = conventions.passport_system
    if passport in known and conventions.where_used(passport) is None:
        problems.append(f"names: the passport system '{passport}' has no 'where'")
    if conventions.given_names is not None and conventions.given_names not in GIVEN_NAME_TABLES:
        problems.append(f"names: unknown given-name table '{conventions.given_names}'")
    return problems
