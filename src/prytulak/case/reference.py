"""The case-file reference for the docs, generated from the JSON Schema.

``docs/case-file-reference.md`` is this module's output; a test fails when they differ, so the
docs cannot drift from the models. Regenerate with::

    uv run python -m prytulak.case.reference > docs/case-file-reference.md
"""

from __future__ import annotations

from typing import Any

from .dates import JSON_PATTERN
from .model import SCHEMA_VERSION
from .schema import case_json_schema

__all__ = ["case_reference_markdown"]


def _type_of(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "anyOf" in prop:
        if _is_partial_date(prop):
            return "date (partial)"
        kinds = [_type_of(p) for p in prop["anyOf"] if p.get("type") != "null"]
        return " or ".join(dict.fromkeys(kinds))
    if prop.get("type") == "array":
        return f"list of {_type_of(prop.get('items', {}))}"
    if "enum" in prop:
        return "one of " + ", ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    return str(prop.get("type", "any"))


def _is_partial_date(prop: dict[str, Any]) -> bool:
    if prop.get("pattern") == JSON_PATTERN:
        return True
    return any(_is_partial_date(p) for p in prop.get("anyOf", []))


def _rows(schema: dict[str, Any]) -> list[str]:
    required = set(schema.get("required", []))
    lines = ["| field | type | required | meaning |", "|---|---|---|---|"]
    for name, prop in schema.get("properties", {}).items():
        desc = prop.get("description", "").replace("|", "\\|").replace("\n", " ")
        needed = "yes" if name in required else ""
        lines.append(f"| `{name}` | {_type_of(prop)} | {needed} | {desc} |")
    return lines


def case_reference_markdown() -> str:
    schema = case_json_schema()
    out = [
        "# Case file reference",
        "",
        f"Generated from the JSON Schema of schema version {SCHEMA_VERSION} "
        "(`uv run python -m prytulak.case.reference`); do not edit by hand.",
        "",
        "Dates are *partial dates*: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; prefix `~` when "
        "approximate; join two with `/` for a range (`2020-08-10/2020-08-25`).",
        "",
        "## CaseFile",
        "",
        *_rows(schema),
    ]
    for name, definition in sorted(schema.get("$defs", {}).items()):
        out += ["", f"## {name}", ""]
        if "enum" in definition:
            out.append("Values: " + ", ".join(f"`{v}`" for v in definition["enum"]))
            continue
        if definition.get("description"):
            out += [" ".join(definition["description"].split()), ""]
        out += _rows(definition)
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(case_reference_markdown(), end="")
