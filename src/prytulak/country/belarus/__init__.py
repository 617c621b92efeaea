"""The Belarus country pack (data files beside this module)."""

from __future__ import annotations

from prytulak.country.pack import CountryPack, load_data_pack


def load() -> CountryPack:
    """Entry point ``prytulak.country_packs: BY = "prytulak.country.belarus:load"``."""
    return load_data_pack(__name__)
