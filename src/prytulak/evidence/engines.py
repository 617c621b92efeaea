"""Machine-translation engines behind one small interface. Their output is always a DRAFT.

Built in:

* ``local:<model dir>``: an offline model the user provides. The folder holds a manifest
  ``prytulak-model.json`` naming its backend:

  - ``"backend": "command"``: a decoder program in the folder that reads one segment per line on
    stdin and writes one translation per line on stdout (``marian-decoder``, Bergamot's
    ``translateLocally``, a llama.cpp wrapper …). ``"command"`` is its argument list, relative
    to the folder.
  - ``"backend": "ctranslate2"``: a CTranslate2 model (Marian/OPUS-MT or NLLB converted with
    ``ct2-*-converter``) with SentencePiece models; needs ``pip install ctranslate2
    sentencepiece``.

  No model ships with Prytulak, and none can be downloaded by it.
* ``libretranslate:<url>``: a LibreTranslate-compatible HTTP service. Remote: refused unless the
  user turns remote translation on, and then a warning says that the text leaves the machine.

Third parties register more engines under the entry-point group ``prytulak.translation_engines``
(a callable taking the text after the colon and returning a ``TranslationEngine``).
"""

from __future__ import annotations

import json
import subprocess
import urllib.request
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from .errors import EvidenceError

__all__ = [
    "REMOTE_WARNING",
    "EngineError",
    "LibreTranslateEngine",
    "LocalModelEngine",
    "TranslationEngine",
    "load_engine",
]

MANIFEST = "prytulak-model.json"
REMOTE_WARNING = (
    "Remote translation is ON: the text of this document (names, places, what happened) will be "
    "sent to {where}. Use it only if the applicant and the attorney have agreed."
)
NLLB_CODES = {
    "ru": "rus_Cyrl",
    "be": "bel_Cyrl",
    "uk": "ukr_Cyrl",
    "pl": "pol_Latn",
    "lt": "lit_Latn",
    "en": "eng_Latn",
}


class EngineError(EvidenceError):
    """The engine is missing, misconfigured or failed."""


@runtime_checkable
class TranslationEngine(Protocol):
    name: str
    remote: bool

    def translate(self, segments: list[str], source: str, target: str) -> list[str]:
        """One translation per segment, in order."""
        ...


