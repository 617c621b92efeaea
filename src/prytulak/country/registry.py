"""Find country packs: entry points in group ``prytulak.country_packs``, then built-in packs.

A third-party pack declares, in its own ``pyproject.toml``::

    [project.entry-points."prytulak.country_packs"]
    GE = "prytulak_georgia:load_pack"     # a callable returning a CountryPack

Built-in packs are the subpackages of ``prytulak.country`` that hold a ``pack.yaml``; they are
found by scanning the package, so adding a folder adds a country and the engine is untouched.
"""

from __future__ import annotations

import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources

import prytulak.country as country_package

from .pack import CountryPack, load_data_pack

__all__ = ["ENTRY_POINT_GROUP", "PackSource", "UnknownCountryError", "get_pack", "pack_sources"]

ENTRY_POINT_GROUP = "prytulak.country_packs"
DEFAULT_COUNTRY = "BY"


class UnknownCountryError(LookupError):
    def __init__(self, code: str, known: list[str]) -> None:
        self.code = code
        super().__init__(f"no country pack '{code}'; installed packs: {', '.join(known) or 'none'}")


@dataclass(frozen=True)
class PackSource:
    code: str
    origin: str  # "built-in prytulak.country.belarus" or "entry point prytulak_georgia:load_pack"
    load: Callable[[], CountryPack]


def pack_sources() -> dict[str, PackSource]:
    """Every pack that can be loaded, by country code. Entry points win over built-ins."""
    sources = {s.code: s for s in _builtin_sources()}
    for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
        sources[entry.name.upper()] = PackSource(
            entry.name.upper(), f"entry point {entry.value}", entry.load()
        )
    return sources


def _builtin_sources() -> list[PackSource]:
    found = []
    for info in pkgutil.iter_modules(country_package.__path__):
        if not info.ispkg:
            continue
        package = f"{country_package.__name__}.{info.name}"
        meta = resources.files(package) / "pack.yaml"
        if meta.is_file():
            code = _code_of(meta.read_text(encoding="utf-8"))
            found.append(PackSource(code, f"built-in {package}", _loader(package)))
    return found


def _code_of(pack_yaml: str) -> str:
    for line in pack_yaml.splitlines():
        if line.startswith("code:"):
            return line.partition(":")[2].strip().strip("'\"").upper()
    return "??"


def _loader(package: str) -> Callable[[], CountryPack]:
    return lambda: load_data_pack(package)


@cache
def get_pack(code: str = DEFAULT_COUNTRY) -> CountryPack:
    """The pack for a country code (ISO 3166-1 alpha-2), loaded once per process."""
    sources = pack_sources()
    source = sources.get(code.upper())
    if source is None:
        raise UnknownCountryError(code, sorted(sources))
    return source.load()
