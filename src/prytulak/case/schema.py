"""JSON Schema of the case file, for editors, other tools and the docs."""

from __future__ import annotations

import json
from typing import Any

from .model import SCHEMA_VERSION, CaseFile

__all__ = ["case_json_schema", "case_json_schema_text"]


def case_json_schema() -> dict[str, Any]:
    schema = CaseFile.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://prytulak.org/schema/case/v{SCHEMA_VERSION}.json"
    schema["title"] = f"Prytulak case file, schema version {SCHEMA_VERSION}"
    return schema


def case_json_schema_text() -> str:
    return json.dumps(case_json_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
