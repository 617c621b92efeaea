"""Packs are discovered, not listed: a second country joins without touching the engine."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from prytulak.country import UnknownCountryError, get_pack, pack_sources
from prytulak.country.datafiles import PackDataError
from prytulak.country.pack import load_pack_folder


def test_belarus_is_registered_through_its_entry_point() -> None:
    sources = pack_sources()
    assert "BY" in sources
    assert sources["BY"].origin == "entry point prytulak.country.belarus:load"
    assert get_pack("by").name == "Belarus"


def test_unknown_country_names_the_installed_packs() -> None:
    with pytest.raises(UnknownCountryError, match="installed packs: BY"):
        get_pack("XX")


def copy_pack(tmp_path: Path) -> Path:
    source = Path(str(resources.files("prytulak.country.belarus")))
    target = tmp_path / "georgia"
    shutil.copytree(source, target)
    return target


def test_a_second_country_loads_from_its_own_folder(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path)
    meta = (folder / "pack.yaml").read_text(encoding="utf-8")
    (folder / "pack.yaml").write_text(meta.replace("code: BY", "code: GE"), encoding="utf-8")
    pack = load_pack_folder(folder)
    assert pack.code == "GE" and len(pack.facts) == 210


def test_a_broken_fact_is_reported_with_its_place_and_the_rule(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path)
    facts = (folder / "facts.yaml").read_text(encoding="utf-8")
    broken = facts.replace("url: http://news.bbc.co.uk", "url: news.bbc.co.uk", 1)
    (folder / "facts.yaml").write_text(broken, encoding="utf-8")
    with pytest.raises(PackDataError) as caught:
        load_pack_folder(folder)
    assert "georgia/facts.yaml" in str(caught.value)
    assert "1/source/url" in str(caught.value)


def test_a_missing_data_file_names_what_a_pack_needs(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path)
    (folder / "glossary.yaml").unlink()
    with pytest.raises(PackDataError, match="the file is missing"):
        load_pack_folder(folder)
