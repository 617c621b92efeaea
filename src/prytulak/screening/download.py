"""Downloading the official list files: only when the user turns network use on.

Nothing in Prytulak calls this unless ``allow_network=True`` is passed (the command line's
``--allow-network`` flag). The files go to ``<data dir>/screening/downloads/`` and are then
imported like any file the user downloaded.
"""

from __future__ import annotations

import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .errors import ListFileError, NetworkDisabledError

__all__ = ["OFFICIAL_SOURCES", "OfficialSource", "download_list"]


@dataclass(frozen=True)
class OfficialSource:
    id: str
    title: str
    urls: tuple[str, ...]
    format_id: str


OFFICIAL_SOURCES = {
    source.id: source
    for source in (
        OfficialSource(
            "ofac-sdn",
            "OFAC SDN list (sdn.csv with alt.csv and sdn_comments.csv)",
            (
                "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV",
                "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ALT.CSV",
                "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_COMMENTS.CSV",
            ),
            "ofac-sdn-csv",
        ),
        OfficialSource(
            "eu-fsf",
            "EU consolidated financial sanctions list (XML 1.1)",
            (
                "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/"
                "content?token=dG9rZW4tMjAxNw",
            ),
            "eu-fsf-xml",
        ),
    )
}


def _target_name(url: str, source: OfficialSource) -> str:
    tail = url.rsplit("/", 1)[-1].split("?")[0].lower()
    return tail if tail.endswith((".csv", ".xml")) else f"{source.id}.xml"


def download_list(source_id: str, folder: Path, allow_network: bool = False) -> Path:
    """Fetch an official list into ``folder``; returns the main file to import."""
    if not allow_network:
        raise NetworkDisabledError(
            "downloading a list needs network use turned on: pass --allow-network, or download "
            "the file yourself and run 'prytulak screening import FILE'"
        )
    try:
        source = OFFICIAL_SOURCES[source_id]
    except KeyError:
        known = ", ".join(OFFICIAL_SOURCES)
        raise ListFileError(
            f"no official download known for {source_id!r}; known: {known}"
        ) from None
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    for url in source.urls:
        target = folder / _target_name(url, source)
        with urllib.request.urlopen(url, timeout=120) as response:
            target.write_bytes(response.read())
        saved.append(target)
    return saved[0]
