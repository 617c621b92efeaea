"""Prytulak: an asylum case workbench for people fleeing Belarus and their attorneys.

The public verbs, each loaded on first use::

    case = prytulak.load_case("cases/kazlou")           # validate; problems name field and fix
    assessment = prytulak.assess(case)                   # the law engine's findings, cited
    report = prytulak.review_case(case)                  # inconsistencies and evidence gaps
    locker = prytulak.Locker.open_or_create(folder, passphrase)
    prytulak.add_files(locker, [path])                   # evidence intake
    prytulak.process_item(locker, "F001", "attorney")    # text layer / OCR, language
    prytulak.build_package(case, folder, out)            # forms, declaration, exhibits, manifest
    prytulak.screen_case(case, index)                    # named officials vs sanctions lists
    prytulak.match_case(case, providers)                 # legal-service providers, ranked
    prytulak.export_bag(locker, out, "attorney")         # a portable, verifiable BagIt bag

(The review verb is ``review_case``: ``prytulak.review`` is the subpackage.)

Everything Prytulak produces is a draft for an attorney's review, not legal advice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from prytulak.lazy import lazy_exports

if TYPE_CHECKING:
    from .case import CaseFile, CaseFileError, dump_case, load_case
    from .country import get_pack, select_profiles
    from .country.memo.content import build_memo
    from .directory import match_case
    from .evidence import Locker, add_files, export_bag, process_item, verify_locker
    from .filing import build_package, fill_i589, fill_i765
    from .law import assess
    from .review import review as review_case
    from .screening import screen_case
    from .store import save_case

_HOME = {
    "CaseFile": ".case",
    "CaseFileError": ".case",
    "load_case": ".case",
    "dump_case": ".case",
    "save_case": ".store",
    "assess": ".law",
    "review_case": ".review",
    "Locker": ".evidence",
    "add_files": ".evidence",
    "process_item": ".evidence",
    "verify_locker": ".evidence",
    "export_bag": ".evidence",
    "build_package": ".filing",
    "fill_i589": ".filing",
    "fill_i765": ".filing",
    "get_pack": ".country",
    "select_profiles": ".country",
    "build_memo": ".country.memo.content",
    "screen_case": ".screening",
    "match_case": ".directory",
}

__all__ = [
    "CaseFile",
    "CaseFileError",
    "Locker",
    "add_files",
    "assess",
    "build_memo",
    "build_package",
    "dump_case",
    "export_bag",
    "fill_i589",
    "fill_i765",
    "get_pack",
    "load_case",
    "match_case",
    "process_item",
    "review_case",
    "save_case",
    "screen_case",
    "select_profiles",
    "verify_locker",
]

__getattr__ = lazy_exports(__name__, _HOME, {"review_case": "review"})
