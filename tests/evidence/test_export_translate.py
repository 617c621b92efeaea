"""BagIt export (validated with bagit), EXIF stripping, and the translation workflow."""

from __future__ import annotations

import io
import json
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import bagit
import pytest
from PIL import Image

from prytulak.evidence import (
    EngineError,
    EvidenceError,
    LocalModelEngine,
    Locker,
    add_file,
    add_human_translation,
    certify_translation,
    export_bag,
    load_engine,
    machine_draft,
    needs_translation,
    process_item,
    render_translation,
    terms_in,
)

from .conftest import photo_with_gps

SUMMONS = "ПОВЕСТКА\nГражданин Козлов вызывается в Следственный комитет к следователю."


@pytest.fixture
def summons(locker: Locker, tmp_path: Path) -> str:
    (tmp_path / "summons.txt").write_text(SUMMONS, encoding="utf-8")
    item = add_file(locker, tmp_path / "summons.txt", actor="t").item
    assert item is not None
    return process_item(locker, item.id, "t").id


def test_the_bag_validates_and_a_changed_file_makes_it_invalid(
    locker: Locker, summons: str, tmp_path: Path
) -> None:
    (tmp_path / "photo.jpg").write_bytes(photo_with_gps())
    add_file(locker, tmp_path / "photo.jpg", actor="t")
    result = export_bag(locker, tmp_path / "bag", "attorney")
    bag = bagit.Bag(str(tmp_path / "bag"))
    bag.validate()
    assert result.items == 2 and result.stripped == 1
    manifest = json.loads((tmp_path / "bag" / "data" / "items.json").read_text(encoding="utf-8"))
    assert [m["id"] for m in manifest] == ["F001", "F002"]
    assert (
        (tmp_path / "bag" / "data" / "F001" / "text.txt")
        .read_text(encoding="utf-8")
        .startswith("ПОВЕСТКА")
    )
    (tmp_path / "bag" / "data" / "F001" / "text.txt").write_text("changed", encoding="utf-8")
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(tmp_path / "bag")).validate()


def test_exported_photos_lose_gps_and_device_data_but_the_original_keeps_them(
    locker: Locker, tmp_path: Path
) -> None:
    (tmp_path / "photo.jpg").write_bytes(photo_with_gps())
    item = add_file(locker, tmp_path / "photo.jpg", actor="t").item
    assert item is not None
    export_bag(locker, tmp_path / "bag", "attorney")
    exported = Image.open(tmp_path / "bag" / "data" / "F001" / "original" / "photo.jpg").getexif()
    assert exported.get_ifd(0x8825) == {}
    assert 0x010F not in exported and 0x0110 not in exported
    assert 0xA431 not in exported.get_ifd(0x8769)
    assert exported[0x0132] == "2020:08:09 19:40:00", "the date taken is kept"
    original = Image.open(io.BytesIO(locker.blobs.read(item.sha256))).getexif()
    assert original.get_ifd(0x8825)[2] == (53.0, 54.0, 7.0)
    manifest = json.loads((tmp_path / "bag" / "data" / "items.json").read_text(encoding="utf-8"))
    assert manifest[0]["exported_copy"]["removed"] == [
        "GPS position",
        "camera make",
        "camera model",
        "camera serial number",
    ]


def test_export_refuses_a_folder_that_is_not_empty(
    locker: Locker, summons: str, tmp_path: Path
) -> None:
    (tmp_path / "bag").mkdir()
    (tmp_path / "bag" / "x").write_text("x")
    with pytest.raises(EvidenceError, match="already exists and is not empty"):
        export_bag(locker, tmp_path / "bag", "a")


def test_a_human_translation_is_certified_with_the_regulatory_statement(
    locker: Locker, summons: str
) -> None:
    item = locker.item(summons)
    assert needs_translation(item)
    record = add_human_translation(
        locker,
        summons,
        "SUMMONS\nCitizen Kozlov is summoned to the Investigative Committee, to the investigator.",
        "t",
        translator="Anna K.",
        address="1 Main St, Chicago, IL 60622",
    )
    assert record.certified and record.glossary_misses == []
    assert not needs_translation(locker.item(summons))
    document = render_translation(locker, locker.item(summons), record)
    assert (
        "I, Anna K., certify that I am competent to translate from Russian into English" in document
    )
    assert "complete and accurate to the best of my knowledge and ability" in document


