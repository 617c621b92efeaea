"""Reading and writing case files as YAML or JSON, with problems that point at lines."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from .integrity import integrity_problems
from .migrations import MigrationError, migrate
from .model import CaseFile
from .problems import CaseFileError, Problem, problems_from_validation

__all__ = [
    "MAX_CASE_FILE_BYTES",
    "MAX_DEPTH",
    "dump_case",
    "dump_case_json",
    "load_case",
    "parse_case_text",
    "read_case_data",
]

MAX_CASE_FILE_BYTES = 2 * 1024 * 1024
"""A case file is text about one person: the demo cases are about 20 KB. Anything much larger
is not a case file (or would take minutes to read), so it is refused before it is parsed."""

MAX_DEPTH = 50
"""Levels of nesting a case file may have; a real one has about 10."""

_TOO_DEEP = (
    f"the file is nested too deeply (more than {MAX_DEPTH} levels); a case file is at most "
    "about 10 levels deep — check that this is a case file and that its brackets and "
    "indentation are right"
)


class _Constructor(RoundTripConstructor):
    """Reads an impossible date written as a YAML timestamp (``1990-02-30``, unquoted) as the
    text it is, so the date parser names the problem and the fix instead of a traceback."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return str(self.construct_scalar(node))


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.allow_duplicate_keys = False
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def read_case_data(raw: bytes, source: str) -> Any:
    """Decode and parse bytes into plain YAML/JSON data, or raise ``CaseFileError``."""
    if len(raw) > MAX_CASE_FILE_BYTES:
        raise CaseFileError(source, [_too_large(len(raw))])
    if not raw.strip():
        raise CaseFileError(
            source,
            [Problem("", "the file is empty; start from 'prytulak case new' or a demo case")],
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CaseFileError(
            source,
            [
                Problem(
                    "",
                    f"the file is not UTF-8 text (byte {exc.start} is 0x{raw[exc.start]:02x}); "
                    "save it as UTF-8 (in most editors: Save As… → Encoding: UTF-8)",
                )
            ],
        ) from None
    try:
        data = _yaml().load(io.StringIO(text))
    except RecursionError:
        raise CaseFileError(source, [Problem("", _TOO_DEEP)]) from None
    except ReaderError as exc:
        at = text.count("\n", 0, max(exc.position, 0)) + 1
        raise CaseFileError(
            source,
            [
                Problem(
                    "",
                    f"the file contains a control character (#x{exc.character:04x}) that a "
                    "case file cannot hold; remove the control character (the file may be "
                    "binary or damaged)",
                    at,
                )
            ],
        ) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark is not None else None
        what = exc.problem or "the YAML cannot be read"
        raise CaseFileError(
            source,
            [
                Problem(
                    "",
                    f"malformed YAML: {what}; check indentation, colons and quotes near this line",
                    line,
                )
            ],
        ) from None
    except YAMLError as exc:
        raise CaseFileError(source, [Problem("", f"malformed YAML: {exc}")]) from None
    if _depth_over(data, MAX_DEPTH):
        raise CaseFileError(source, [Problem("", _TOO_DEEP)])
    return data


def _too_large(size: int) -> Problem:
    return Problem(
        "",
        f"the file is {size / 1024 / 1024:.1f} MB; a case file is at most "
        f"{MAX_CASE_FILE_BYTES // 1024 // 1024} MB (the demo cases are about 20 KB) — check "
        "that this is a case file, and keep documents in evidence/, not in case.yaml",
    )


def _depth_over(data: Any, limit: int) -> bool:
    """Whether ``data`` nests more than ``limit`` levels (without recursion)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, Mapping):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def parse_case_text(raw: bytes, source: str = "case.yaml", today: date | None = None) -> CaseFile:
    data = read_case_data(raw, source)
    return case_from_data(data, source, today)


def case_from_data(data: Any, source: str, today: date | None = None) -> CaseFile:
    if not isinstance(data, Mapping):
        raise CaseFileError(
            source,
            [
                Problem(
                    "", "the file must be a mapping of fields (schema_version:, id:, applicant: …)"
                )
            ],
        )
    original = data  # keeps line numbers for messages
    try:
        data = migrate(dict(data))
    except MigrationError as exc:
        raise CaseFileError(source, [_with_line(exc.problem, original)]) from None
    try:
        case = CaseFile.model_validate(data)
    except ValidationError as exc:
        problems = [_with_line(p, original) for p in problems_from_validation(exc)]
        raise CaseFileError(source, problems) from None
    problems = integrity_problems(case, today or date.today())
    if problems:
        raise CaseFileError(source, [_with_line(p, original) for p in problems])
    return case


def load_case(path: Path, today: date | None = None) -> CaseFile:
    """Load a case from ``case.yaml``, ``case.json`` or a case folder."""
    path = Path(path)
    if path.is_dir():
        yaml_file, json_file = path / "case.yaml", path / "case.json"
        path = json_file if not yaml_file.exists() and json_file.exists() else yaml_file
    try:
        size = path.stat().st_size
        if size > MAX_CASE_FILE_BYTES:
            raise CaseFileError(str(path), [_too_large(size)])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CaseFileError(
            str(path),
            [
                Problem(
                    "", "no such file; give the path of a case.yaml (or case.json) or a case folder"
                )
            ],
        ) from None
    except IsADirectoryError:
        raise CaseFileError(
            str(path), [Problem("", "this is a folder; give a case.yaml or a case folder")]
        ) from None
    except PermissionError:
        raise CaseFileError(
            str(path), [Problem("", "permission denied; check who may read this file")]
        ) from None
    return parse_case_text(raw, str(path), today)


def _prune(value: Any) -> Any:
    """Drop empty values so files stay short and readable."""
    if isinstance(value, dict):
        pruned = {k: _prune(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v not in (None, [], {})}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


def case_to_data(case: CaseFile) -> dict[str, Any]:
    data = case.model_dump(mode="json", by_alias=True, exclude_none=True)
    pruned: dict[str, Any] = _prune(data)
    return pruned


def dump_case(case: CaseFile, over: str | None = None) -> str:
    """The case as YAML text. With ``over`` (the file's current text), the text is edited in
    place: comments, key order, line lengths, quoting and folded narratives of unchanged values
    stay as the person who wrote them left them; only what changed is rewritten, and what is
    added leaves out values that are only the defaults. Where that would not read back as
    exactly this case, the plain rendering is returned instead."""
    data = case_to_data(case)
    if over is not None:
        kept = _dump_over(case, data, over)
        if kept is not None:
            return kept
    stream = io.StringIO()
    stream.write("# Prytulak case file. Confidential: asylum information (8 CFR 208.6).\n")
    _yaml().dump(data, stream)
    return stream.getvalue()


def _dump_over(case: CaseFile, data: dict[str, Any], over: str) -> str | None:
    yaml = _yaml()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the author's lines
    try:
        document = yaml.load(io.StringIO(over))
    except YAMLError:
        return None
    if not isinstance(document, CommentedMap):
        return None
    lean = _prune(case.model_dump(mode="json", by_alias=True, exclude_defaults=True))
    stream = io.StringIO()
    yaml.dump(_merge(document, data, lean), stream)
    text = stream.getvalue()
    try:
        again = read_case_data(text.encode("utf-8"), "case.yaml")
        same = case_to_data(CaseFile.model_validate(migrate(dict(again)))) == data
    except (CaseFileError, MigrationError, ValidationError):
        return None
    return text if same else None


def _merge(old: Any, new: Any, lean: Any) -> Any:
    """``new`` (the whole case as plain data) written into ``old`` (the round-trip document)
    where they differ; what ``old`` lacks is added as ``lean`` has it (defaults left out)."""
    if isinstance(old, CommentedMap) and isinstance(new, Mapping):
        lean = lean if isinstance(lean, Mapping) else {}  # absent from lean: all defaults
        for key in [k for k in old if k not in new and old[k] not in (None, [], {}, "")]:
            del old[key]
        for key, value in new.items():
            if key in old:
                old[key] = _merge(old[key], value, lean.get(key))
            elif key in lean:
                old[key] = lean[key]
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        return _merge_list(old, new, lean if isinstance(lean, list) else new)
    return old if _same_scalar(old, new) else new


def _merge_list(old: CommentedSeq, new: list[Any], lean: list[Any]) -> Any:
    by_id = {_id_of(item): item for item in old if _id_of(item) is not None}
    if len(by_id) == len(old) and all(_id_of(item) is not None for item in new):
        merged = [
            _merge(by_id[i], item, thin) if (i := _id_of(item)) in by_id else thin
            for item, thin in zip(new, lean, strict=True)
        ]
    elif len(old) == len(new):
        merged = [_merge(a, b, c) for a, b, c in zip(old, new, lean, strict=True)]
    else:
        return lean
    old[:] = merged
    return old


def _id_of(item: Any) -> Any:
    return item.get("id") if isinstance(item, Mapping) else None


def _same_scalar(old: Any, new: Any) -> bool:
    if isinstance(old, (CommentedMap, CommentedSeq)):
        return False
    if isinstance(old, date):
        return bool(old.isoformat() == new)
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new
    return isinstance(old, (str, int, float)) and isinstance(new, (str, int, float)) and old == new


def dump_case_json(case: CaseFile) -> str:
    return json.dumps(case_to_data(case), ensure_ascii=False, indent=2) + "\n"


def _with_line(problem: Problem, data: Any) -> Problem:
    line = _line_of(data, problem.path)
    if line is None:
        return problem
    return Problem(problem.path, problem.message, line)


def _line_of(data: Any, path: str) -> int | None:
    """Best-effort line number for a dotted path such as ``claim.events[2].date``."""
    if not path or not isinstance(data, CommentedMap):
        return None
    node: Any = data
    line: int | None = None
    for token in _tokens(path):
        if isinstance(token, int) and isinstance(node, CommentedSeq) and token < len(node):
            line = node.lc.item(token)[0] + 1
            node = node[token]
        elif isinstance(token, str) and isinstance(node, CommentedMap) and token in node:
            line = node.lc.key(token)[0] + 1
            node = node[token]
        else:
            break
    return line


def _tokens(path: str) -> list[str | int]:
    tokens: list[str | int] = []
    for part in path.replace("]", "").split("."):
        name, *indexes = part.split("[")
        if name:
            tokens.append(name)
        tokens.extend(int(i) for i in indexes if i.isdigit())
    return tokens
