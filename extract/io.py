"""Reading inputs: files, directories (recursive, sorted) and standard input, as Articles.

A bad input never stops the others: it is yielded as an InputFailure naming the input and the reason.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .model import Article

TEXT_SUFFIXES = frozenset({".txt", ".text", ""})


@dataclass(frozen=True, slots=True)
class InputFailure:
    """An input that could not be turned into an article."""

    source: str
    reason: str


def decode(data: bytes, source: str) -> str | InputFailure:
    """UTF-8 with or without BOM."""
    if b"\x00" in data[:4096]:
        return InputFailure(source, "binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return InputFailure(source, f"not UTF-8 (byte {err.start}); pass --encoding")


def _walk(directory: Path) -> Iterator[Path | InputFailure]:
    def on_error(err: OSError) -> None:
        failures.append(InputFailure(str(err.filename), err.strerror or str(err)))

    failures: list[InputFailure] = []
    found: list[Path] = []
    for root, dirs, files in os.walk(directory, onerror=on_error):
        dirs.sort()
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and Path(name).suffix.lower() in TEXT_SUFFIXES:
                found.append(Path(root) / name)
    yield from sorted(found)
    yield from failures


def read_articles(paths: Iterable[str]) -> Iterator[Article | InputFailure]:
    """Articles from paths as given: a file is one article, a directory every text file under it, ``-`` stdin."""
    for given in paths:
        if given == "-":
            result = decode(sys.stdin.buffer.read(), "<stdin>")
            yield result if isinstance(result, InputFailure) else Article("<stdin>", result)
            continue
        path = Path(given)
        if path.is_dir():
            for item in _walk(path):
                yield item if isinstance(item, InputFailure) else _read_file(item, str(item))
        else:
            yield _read_file(path, given)


def _read_file(path: Path, source: str) -> Article | InputFailure:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return InputFailure(source, "no such file")
    except IsADirectoryError:
        return InputFailure(source, "is a directory")
    except PermissionError:
        return InputFailure(source, "permission denied")
    except OSError as err:
        return InputFailure(source, err.strerror or str(err))
    text = decode(data, source)
    return text if isinstance(text, InputFailure) else Article(source, text)
