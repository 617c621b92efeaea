"""How list names are cut into tokens, roles and keys for the index (no SQL here)."""

from __future__ import annotations

from dataclasses import dataclass

from prytulak.names import AnalyzedName, NameToken, Spelling, name_key, split_name
from prytulak.names.analysis import Role, guess_roles
from prytulak.names.keys import coarse_key, deletion_keys

from .records import ListedName

__all__ = ["IndexedName", "blocking_keys", "index_name", "query_blocking_keys", "to_analyzed"]

_ROLE_CODE = {"surname": "S", "given": "G", "patronymic": "P"}
_CODE_ROLE: dict[str, Role] = {"S": "surname", "G": "given", "P": "patronymic"}


@dataclass(frozen=True)
class IndexedName:
    text: str
    tokens: tuple[str, ...]
    keys: tuple[str, ...]
    roles: str  # one letter per token: S, G or P


def _roles(name: ListedName, tokens: list[str]) -> list[Role]:
    if not name.surname:
        return guess_roles(tokens)
    surname = set(split_name(name.surname))
    given = set(split_name(name.given or ""))
    roles: list[Role] = []
    for token in tokens:
        if token in surname:
            roles.append("surname")
        elif token in given:
            roles.append("given")
        else:
            roles.append("patronymic")
    return roles


def index_name(name: ListedName) -> IndexedName:
    tokens = split_name(name.text)
    roles = _roles(name, tokens)
    keys = tuple(name_key(t) for t in tokens)
    return IndexedName(name.text, tuple(tokens), keys, "".join(_ROLE_CODE[r] for r in roles))


def blocking_keys(name: IndexedName) -> set[str]:
    """Keys under which a listed name is found: its surname tokens, one edit tolerated."""
    chosen = [k for k, r in zip(name.keys, name.roles, strict=True) if r == "S" and k]
    if not chosen:
        chosen = [k for k in name.keys if k]
    found: set[str] = set()
    for key in chosen:
        found |= deletion_keys(coarse_key(key))
    return found


def query_blocking_keys(name: AnalyzedName) -> set[str]:
    """Any query token may be the surname: all its spellings' keys, one edit tolerated."""
    found: set[str] = set()
    for token in name.tokens:
        for key in token.keys:
            found |= deletion_keys(coarse_key(key))
    return found


def to_analyzed(text: str, tokens: list[str], keys: list[str], roles: str) -> AnalyzedName:
    built = tuple(
        NameToken(token, _CODE_ROLE[role], {}, (), (Spelling(token, key, "as written"),))
        for token, key, role in zip(tokens, keys, roles, strict=True)
    )
    return AnalyzedName(text, built)
