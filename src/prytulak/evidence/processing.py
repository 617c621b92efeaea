"""Reading an item: text layer or document text, OCR where needed, language, suggestions.

The result is an encrypted ``ExtractedText`` blob plus an ``Extraction`` summary on the item,
and (for scanned PDFs) a searchable PDF stored as a derived blob. Re-running is cheap: OCR
results are cached by content hash.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from .errors import EvidenceError
from .extract import extract_pages, needs_ocr, pdf_page_texts
from .language import detect_language
from .locker import Locker
from .ocr import OcrCache, OcrSettings, image_pages, ocr_images, ocr_pdf
from .records import (
    Derived,
    DerivedKind,
    ExtractedPage,
    ExtractedText,
    Extraction,
    Item,
    PageInfo,
    PageMethod,
)
from .sniff import FileKind
from .suggest import suggest

__all__ = ["PageProgress", "process_item", "read_extraction"]

PageProgress = Callable[[int, int], None]
"""Called with (pages done, pages in total) while an item is OCR'd."""


def process_item(
    locker: Locker,
    item_id: str,
    actor: str,
    *,
    ocr: bool = True,
    settings: OcrSettings | None = None,
    progress: PageProgress | None = None,
) -> Item:
    settings = settings or OcrSettings()
    item = locker.item(item_id)
    source_sha = _working_source(item)
    data = locker.blobs.read(source_sha)
    pages = extract_pages(item.kind, data, image_pages=item.pages or 1)
    searchable: Derived | None = None
    if ocr and any(p.method is PageMethod.NONE for p in pages):
        if item.kind is FileKind.PDF:
            pages, searchable = _ocr_pdf_pages(locker, source_sha, data, pages, settings)
        elif item.kind.is_image:
            pages = _ocr_image_pages(locker, source_sha, data, settings, progress)
    if progress:
        progress(len(pages), len(pages))
    return _save_extraction(locker, item.id, pages, searchable, actor)


def read_extraction(locker: Locker, item: Item) -> ExtractedText | None:
    if item.extraction is None:
        return None
    return ExtractedText.model_validate_json(locker.blobs.read(item.extraction.sha256))


def _working_source(item: Item) -> str:
    unlocked = item.derived_of(DerivedKind.UNLOCKED_PDF)
    return unlocked.sha256 if unlocked else item.sha256


def _ocr_pdf_pages(
    locker: Locker, source_sha: str, data: bytes, pages: list[ExtractedPage], settings: OcrSettings
) -> tuple[list[ExtractedPage], Derived]:
    cache = OcrCache(locker.cache_dir / "ocr")
    key = cache.key(source_sha, "searchable-pdf", settings)
    cached = cache.get(key)
    if cached is not None and locker.blobs.has(cached):
        searchable_bytes = locker.blobs.read(cached)
        searchable_sha = cached
    else:
        searchable_bytes = ocr_pdf(data, settings, pages=len(pages))
        searchable_sha = locker.blobs.put_bytes(searchable_bytes).sha256
        cache.put(key, searchable_sha)
    texts = pdf_page_texts(searchable_bytes)
    merged = []
    for page in pages:
        if page.method is PageMethod.NONE and page.number <= len(texts):
            page = ExtractedPage(
                number=page.number, method=PageMethod.OCR, text=texts[page.number - 1]
            )
        merged.append(page)
    derived = Derived(
        kind=DerivedKind.SEARCHABLE_PDF,
        sha256=searchable_sha,
        media_type="application/pdf",
        tool=f"ocrmypdf + tesseract ({settings.languages})",
        note="the original with an OCR text layer added to scanned pages",
    )
    return merged, derived


def _ocr_image_pages(
    locker: Locker,
    source_sha: str,
    data: bytes,
    settings: OcrSettings,
    progress: PageProgress | None,
) -> list[ExtractedPage]:
    cache = OcrCache(locker.cache_dir / "ocr")
    frames = list(image_pages(data))
    texts: dict[int, str] = {}
    todo: list[int] = []
    for index in range(len(frames)):
        cached = cache.get(cache.key(source_sha, f"page-{index + 1}", settings))
        if cached is not None and locker.blobs.has(cached):
            texts[index] = locker.blobs.read(cached).decode("utf-8")
        else:
            todo.append(index)
    if progress:
        progress(len(texts), len(frames))

    def done(position: int, text: str) -> None:
        index = todo[position]
        blob = locker.blobs.put_bytes(text.encode("utf-8"))
        cache.put(cache.key(source_sha, f"page-{index + 1}", settings), blob.sha256)
        texts[index] = text
        if progress:
            progress(len(texts), len(frames))

    ocr_images([frames[i] for i in todo], settings, done)
    return [
        ExtractedPage(
            number=i + 1, method=PageMethod.OCR if texts[i] else PageMethod.NONE, text=texts[i]
        )
        for i in range(len(frames))
    ]


def _save_extraction(
    locker: Locker, item_id: str, pages: list[ExtractedPage], searchable: Derived | None, actor: str
) -> Item:
    infos = []
    for page in pages:
        detected = detect_language(page.text)
        infos.append(
            PageInfo(
                number=page.number,
                method=page.method,
                chars=len(page.text),
                language=detected.language,
                confidence=detected.confidence,
            )
        )
    content = ExtractedText(pages=pages, suggestions=suggest(pages))
    full = content.full_text()
    document_language = detect_language(full).language if full else None
    languages = Counter(i.language for i in infos if i.language)
    blob = locker.blobs.put_bytes(content.model_dump_json().encode("utf-8"))
    extraction = Extraction(
        sha256=blob.sha256,
        pages=infos,
        language=document_language or _majority(languages),
        languages=sorted(languages),
        needs_ocr=[p.number for p in pages if needs_ocr(p)],
    )
    with locker.lock():
        item = locker.item(item_id)
        if item.extraction is not None and item.extraction.sha256 == blob.sha256:
            return item
        derived = list(item.derived)
        if searchable and all(d.sha256 != searchable.sha256 for d in derived):
            derived.append(searchable)
            item = locker.record(
                item.model_copy(update={"derived": derived}),
                actor,
                "ocr",
                before=item.sha256,
                after=searchable.sha256,
                detail=searchable.tool,
            )
        item = item.model_copy(update={"extraction": extraction})
        methods = ", ".join(sorted({p.method.value for p in pages}))
        return locker.record(
            item,
            actor,
            "extracted",
            before=item.sha256,
            after=blob.sha256,
            detail=f"{len(pages)} page(s), {methods}; language {extraction.language or 'unknown'}",
        )


def _majority(languages: Counter[str]) -> str | None:
    return languages.most_common(1)[0][0] if languages else None


def require_text(locker: Locker, item: Item) -> ExtractedText:
    """The item's text, or a clear error saying to run OCR first."""
    content = read_extraction(locker, item)
    if content is None or not content.full_text().strip():
        raise EvidenceError(
            f"{item.id} has no text yet",
            f"run `prytulak evidence ocr CASE {item.id}` first (or type a translation by hand)",
        )
    return content
