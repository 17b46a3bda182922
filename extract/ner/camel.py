"""camel-tools' AraBERT NER model as an aqwal backend; torch and camel_tools.ner load only when it is asked for."""

from __future__ import annotations

import atexit
import importlib.util
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from ..errors import BackendError, BackendUnavailable
from ..model import Entity, Token
from .bio import entity_type, tags_to_entities
from .features import text_sentence_ranges

MODEL_ENV = "AQWAL_CAMEL_NER_MODEL"
CAMEL_DATA_ENV = "CAMELTOOLS_DATA"
PACKAGE = "ner-arabert"
# Where `camel_data -i ner-arabert` unpacks the model: "data/" + the package's destination in camel-tools'
# catalogue-1.6.json (the NamedEntityRecognition component's "arabert" dataset has the same path).
DATASET_PATH = ("data", "ner", "arabert")
CATALOGUE_FILE = "catalogue.json"
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")

MAX_WORDS = 200  # words per predict() input: camel-tools truncates nothing, but long inputs cost quadratic attention
BATCH_SIZE = 32  # sentences per predict() call, which bounds memory on long articles

_FALLBACK = "use a shipped offline backend (`--ner neural`, the default, or `--ner builtin`)"


def camel_data_dir() -> Path:
    """camel-tools' data directory, computed as ``camel_tools.data.catalogue`` does (without importing it)."""
    configured = os.environ.get(CAMEL_DATA_ENV)
    if configured is not None:
        return Path(configured).expanduser().absolute()
    if sys.platform == "win32":
        return Path.home() / "AppData" / "Roaming" / "camel_tools"
    return Path.home() / ".camel_tools"


def default_model_dir() -> Path:
    return camel_data_dir().joinpath(*DATASET_PATH)


def _env_model_dir() -> Path | None:
    value = os.environ.get(MODEL_ENV, "").strip()
    return Path(value).expanduser() if value else None


def camel_model_path() -> Path | None:
    """The installed model's directory, or None: ``$AQWAL_CAMEL_NER_MODEL`` if set, else camel-tools' install dir.

    A set variable is never second-guessed: if it names no model, the answer is None rather than the default.
    This only looks at the file system (``config.json`` present), so it is cheap enough for ``--ner auto``.
    """
    path = _env_model_dir() or default_model_dir()
    return path if (path / "config.json").is_file() else None


