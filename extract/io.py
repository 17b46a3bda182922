"""Reading inputs lazily as Articles: text in any common encoding, HTML pages, JSON Lines, directories, stdin.

A bad input never stops the others: it is yielded as an InputFailure naming the input and the reason,
in the place its article would have had, so that outputs stay one to one with inputs.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from .model import Article

InputFormat = Literal["auto", "text", "html", "jsonl"]

TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"})
DEFAULT_MAX_BYTES = 20_000_000
STDIN = "<stdin>"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HTML_START = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u00ff]")
# Signs that a single-byte Arabic text was decoded with the wrong table: Latin accented letters (an
# ISO-8859-6 و ي ه read as Windows-1256 are è ê ç) and tanween (a Windows-1256 ي read as ISO-8859-6 is ٍ).
_WRONG_TABLE = re.compile("[\u00c0-\u00ff\u064b-\u064d]")
_DEFINITE = re.compile(r"(?:^|\s)[وفبلك]?ال")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class InputFailure:
    """An input that could not be turned into an article."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read. ``encoding`` forces one codec for text, HTML and JSON Lines alike."""

    encoding: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    text_key: str = "text"
    id_key: str = "id"
    title_key: str = "title"
    input_format: InputFormat = "auto"


# --------------------------------------------------------------------------- decoding


def decode(data: bytes, source: str, encoding: str | None = None) -> str | InputFailure:
    """Bytes to text: the forced encoding, else a BOM, strict UTF-8, UTF-16 without BOM, Arabic code pages."""
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as err:
            return InputFailure(source, f"cannot decode as {encoding} (byte {err.start})")
        return text.removeprefix("\ufeff")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).removeprefix("\ufeff")
            except UnicodeDecodeError as err:
                return InputFailure(source, f"invalid {codec} after its byte order mark (byte {err.start})")
    utf8: str | None
    try:  # the fast path: nearly everything is UTF-8
        utf8 = data.decode("utf-8")
    except UnicodeDecodeError:
        utf8 = None
    if utf8 is not None and not _looks_binary(utf8):
        return utf8
    if b"\x00" in data or utf8 is not None:  # Arabic UTF-16 without a BOM is valid UTF-8 full of controls
        text16 = _utf16_without_bom(data)
        if text16 is not None:
            return text16
        if b"\x00" in data:
            return InputFailure(source, "binary file (contains NUL bytes)")
        return InputFailure(source, "binary file (control characters)")
    text = _single_byte_arabic(data)
    if text is None:
        text = _guess(data)
    if text is None or _looks_binary(text):
        return InputFailure(source, "undecodable: not UTF-8 and no known encoding fits; pass --encoding")
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    return bool(sample) and len(_CONTROL.findall(sample)) > max(2, len(sample) // 100)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 LE or BE without a BOM, recognised by Arabic letters in the decoded text."""
    if len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not _looks_binary(text) and _arabic_share(text) >= 0.5:
            return text
    return None


def _arabic_share(text: str) -> float:
    sample = text[:65536]
    arabic = len(_ARABIC_LETTER.findall(sample))
    latin = len(_LATIN_LETTER.findall(sample))
    return arabic / (arabic + latin) if arabic + latin else 0.0


def _single_byte_arabic(data: bytes) -> str | None:
    """Windows-1256 or ISO-8859-6, whichever reads as Arabic; None when neither does.

    charset-normalizer often confuses the two on short texts, so they are scored directly: the
    definite article ال counts for a table, letters that only a wrong table produces count against it.
    """
    best: tuple[int, str] | None = None
    for codec in ("cp1256", "iso8859_6"):  # ties go to Windows-1256, by far the commoner
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _arabic_share(text) < 0.5:
            continue
        sample = text[:65536]
        wrong = len(_WRONG_TABLE.findall(sample))
        if wrong > len(_ARABIC_LETTER.findall(sample)) // 10:
            continue  # too many letters that Arabic text never has: not this table, maybe not Arabic
        score = len(_DEFINITE.findall(sample)) - 2 * wrong
        if best is None or score > best[0]:
            best = (score, text)
    return best[1] if best is not None else None


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    match = from_bytes(data[:1_000_000]).best()
    if match is None:
        return None
    try:
        return data.decode(match.encoding)
    except (UnicodeDecodeError, LookupError):
        return None


# --------------------------------------------------------------------------- HTML


def looks_like_html(data: bytes) -> bool:
    return _HTML_START.match(data[:4096].removeprefix(codecs.BOM_UTF8)) is not None


def html_article(data: bytes, source: str, encoding: str | None = None) -> Article | InputFailure:
    """The main text of a web page, its title as the first paragraph; the text rides along in ``meta``.

    Offsets refer to this extracted text, so the record carries it (``text``) for the reader to check.
    """
    if encoding is None and not any(data.startswith(bom) for bom, _ in _BOMS):
        declared = _META_CHARSET.search(data[:4096])
        if declared is not None:
            try:
                encoding = codecs.lookup(declared.group(1).decode("ascii")).name
            except LookupError:
                encoding = None
    page = decode(data, source, encoding)
    if isinstance(page, InputFailure) and encoding is not None:
        page = decode(data, source)  # the page lied about its charset
    if isinstance(page, InputFailure):
        return page
    title, body = extract_html(page)
    if not body.strip():
        return InputFailure(source, "no main text found in the HTML page")
    text = body
    if title and not body.lstrip().startswith(title):
        text = f"{title}\n{body}"
    meta = (("title", title), ("text", text)) if title else (("text", text),)
    return Article(source, text, meta)


def extract_html(page: str) -> tuple[str, str]:
    """``(title, main text)`` of a page with trafilatura; paragraphs are lines."""
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # it logs every page it finds thin
    doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, include_tables=False)
    if doc is None or not (doc.text or "").strip():
        doc = trafilatura.bare_extraction(page, with_metadata=True, favor_recall=True, include_comments=False)
    if doc is None:
        return "", ""
    title = " ".join((doc.title or "").split())
    return title, doc.text or ""


