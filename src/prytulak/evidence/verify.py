"""``verify``: re-hash every blob, re-check every custody chain, report any change."""

from __future__ import annotations

from dataclasses import dataclass, field

from prytulak.store.blobs import BlobState

from .locker import ITEM_ID, Locker
from .records import Item

__all__ = ["Finding", "VerifyReport", "verify_locker"]


@dataclass(frozen=True)
class Finding:
    item_id: str
    message: str
    serious: bool = True
    """False for notes that do not mean tampering (e.g. an interrupted operation)."""


@dataclass
class VerifyReport:
    items: int = 0
    blobs: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not any(f.serious for f in self.findings)


def verify_locker(locker: Locker) -> VerifyReport:
    report = VerifyReport()
    items = locker.items()
    for item in items:
        report.items += 1
        report.blobs += _check_blobs(locker, item, report)
        _check_custody(locker, item, report)
    known = {i.id for i in items}
    for log in sorted((locker.root / "custody").glob("F*.log")):
        if ITEM_ID.match(log.stem) and log.stem not in known:
            report.findings.append(
                Finding(
                    log.stem,
                    "custody log without an item record: an intake was interrupted "
                    "before it finished (nothing had been added); harmless",
                    serious=False,
                )
            )
    return report


def _check_blobs(locker: Locker, item: Item, report: VerifyReport) -> int:
    labels = {item.sha256: "original"}
    labels.update({d.sha256: f"derived {d.kind.value}" for d in item.derived})
    if item.extraction:
        labels[item.extraction.sha256] = "extracted text"
    labels.update({t.sha256: f"translation {t.id}" for t in item.translations})
    for sha, label in labels.items():
        state = locker.blobs.check(sha)
        if state is BlobState.OK:
            continue
        what = {
            BlobState.MISSING: "is missing from the locker",
            BlobState.ALTERED: "has been changed (its hash or authentication tag do not match)",
            BlobState.WRONG_KEY: "is encrypted under another key (copied from another locker?)",
        }[state]
        report.findings.append(Finding(item.id, f"the {label} file ({sha[:12]}…) {what}"))
    return len(labels)


def _check_custody(locker: Locker, item: Item, report: VerifyReport) -> None:
    custody = locker.custody(item.id).read()
    for problem in custody.problems:
        report.findings.append(Finding(item.id, f"custody log: {problem}"))
    if custody.problems:
        return
    count = len(custody.entries)
    if count < item.custody_count:
        report.findings.append(
            Finding(
                item.id, f"custody log: {item.custody_count - count} entr(ies) removed from the end"
            )
        )
    elif count > item.custody_count:
        extra = custody.entries[item.custody_count :]
        if custody.entries[item.custody_count - 1].hash != item.custody_head:
            report.findings.append(Finding(item.id, "custody log: entries were replaced"))
        else:
            actions = ", ".join(e.action for e in extra)
            report.findings.append(
                Finding(
                    item.id,
                    f"custody log: {len(extra)} entr(ies) ({actions}) newer than the "
                    "item record: an operation was interrupted; run it again",
                    serious=False,
                )
            )
    elif count and custody.entries[-1].hash != item.custody_head:
        report.findings.append(Finding(item.id, "custody log: the last entry was replaced"))
    if count == item.custody_count and count and custody.entries[-1].state != item.state_hash():
        report.findings.append(
            Finding(
                item.id,
                "the item record was edited outside Prytulak (it no longer matches "
                "the state its custody log recorded)",
            )
        )
    if custody.entries and custody.entries[0].after != item.sha256:
        report.findings.append(Finding(item.id, "custody log: the first entry names another file"))
