"""``prytulak serve``: migrates, makes the first administrator once, serves pages and files."""

from __future__ import annotations

import re
import sqlite3
import urllib.request
from pathlib import Path

import pytest

from .served import prytulak, served

pytestmark = pytest.mark.slow


def test_first_start_prints_a_one_time_password_once(tmp_path: Path) -> None:
    first = prytulak("serve", "--setup-only", data_dir=tmp_path)
    assert first.returncode == 0, first.stderr
    assert re.search(r"one-time password \S{12,}", first.stdout)
    assert (tmp_path / "prytulak.sqlite3").is_file()
    again = prytulak("serve", "--setup-only", data_dir=tmp_path)
    assert again.returncode == 0 and "one-time password" not in again.stdout
    with sqlite3.connect(tmp_path / "prytulak.sqlite3") as db:
        rows = db.execute("SELECT username, must_change_password FROM accounts_user").fetchall()
    assert rows == [("admin", 1)]


def test_a_bad_port_is_a_usage_error(tmp_path: Path) -> None:
    result = prytulak("serve", "--port", "70000", data_dir=tmp_path)
    assert result.returncode == 2 and "not a port number" in result.stderr


def test_the_server_answers_with_pages_and_static_files(tmp_path: Path) -> None:
    with served(tmp_path, seed=False) as server:
        page = urllib.request.urlopen(server.url + "accounts/login/").read().decode()
        assert "<form" in page and 'name="password"' in page
        css = urllib.request.urlopen(server.url + "static/web/prytulak.css").read()
        assert b"focus-visible" in css
