"""Three languages: every template string is marked, every catalogue translates every string."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import prytulak.web
from prytulak.web.catalogues import catalogue_paths, compile_catalogues

WEB = Path(prytulak.web.__file__).parent
TEMPLATES = WEB / "templates"
ALLOWED_LITERALS = {"Prytulak", "Русский", "Беларуская", "English", "←", "→", "·", "—", "%"}
ATTRIBUTES = ("alt", "title", "placeholder", "aria-label")


def _visible_text(source: str) -> list[str]:
    """Text a reader sees that is not inside a translation tag or a variable."""
    source = re.sub(
        r"\{%\s*blocktranslate.*?\{%\s*endblocktranslate\s*%\}", " ", source, flags=re.S
    )
    source = re.sub(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", " ", source, flags=re.S)
    source = re.sub(r"<(script|style)\b.*?</\1>", " ", source, flags=re.S)
    source = re.sub(r"<!DOCTYPE[^>]*>|<[^>]+>", " ", source)
    words = re.findall(r"[^\s]+", source)
    return [w for w in words if re.search(r"[A-Za-zА-Яа-яІіЎў]", w) and w not in ALLOWED_LITERALS]


def test_no_template_has_unmarked_text() -> None:
    unmarked = {}
    for path in TEMPLATES.rglob("*.html"):
        source = path.read_text(encoding="utf-8")
        found = _visible_text(source)
        for attribute in ATTRIBUTES:
            found += re.findall(rf'{attribute}="([^"{{]*[A-Za-z][^"{{]*)"', source)
        if found:
            unmarked[str(path.relative_to(TEMPLATES))] = found
    assert not unmarked, f"wrap these in {{% translate %}}: {unmarked}"


def test_the_unmarked_text_check_catches_plain_words() -> None:
    assert _visible_text("<p>Hello {% translate 'World' %}</p>") == ["Hello"]
    assert _visible_text("{% blocktranslate %}Step {{ n }}{% endblocktranslate %}") == []


@pytest.mark.parametrize("path", catalogue_paths(), ids=lambda p: p.parent.parent.name)
def test_every_message_is_translated(path: Path) -> None:
    with open(path, "rb") as handle:
        catalogue = read_po(handle)
    untranslated = [m.id for m in catalogue if m.id and (not m.string or m.fuzzy)]
    assert not untranslated, f"{path}: translate these: {untranslated}"


def test_both_catalogues_exist() -> None:
    assert {p.parent.parent.name for p in catalogue_paths()} == {"ru", "be"}


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext (apt: gettext)")
@pytest.mark.slow
def test_catalogues_hold_every_string_the_code_uses(tmp_path: Path) -> None:
    copy = tmp_path / "web"
    shutil.copytree(WEB, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    for po in (copy / "locale").rglob("*.po"):
        po.unlink()
    command = [sys.executable, "-m", "django", "makemessages", "-l", "ru", "--no-location"]
    env = {"DJANGO_SETTINGS_MODULE": "prytulak.web.settings.test", "PATH": "/usr/bin:/bin"}
    subprocess.run(command, cwd=copy, check=True, capture_output=True, env=env)
    with open(copy / "locale/ru/LC_MESSAGES/django.po", "rb") as handle:
        used = {m.id for m in read_po(handle) if m.id}
    with open(WEB / "locale/ru/LC_MESSAGES/django.po", "rb") as handle:
        known = {m.id for m in read_po(handle) if m.id}
    assert not used - known, f"run makemessages and translate: {sorted(used - known)}"


def test_compiled_catalogues_are_used(tmp_path: Path) -> None:
    compile_catalogues()
    from django.utils import translation

    with translation.override("be"):
        assert translation.gettext("Log in") == "Увайсці"
    with translation.override("ru"):
        assert translation.gettext("Log in") == "Войти"