# --------------------------------------------------------------------------- JSON Lines


def jsonl_articles(
    stream: BinaryIO, name: str, options: ReadOptions, first: bytes = b""
) -> Iterator[Article | InputFailure]:
    """One article per line of ``stream`` (after ``first``, bytes already read); blank lines are skipped."""
    number = 0
    for raw, too_long in _lines(stream, first, options.max_bytes):
        number += 1
        source = f"{name}:{number}"
        if too_long:
            yield InputFailure(source, f"line longer than --max-bytes ({options.max_bytes} bytes)")
            continue
        if not raw.strip():
            continue
        yield _json_article(raw, source, options, first_line=number == 1)


def _lines(stream: BinaryIO, first: bytes, limit: int) -> Iterator[tuple[bytes, bool]]:
    """Lines of at most ``limit`` bytes without reading a longer one whole: ``(line, too_long)``."""
    pending = first
    while True:
        if b"\n" in pending:
            line, _, pending = pending.partition(b"\n")
            yield (b"", True) if len(line) > limit else (line, False)
            continue
        chunk = stream.readline(limit + 2 - len(pending)) if len(pending) <= limit else b""
        if chunk:
            pending += chunk
            continue
        if len(pending) > limit:  # skip to the end of this over-long line, keeping nothing
            while pending and not pending.endswith(b"\n"):
                pending = stream.readline(1 << 20)
            yield b"", True
            pending = b""
            continue
        if pending:
            yield pending, False
        return


def _json_article(raw: bytes, source: str, options: ReadOptions, *, first_line: bool) -> Article | InputFailure:
    try:
        line = raw.decode(options.encoding or ("utf-8-sig" if first_line else "utf-8"))
    except UnicodeDecodeError as err:
        return InputFailure(source, f"not {options.encoding or 'UTF-8'} (byte {err.start})")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        return InputFailure(source, f"invalid JSON: {err.msg} (column {err.colno})")
    except RecursionError:
        return InputFailure(source, "invalid JSON: nested too deeply")
    if not isinstance(obj, dict):
        return InputFailure(source, f"expected a JSON object, got {_json_type(obj)}")
    if options.text_key not in obj:
        return InputFailure(source, f"no {options.text_key!r} field (choose one with --text-key)")
    body = obj[options.text_key]
    if not isinstance(body, str):
        return InputFailure(source, f"{options.text_key!r} is {_json_type(body)}, not a string")
    title = obj.get(options.title_key)
    title = " ".join(title.split()) if isinstance(title, str) else ""
    text = f"{title}\n{body}" if title else body
    if not text.strip():
        return InputFailure(source, "empty text")
    ident = obj.get(options.id_key)
    meta = () if ident is None else (("id", ident if isinstance(ident, str) else json.dumps(ident)),)
    return Article(source, text, meta)


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null",
             int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)


# --------------------------------------------------------------------------- files and directories


def read_articles(
    paths: Iterable[str], options: ReadOptions | None = None, *, stdin: BinaryIO | None = None
) -> Iterator[Article | InputFailure]:
    """Articles from paths as given, lazily.

    A text or HTML file is one article, a ``.jsonl`` (or ``.jsonl.gz``) file one per line, a directory
    every such file under it (sorted; hidden entries skipped), and ``-`` standard input (JSON Lines when
    it starts with ``{``, HTML when it starts like a page, else one text article).
    """
    options = options or ReadOptions()
    for given in paths:
        if given == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, options)
        elif os.path.isdir(given):
            for item in _walk(Path(given)):
                if isinstance(item, InputFailure):
                    yield item
                else:
                    yield from _file_articles(item, str(item), options, True)
        else:
            yield from _file_articles(Path(given), given, options, False)