class LocalModelEngine:
    """An offline model in a folder the user provides (see the module docstring)."""

    remote = False

    def __init__(self, model_dir: Path, timeout_s: int = 600) -> None:
        self.model_dir = Path(model_dir).expanduser()
        self.timeout_s = timeout_s
        self.manifest = self._read_manifest()
        self.name = f"local model {self.manifest.get('name', self.model_dir.name)}"

    def _read_manifest(self) -> dict[str, Any]:
        path = self.model_dir / MANIFEST
        if not path.is_file():
            raise EngineError(
                f"{self.model_dir} has no {MANIFEST}",
                "see docs/evidence.md, 'Machine drafts', for what the model folder must hold",
            )
        try:
            manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise EngineError(f"{path} is not valid JSON ({exc})", "fix the manifest") from None
        if manifest.get("backend") not in ("command", "ctranslate2"):
            raise EngineError(
                f"{path}: backend must be 'command' or 'ctranslate2', "
                f"not {manifest.get('backend')!r}"
            )
        return manifest

    def supports(self, source: str, target: str) -> bool:
        pairs = self.manifest.get("pairs")
        return pairs is None or [source, target] in pairs

    def translate(self, segments: list[str], source: str, target: str) -> list[str]:
        if not self.supports(source, target):
            raise EngineError(
                f"the model in {self.model_dir} does not translate {source}→{target}",
                f"its manifest lists {self.manifest.get('pairs')}",
            )
        if not segments:
            return []
        if self.manifest["backend"] == "command":
            return self._run_command(segments, source, target)
        return self._run_ctranslate2(segments, source, target)

    def _run_command(self, segments: list[str], source: str, target: str) -> list[str]:
        args = [a.format(source=source, target=target) for a in self.manifest.get("command", [])]
        if not args:
            raise EngineError(f"{self.model_dir / MANIFEST} has no 'command'")
        program = self.model_dir / args[0]
        if program.is_file():
            args[0] = str(program)
        lines = "".join(" ".join(s.split()) + "\n" for s in segments)
        try:
            result = subprocess.run(
                args,
                input=lines.encode("utf-8"),
                capture_output=True,
                cwd=self.model_dir,
                timeout=self.timeout_s,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise EngineError(f"the model's decoder could not run ({exc})") from None
        if result.returncode != 0:
            tail = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [
                "no message"
            ]
            raise EngineError(f"the model's decoder failed: {tail[0]}")
        out = result.stdout.decode("utf-8", "replace").splitlines()
        if len(out) != len(segments):
            raise EngineError(
                f"the model's decoder returned {len(out)} lines for {len(segments)} segments",
                "it must print exactly one line per input line",
            )
        return out

    def _run_ctranslate2(self, segments: list[str], source: str, target: str) -> list[str]:
        try:
            import ctranslate2  # type: ignore[import-not-found]
            import sentencepiece
        except ImportError:
            raise EngineError(
                "the ctranslate2 backend needs the ctranslate2 and sentencepiece packages",
                "install them: uv pip install ctranslate2 sentencepiece",
            ) from None
        sp_source = sentencepiece.SentencePieceProcessor(
            model_file=str(self.model_dir / self.manifest.get("source_spm", "source.spm"))
        )
        sp_target = sentencepiece.SentencePieceProcessor(
            model_file=str(self.model_dir / self.manifest.get("target_spm", "target.spm"))
        )
        translator = ctranslate2.Translator(str(self.model_dir), device="cpu")
        nllb = self.manifest.get("style") == "nllb"
        batch = [sp_source.encode(s, out_type=str) for s in segments]
        prefix = None
        if nllb:
            batch = [[NLLB_CODES[source], *tokens, "</s>"] for tokens in batch]
            prefix = [[NLLB_CODES[target]]] * len(batch)
        results = translator.translate_batch(batch, target_prefix=prefix, beam_size=4)
        out = []
        for result in results:
            tokens = [t for t in result.hypotheses[0] if t not in NLLB_CODES.values()]
            out.append(sp_target.decode(tokens))
        return out


class LibreTranslateEngine:
    """A LibreTranslate-compatible service (``POST /translate``). Remote: off unless enabled."""

    remote = True

    def __init__(self, url: str, api_key: str | None = None, timeout_s: int = 60) -> None:
        self.url = url.rstrip("/")
        self.api_key = api_key
        self.timeout_s = timeout_s
        self.name = f"LibreTranslate at {self.url}"

    def translate(self, segments: list[str], source: str, target: str) -> list[str]:
        out = []
        for segment in segments:
            body: dict[str, Any] = {
                "q": segment,
                "source": source,
                "target": target,
                "format": "text",
            }
            if self.api_key:
                body["api_key"] = self.api_key
            request = urllib.request.Request(
                f"{self.url}/translate",
                data=json.dumps(body).encode("utf-8"),
                headers={"Content-Type": "application/json"},
                method="POST",
            )
            try:
                with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                    reply = json.loads(response.read().decode("utf-8"))
            except (OSError, ValueError) as exc:
                raise EngineError(f"the translation service at {self.url} failed ({exc})") from None
            out.append(str(reply.get("translatedText", "")))
        return out


def load_engine(
    spec: str, *, allow_remote: bool = False, warn: Callable[[str], None] | None = None
) -> TranslationEngine:
    """``local:/path``, ``libretranslate:https://host`` or a plugin's ``name:argument``."""
    kind, _, argument = spec.partition(":")
    engine: TranslationEngine
    if kind == "local":
        engine = LocalModelEngine(Path(argument))
    elif kind == "libretranslate":
        engine = LibreTranslateEngine(argument)
    else:
        engine = _plugin_engine(kind, argument)
    if engine.remote:
        if not allow_remote:
            raise EngineError(
                f"{engine.name} is a remote service, and remote translation is off",
                "turn it on only if the applicant agrees that the text may leave this machine: "
                "pass --allow-remote (or set PRYTULAK_ALLOW_REMOTE_TRANSLATION=1)",
            )
        if warn:
            warn(REMOTE_WARNING.format(where=engine.name))
    return engine


def _plugin_engine(kind: str, argument: str) -> TranslationEngine:
    for point in entry_points(group="prytulak.translation_engines"):
        if point.name == kind:
            engine = point.load()(argument)
            if not isinstance(engine, TranslationEngine):
                raise EngineError(f"the plugin engine {kind!r} does not implement translate()")
            return engine
    raise EngineError(
        f"unknown translation engine {kind!r}",
        "use local:/path/to/model, libretranslate:URL, or install a plugin that provides it",
    )
