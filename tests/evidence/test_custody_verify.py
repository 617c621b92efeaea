"""Custody logs and `verify`: every kind of change after the fact is reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from prytulak.evidence import Item, Locker, add_file, describe_item, verify_locker

from .conftest import PASSPHRASE


@pytest.fixture
def item(locker: Locker, tmp_path: Path) -> Item:
    (tmp_path / "ruling.txt").write_text("Пастанова суда Фрунзенскага раёна", encoding="utf-8")
    added = add_file(locker, tmp_path / "ruling.txt", actor="attorney").item
    assert added is not None
    return describe_item(locker, added.id, "attorney", description="Ruling of the district court")


def _messages(locker: Locker) -> list[str]:
    return [f.message for f in verify_locker(locker).findings]


def test_an_untouched_locker_verifies(locker: Locker, item: Item) -> None:
    report = verify_locker(Locker.open(locker.case_folder, PASSPHRASE))
    assert report.intact and report.items == 1 and report.findings == []


def test_a_changed_original_is_reported(locker: Locker, item: Item) -> None:
    path = locker.blobs.path_for(item.sha256)
    data = bytearray(path.read_bytes())
    data[-20] ^= 0xFF
    path.write_bytes(bytes(data))
    assert not verify_locker(locker).intact
    assert _messages(locker) == [
        f"the original file ({item.sha256[:12]}…) has been changed "
        "(its hash or authentication tag do not match)"
    ]


def test_a_deleted_original_is_reported(locker: Locker, item: Item) -> None:
    locker.blobs.path_for(item.sha256).unlink()
    assert _messages(locker) == [
        f"the original file ({item.sha256[:12]}…) is missing from the locker"
    ]


def test_an_edited_custody_entry_is_reported(locker: Locker, item: Item) -> None:
    log = locker.custody(item.id).path
    lines = log.read_text(encoding="utf-8").splitlines(keepends=True)
    entry = json.loads(lines[0])
    entry["actor"] = "someone else"
    lines[0] = json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n"
    log.write_text("".join(lines), encoding="utf-8")
    assert "custody log: entry 1 (added) was changed after it was written" in _messages(locker)


def test_a_removed_custody_entry_is_reported(locker: Locker, item: Item) -> None:
    log = locker.custody(item.id).path
    lines = log.read_text(encoding="utf-8").splitlines(keepends=True)
    log.write_text(lines[0], encoding="utf-8")
    assert _messages(locker) == ["custody log: 1 entr(ies) removed from the end"]


def test_an_item_record_edited_by_hand_is_reported(locker: Locker, item: Item) -> None:
    path = locker.root / "items" / f"{item.id}.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    record["provenance"]["description"] = "Something else"
    path.write_text(json.dumps(record), encoding="utf-8")
    assert _messages(locker) == [
        "the item record was edited outside Prytulak (it no longer matches the state its "
        "custody log recorded)"
    ]


def test_a_line_torn_by_a_crash_is_ignored_and_repaired(locker: Locker, item: Item) -> None:
    log = locker.custody(item.id).path
    with open(log, "ab") as handle:
        handle.write(b'{"seq": 3, "actor": "att')
    report = locker.custody(item.id).read()
    assert report.torn_tail and report.problems == [] and len(report.entries) == 2
    assert verify_locker(locker).intact
    updated = describe_item(locker, item.id, "attorney", source="Frunzienski District Court")
    assert updated.custody_count == 3
    assert [e.seq for e in locker.custody(item.id).read().entries] == [1, 2, 3]
    assert verify_locker(locker).intact