def _kind(name: str, options: ReadOptions) -> InputFormat:
    if options.input_format != "auto":
        return options.input_format
    lower = name.lower()
    if any(lower.endswith(s) for s in JSONL_SUFFIXES):
        return "jsonl"
    if Path(lower).suffix in HTML_SUFFIXES:
        return "html"
    return "text"


def wanted(name: str) -> bool:
    """Whether a directory walk reads this file name."""
    lower = name.lower()
    suffix = Path(lower).suffix
    return suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES or any(lower.endswith(s) for s in JSONL_SUFFIXES)


def _walk(directory: Path) -> Iterator[Path | InputFailure]:
    """Readable-looking files under ``directory``, one folder at a time: its files sorted, then its folders."""
    try:
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as err:
        yield InputFailure(str(directory), _os_reason(err))
        return
    folders = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                folders.append(entry.path)
                continue
            if entry.is_symlink() and entry.is_dir():
                continue  # not followed: it could loop
        except OSError:
            pass  # the read below says what is wrong
        if wanted(entry.name):
            yield Path(entry.path)
    for folder in folders:
        yield from _walk(Path(folder))


def _os_reason(err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return "no such file"
    if isinstance(err, PermissionError):
        return "permission denied"
    if isinstance(err, IsADirectoryError):
        return "is a directory"
    return err.strerror or str(err)


def _file_articles(path: Path, source: str, options: ReadOptions, walked: bool) -> Iterator[Article | InputFailure]:
    try:
        info = path.stat()
    except OSError as err:
        reason = _os_reason(err)
        if isinstance(err, FileNotFoundError) and path.is_symlink():
            reason = "dangling symbolic link"
        yield InputFailure(source, reason)
        return
    if stat.S_ISDIR(info.st_mode):
        yield InputFailure(source, "is a directory")
        return
    if not stat.S_ISREG(info.st_mode) and walked:
        # a FIFO or device found in a folder could block forever; one named on the command line is read
        yield InputFailure(source, "not a regular file (FIFO, socket or device); skipped")
        return
    kind = _kind(path.name, options)
    if kind == "jsonl":
        yield from _jsonl_file(path, source, options)
        return
    if stat.S_ISREG(info.st_mode) and info.st_size > options.max_bytes:
        limit = options.max_bytes
        yield InputFailure(source, f"file too large ({info.st_size} bytes; the limit is --max-bytes {limit})")
        return
    try:
        with open(path, "rb") as handle:
            data = handle.read(options.max_bytes + 1)
    except OSError as err:
        yield InputFailure(source, _os_reason(err))
        return
    yield _bytes_article(data, source, kind, options)


def _bytes_article(data: bytes, source: str, kind: InputFormat, options: ReadOptions) -> Article | InputFailure:
    if len(data) > options.max_bytes:
        return InputFailure(source, f"input too large (over --max-bytes {options.max_bytes})")
    if not data.strip():
        return InputFailure(source, "empty file")
    if kind == "html" or (kind in ("auto", "text") and options.input_format == "auto" and looks_like_html(data)):
        return html_article(data, source, options.encoding)
    text = decode(data, source, options.encoding)
    if isinstance(text, InputFailure):
        return text
    if not text.strip():
        return InputFailure(source, "empty file")
    return Article(source, text)


def _jsonl_file(path: Path, source: str, options: ReadOptions) -> Iterator[Article | InputFailure]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        handle = opener(path, "rb")
    except OSError as err:
        yield InputFailure(source, _os_reason(err))
        return
    with handle:
        count = 0
        try:
            for item in jsonl_articles(handle, source, options):  # type: ignore[arg-type]
                count += 1
                yield item
        except (OSError, EOFError, zlib.error) as err:  # a truncated or corrupt .gz
            yield InputFailure(source, f"read error after {count} records: {err}")
            return
    if count == 0:
        yield InputFailure(source, "empty file (no JSON lines)")


def _read_stdin(stream: BinaryIO, options: ReadOptions) -> Iterator[Article | InputFailure]:
    head = _read_head(stream)
    kind = options.input_format
    if kind == "auto" and head.lstrip().removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"{"):
        kind = "jsonl"
    if kind == "jsonl":
        yield from jsonl_articles(stream, STDIN, options, first=head)
        return
    rest = stream.read(options.max_bytes + 1 - len(head)) if len(head) <= options.max_bytes else b""
    yield _bytes_article(head + rest, STDIN, kind, options)


def _read_head(stream: BinaryIO) -> bytes:
    """The first bytes that hold more than white space, without waiting for a slow pipe to fill 64 KB."""
    read = getattr(stream, "read1", stream.read)
    head = b""
    while not head.strip():
        chunk = read(65536)
        if not chunk:
            break
        head += chunk
    return head


__all__ = [
    "DEFAULT_MAX_BYTES", "InputFailure", "ReadOptions", "decode", "extract_html", "html_article",
    "jsonl_articles", "looks_like_html", "read_articles", "wanted",
]
