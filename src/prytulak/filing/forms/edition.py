"""One official form edition: its PDF (shipped in the package, SHA-256 pinned) and its field map.

A field map is data, one YAML file per edition under ``forms/data/``, validated by
``fieldmap.schema.json``. Each entry names a PDF field and the case *answer* it shows (a key such
as ``applicant.last_name`` computed by the form's answers module), or why it is never filled.
A new edition is a new YAML file plus its PDF; the answers stay the same.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import jsonschema
from ruamel.yaml import YAML

__all__ = [
    "FieldSpec",
    "FormEdition",
    "FormEditionError",
    "available_editions",
    "load_edition",
    "parse_field_map",
]

FieldKind = Literal["text", "checkbox", "choice", "signature", "barcode"]
_DATA = "prytulak.filing.forms"


class FormEditionError(RuntimeError):
    """A field map or a form PDF inside the package is broken (a packaging error)."""


@dataclass(frozen=True)
class FieldSpec:
    name: str
    page: int
    part: str
    label: str
    kind: FieldKind
    item: str = ""
    answer: str | None = None
    checked_when: str | None = None
    on: str | None = None
    if_empty: str | None = None
    max_length: int | None = None
    leave_blank: str | None = None
    note: str | None = None

    @property
    def where(self) -> str:
        """'Part A.I, item 4' — how an attorney finds the box on the form."""
        return f"Part {self.part}, item {self.item}" if self.item else f"Part {self.part}"


@dataclass(frozen=True)
class FormEdition:
    key: str
    form: str
    title: str
    edition: str
    edition_date: date
    source: str
    pdf: str
    sha256: str
    pages: int
    fields: tuple[FieldSpec, ...]
    capacity: Mapping[str, int] = field(default_factory=dict)
    supplement_a_page: int | None = None
    supplement_b_page: int | None = None
    continuation_page: int | None = None
    omb: str = ""

    @property
    def label(self) -> str:
        return f"Form {self.form} (edition {self.edition})"

    def pdf_bytes(self) -> bytes:
        """The official PDF, checked against the pinned SHA-256."""
        data = (resources.files(_DATA) / "pdf" / self.pdf).read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest != self.sha256:
            raise FormEditionError(
                f"{self.pdf} does not match the SHA-256 pinned in {self.key}.yaml "
                f"({digest} != {self.sha256}); reinstall Prytulak or update the field map"
            )
        return data

    def fields_on_page(self, page: int) -> list[FieldSpec]:
        return [f for f in self.fields if f.page == page]

    def field(self, name: str) -> FieldSpec:
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)


@cache
def _schema() -> dict[str, Any]:
    text = (resources.files(_DATA) / "data" / "fieldmap.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def available_editions() -> list[str]:
    """Keys of every field map shipped, e.g. ``i589_2025-01-20``."""
    folder = resources.files(_DATA) / "data"
    return sorted(Path(p.name).stem for p in folder.iterdir() if p.name.endswith(".yaml"))


@cache
def load_edition(key: str) -> FormEdition:
    """Load and validate ``forms/data/<key>.yaml``."""
    source = resources.files(_DATA) / "data" / f"{key}.yaml"
    if not source.is_file():
        raise FormEditionError(
            f"no field map {key!r}; available: {', '.join(available_editions())}"
        )
    return parse_field_map(source.read_text(encoding="utf-8"), key)


def parse_field_map(text: str, key: str) -> FormEdition:
    """Parse and validate a field map's YAML text."""
    raw = YAML(typ="safe").load(text)
    errors = sorted(jsonschema.Draft202012Validator(_schema()).iter_errors(raw), key=str)
    if errors:
        where = "/".join(str(p) for p in errors[0].absolute_path)
        raise FormEditionError(f"{key}.yaml is invalid at {where}: {errors[0].message}")
    fields = tuple(FieldSpec(**entry) for entry in raw.pop("fields"))
    raw["edition_date"] = date.fromisoformat(raw["edition_date"])
    return FormEdition(key=key, fields=fields, **raw)