def _describe(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    first = lines[0] if lines else ""
    if len(first) > 200:
        first = first[:197] + "..."
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def _missing_model_message() -> str:
    env_dir = _env_model_dir()
    if env_dir is not None:
        return (f"camel-tools NER model not found: {MODEL_ENV}={env_dir} has no config.json; point it at a BERT "
                f"token-classification model directory, or unset it and run `camel_data -i {PACKAGE}`, or {_FALLBACK}")
    return (f"camel-tools NER model not installed (looked in {default_model_dir()}); "
            f"run `camel_data -i {PACKAGE}` or {_FALLBACK}")


def _reinstall_hint() -> str:
    if _env_model_dir() is not None:
        return f"check the model directory in {MODEL_ENV}, or unset it, or {_FALLBACK}"
    return f"reinstall it with `camel_data -i -f {PACKAGE}` or {_FALLBACK}"


def _check_model_files(path: Path) -> None:
    """Name the missing file ourselves: transformers' OSError for it is long and mentions the Hub."""
    missing = [] if any((path / w).is_file() for w in WEIGHT_FILES) else [" or ".join(WEIGHT_FILES)]
    if not (path / "vocab.txt").is_file():
        missing.append("vocab.txt")
    if missing:
        raise BackendUnavailable(f"camel-tools NER model at {path} is incomplete (missing {', '.join(missing)}); "
                                 f"{_reinstall_hint()}")


def _check_requirements() -> None:
    """Say which package is missing before paying for a multi-second torch import."""
    for module, fix in (("camel_tools", "pip install camel-tools"),
                        ("torch", "pip install torch --index-url https://download.pytorch.org/whl/cpu"),
                        ("transformers", "pip install transformers")):
        if importlib.util.find_spec(module) is None:
            raise BackendUnavailable(f"camel-tools NER needs the {module} package, which is not installed; "
                                     f"run `{fix}` or {_FALLBACK}")


# Importing camel_tools.ner imports camel_tools.data, whose __init__ loads the data catalogue and, when the
# catalogue file is absent, downloads it: offline that raises DownloaderError (after a network attempt), online it
# is a surprise download. The catalogue only serves NERecognizer.pretrained() and `camel_data`; loading a model from
# a directory never reads it. So when the catalogue is absent we give this process a throwaway data dir holding a
# catalogue that lists only the NER component, and load the model by path with camel's own NERecognizer. We do not
# write a stub into the user's real data dir: camel-tools downloads the catalogue only when the file is absent, so a
# stub there would shadow the real one and break `camel_data -i` later. The env var is restored after the import;
# only camel_tools.data.CT_DATA_DIR in this process points at the throwaway dir (aqwal uses no other camel data).
_STUB_CATALOGUE: dict[str, Any] = {
    "version": "aqwal-offline",
    "packages": {},
    "components": {
        "NamedEntityRecognition": {"default": "arabert", "datasets": {"arabert": {"path": "/".join(DATASET_PATH[1:])}}},
    },
}


def _stub_data_dir() -> Path:
    path = Path(tempfile.mkdtemp(prefix="aqwal-camel-"))
    atexit.register(shutil.rmtree, path, True)
    (path / CATALOGUE_FILE).write_text(json.dumps(_STUB_CATALOGUE), encoding="utf-8")
    return path


@contextmanager
def _camel_data_env(path: Path) -> Iterator[None]:
    previous = os.environ.get(CAMEL_DATA_ENV)
    os.environ[CAMEL_DATA_ENV] = str(path)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(CAMEL_DATA_ENV, None)
        else:
            os.environ[CAMEL_DATA_ENV] = previous


def _import_camel_ner() -> ModuleType:
    """``camel_tools.ner``, imported without letting camel-tools reach for the network."""
    if "camel_tools.ner" in sys.modules:
        return sys.modules["camel_tools.ner"]
    _check_requirements()
    try:
        if (camel_data_dir() / CATALOGUE_FILE).is_file():
            import camel_tools.ner as camel_ner
        else:
            stub = _stub_data_dir()
            # A failed earlier import can leave camel_tools.data.catalogue loaded with its data dir fixed.
            stale = sys.modules.get("camel_tools.data.catalogue")
            if stale is not None:
                stale.CT_DATA_DIR = stub  # type: ignore[attr-defined]
                stale.CT_VERSIONS_PATH = stub / "versions.json"  # type: ignore[attr-defined]
            with _camel_data_env(stub):
                import camel_tools.ner as camel_ner
    except ImportError as exc:
        raise BackendUnavailable(f"camel-tools NER could not be imported ({_describe(exc)}); "
                                 f"reinstall camel-tools, torch and transformers, or {_FALLBACK}") from exc
    except Exception as exc:  # DownloaderError, CatalogueError, a corrupt catalogue file
        raise BackendUnavailable(f"camel-tools data catalogue could not be loaded ({_describe(exc)}); "
                                 f"run `camel_data -i {PACKAGE}` (it needs the internet) or {_FALLBACK}") from exc
    return camel_ner


class CamelNer:
    """Tags a text sentence by sentence with a camel-tools ``NERecognizer`` (BIO labels, first word piece)."""

    name = "camel"

    def __init__(self, recognizer: Any, model_dir: Path | None = None, *, max_words: int = MAX_WORDS,
                 batch_size: int = BATCH_SIZE) -> None:
        self.recognizer = recognizer
        self.model_dir = model_dir
        self.max_words = max(1, max_words)
        self.batch_size = max(1, batch_size)

    def chunks(self, text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
        """Token ranges to tag: sentences (as the built-in backend splits them), long ones cut every max_words."""
        out: list[tuple[int, int]] = []
        for start, end in text_sentence_ranges(text, tokens):
            out.extend((i, min(i + self.max_words, end)) for i in range(start, end, self.max_words))
        return out

    def _align(self, words: list[str], labels: list[str]) -> list[str]:
        """One label per word: camel-tools skips words that BERT tokenizes to nothing (e.g. a lone RLM or BOM mark)."""
        if len(labels) == len(words):
            return labels
        kept = [bool(self.recognizer.tokenizer.tokenize(w)) for w in words]
        if sum(kept) != len(labels):
            raise BackendError(f"camel-tools NER returned {len(labels)} labels for {len(words)} words")
        found = iter(labels)
        return [next(found) if keep else "O" for keep in kept]

    def __call__(self, text: str, tokens: Sequence[Token]) -> tuple[Entity, ...]:
        if not tokens:
            return ()
        ranges = self.chunks(text, tokens)
        entities: list[Entity] = []
        try:
            for b in range(0, len(ranges), self.batch_size):
                batch = ranges[b:b + self.batch_size]
                sentences = [[t.text for t in tokens[start:end]] for start, end in batch]
                predicted = self.recognizer.predict(sentences, batch_size=self.batch_size)
                if len(predicted) != len(sentences):
                    raise BackendError(f"camel-tools NER returned {len(predicted)} sentences for {len(sentences)}")
                for (start, end), words, labels in zip(batch, sentences, predicted):
                    # Decode each sentence on its own so that no entity runs across a sentence boundary.
                    entities.extend(tags_to_entities(text, tokens[start:end], self._align(words, list(labels)),
                                                     self.name))
        except BackendError:
            raise
        except Exception as exc:
            raise BackendError(f"camel-tools NER failed while tagging ({_describe(exc)})") from exc
        return tuple(entities)


def load_camel() -> CamelNer:
    """camel-tools' NER model from ``$AQWAL_CAMEL_NER_MODEL`` or its install dir, on the CPU.

    The default install dir is the very directory ``NERecognizer.pretrained()`` resolves through camel's catalogue;
    we load it by path so that what ``--ner auto`` probed is what gets loaded, catalogue or not.

    Raises:
        BackendUnavailable: camel-tools, torch or the model is missing or unreadable (one line: what and the fix).
    """
    path = camel_model_path()
    if path is None:
        raise BackendUnavailable(_missing_model_message())
    _check_model_files(path)
    camel_ner = _import_camel_ner()
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # a "Loading weights" bar on stderr would garble the CLI's output
        recognizer = camel_ner.NERecognizer(str(path), use_gpu=False)
    except Exception as exc:  # OSError / ValueError from transformers on a broken model dir
        raise BackendUnavailable(f"camel-tools NER model at {path} could not be loaded ({_describe(exc)}); "
                                 f"{_reinstall_hint()}") from exc
    labels = [str(label) for label in recognizer.labels_map.values()]
    if not any(label[:2] in ("B-", "I-") and entity_type(label[2:]) for label in labels):
        raise BackendUnavailable(f"the model at {path} has no BIO entity labels (it has {', '.join(labels[:6])}); "
                                 f"point {MODEL_ENV} at an NER model, or unset it, or {_FALLBACK}")
    return CamelNer(recognizer, path)


__all__ = ["CamelNer", "camel_data_dir", "camel_model_path", "default_model_dir", "load_camel"]
