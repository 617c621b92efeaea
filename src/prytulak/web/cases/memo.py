"""What depends only on a case version (and the day) is computed once per server process.

The case file parsed from its JSON, the law engine's and the review's overview, the country
profiles: each is a pure function of the case version and the day, so a page for a version
already seen reuses the objects as they are. Kept in the process (no pickling, unlike
Django's local-memory cache, where unpickling an assessment cost a millisecond or more per
page), bounded, least recently used first out. A new version is a new key; old ones age out.
Callers must treat what they get as read-only.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

__all__ = ["VersionMemo", "memo"]

T = TypeVar("T")


class VersionMemo:
    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]  # type: ignore[no-any-return]
        value = make()  # outside the lock: two threads may both compute; the result is the same
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def forget(self, key: Hashable) -> None:
        with self._lock:
            self._items.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


memo = VersionMemo()
"""The process's memo; keys start with what they hold (``("case", pk, version, day)``)."""