def test_a_translation_without_an_address_cannot_be_certified(locker: Locker, summons: str) -> None:
    with pytest.raises(EvidenceError, match="needs the translator's name and address"):
        add_human_translation(locker, summons, "SUMMONS", "t", translator="Anna K.")


def _tiny_model(folder: Path) -> Path:
    """A word-table 'model' with a line-based decoder: the contract marian-decoder follows."""
    folder.mkdir()
    (folder / "words.tsv").write_text("повестка\tsummons\nгражданин\tcitizen\n", encoding="utf-8")
    (folder / "decode.py").write_text(
        "import sys\n"
        "table = dict(l.rstrip('\\n').split('\\t') for l in open('words.tsv', encoding='utf-8'))\n"
        "for line in sys.stdin:\n"
        "    print(' '.join(table.get(w.lower(), w) for w in line.split()), flush=True)\n",
        encoding="utf-8",
    )
    manifest = {
        "name": "tiny",
        "backend": "command",
        "command": [sys.executable, "decode.py"],
        "pairs": [["ru", "en"], ["be", "en"]],
    }
    (folder / "prytulak-model.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def test_a_local_model_makes_a_draft_that_stays_a_draft_until_certified(
    locker: Locker, summons: str, tmp_path: Path
) -> None:
    engine = load_engine(f"local:{_tiny_model(tmp_path / 'model')}")
    assert not engine.remote
    record = machine_draft(locker, summons, engine, "t")
    assert record.status == "DRAFT (machine, not certified)"
    text = render_translation(locker, locker.item(summons), record)
    assert text.splitlines()[2].startswith("DRAFT MACHINE TRANSLATION — NOT CERTIFIED")
    assert "summons\ncitizen Козлов" in text
    assert "Следственный комитет → Investigative Committee" in record.glossary_misses
    assert needs_translation(locker.item(summons))
    certified = certify_translation(locker, summons, record.id, "t", translator="A", address="B")
    assert certified.certified and not needs_translation(locker.item(summons))


def test_a_local_model_folder_problems_are_explained(tmp_path: Path) -> None:
    with pytest.raises(EngineError, match=r"has no prytulak-model\.json"):
        LocalModelEngine(tmp_path)
    model = _tiny_model(tmp_path / "m")
    manifest = json.loads((model / "prytulak-model.json").read_text())
    manifest["command"] = [sys.executable, "-c", "print('only one line')"]
    (model / "prytulak-model.json").write_text(json.dumps(manifest))
    with pytest.raises(EngineError, match="returned 1 lines for 2 segments"):
        LocalModelEngine(model).translate(["a", "b"], "ru", "en")
    with pytest.raises(EngineError, match=r"does not translate uk→en"):
        LocalModelEngine(model).translate(["a"], "uk", "en")


class _FakeLibreTranslate(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        reply = json.dumps({"translatedText": f"[{body['source']}→{body['target']}] {body['q']}"})
        self.send_response(200)
        self.end_headers()
        self.wfile.write(reply.encode())

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def local_service() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _FakeLibreTranslate)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_a_remote_engine_is_off_unless_enabled_and_then_warns(
    locker: Locker, summons: str, local_service: str
) -> None:
    with pytest.raises(EngineError, match="remote translation is off"):
        load_engine(f"libretranslate:{local_service}")
    warnings: list[str] = []
    engine = load_engine(f"libretranslate:{local_service}", allow_remote=True, warn=warnings.append)
    assert warnings and "will be sent to LibreTranslate at http://127.0.0.1" in warnings[0]
    record = machine_draft(locker, summons, engine, "t")
    assert locker.blobs.read(record.sha256).decode().startswith("[ru→en] ПОВЕСТКА")


def test_the_glossary_finds_inflected_terms_and_validates() -> None:
    found = {
        m.term.en for m in terms_in("Вызвать в Следственный комитет; пратакол ператрусу; позву")
    }
    assert {"Investigative Committee", "search record", "summons"} <= found


def test_a_glossary_term_written_in_capitals_or_without_its_abbreviation_is_found() -> None:
    from prytulak.evidence.glossary import glossary_misses

    source = "КОМИТЕТ ГОСУДАРСТВЕННОЙ БЕЗОПАСНОСТИ РЕСПУБЛИКИ БЕЛАРУСЬ"
    assert glossary_misses(source, "STATE SECURITY COMMITTEE OF THE REPUBLIC OF BELARUS") == []
    assert glossary_misses(source, "the KGB of Belarus") == []
    assert glossary_misses(source, "the Ministry of Interior") != []
