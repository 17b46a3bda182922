"""A corpus of bad and awkward inputs, made here in tmp_path: no crash, one record per input, clear reasons."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import cli.main
from extract.model import Article, Entity, Token
from extract.pipeline import analyze
from extract.serialize import to_record

SENTENCE = 'قال وزير الخارجية إن "الحكومة ستعمل على حل المشكلة" في أقرب وقت ممكن.'
SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


class NoNer:
    name = "none"

    def __call__(self, text: str, tokens: Sequence[Token]) -> tuple[Entity, ...]:
        return ()


class EveryOtherWordNer(NoNer):
    """Tags every other token, so that entity offsets are exercised too."""

    def __call__(self, text: str, tokens: Sequence[Token]) -> tuple[Entity, ...]:
        return tuple(Entity(t.start, t.end, t.text, "PERS", self.name) for t in tokens[::2])


@pytest.fixture
def no_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.main, "load_ner", lambda choice: NoNer())


def _bad_corpus(root: Path) -> dict[str, str | None]:
    """Write the corpus; returns file name -> the expected error (None: a normal record)."""
    root.mkdir()
    expected: dict[str, str | None] = {}

    def put(name: str, data: bytes, error: str | None) -> None:
        (root / name).write_bytes(data)
        expected[name] = error

    put("01_binary.txt", os.urandom(4096) + b"\x00\x01", "binary file (contains NUL bytes)")
    put("02_empty.txt", b"", "empty file")
    put("03_blank.txt", b"  \n\t\n", "empty file")
    with open(root / "04_huge.txt", "wb") as out:
        out.truncate(50_000_000)  # sparse, so instant; refused by size before any read
    expected["04_huge.txt"] = "file too large (50000000 bytes; the limit is --max-bytes 20000000)"
    put("05_no_arabic.txt", b"The minister said the talks would resume on Monday.\n", None)
    put("06_unbalanced.txt", "قال الوزير «إن المفاوضات ستستأنف يوم الاثنين.\nوأضاف: \"لا تعليق".encode(), None)
    put("07_cp1256.txt", SENTENCE.encode("cp1256"), None)
    put("08_iso8859_6.txt", SENTENCE.encode("iso8859_6"), None)
    put("09_utf16.txt", SENTENCE.encode("utf-16"), None)
    put("10_utf8_bom.txt", SENTENCE.encode("utf-8-sig"), None)
    put("11_page.html", f"<html><head><title>خبر</title></head><body><p>{SENTENCE}</p></body></html>".encode(), None)
    put("12_high_bytes.txt", bytes(range(0x80, 0x100)) * 40,
        "undecodable: not UTF-8 and no known encoding fits; pass --encoding")
    (root / "13_dangling.txt").symlink_to(root / "nowhere.txt")
    expected["13_dangling.txt"] = "dangling symbolic link"
    os.mkfifo(root / "14_fifo.txt")
    expected["14_fifo.txt"] = "not a regular file (FIFO, socket or device); skipped"
    feed = [json.dumps({"id": "n1", "text": SENTENCE}, ensure_ascii=False), "{not json", json.dumps({"id": "n3"}),
            json.dumps({"id": "n4", "text": ["list"]})]
    put("15_feed.jsonl", ("\n".join(feed) + "\n").encode(), None)
    return expected


def _run(*args: str, input: bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli.main.app, ["extract", *args], input=input)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_corpus(tmp_path: Path, no_ner: None, jobs: str) -> None:
    root = tmp_path / "bad"
    expected = _bad_corpus(root)
    result = _run(str(root), "-f", "jsonl", "--jobs", jobs)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    feed = str(root / "15_feed.jsonl")
    wanted = {**{str(root / name): error for name, error in expected.items() if name != "15_feed.jsonl"},
              f"{feed}:1": None, f"{feed}:2": "invalid JSON: Expecting property name enclosed in double quotes "
              "(column 2)", f"{feed}:3": "no 'text' field (choose one with --text-key)",
              f"{feed}:4": "'text' is an array, not a string"}
    assert [r["source"] for r in records] == sorted(wanted)  # one record per input, in order
    assert {r["source"]: r.get("error") for r in records} == wanted
    failures = [f"aqwal: {source}: {error}" for source, error in sorted(wanted.items()) if error]
    lines = result.stderr.splitlines()
    assert lines[:-1] == failures
    assert lines[-1].startswith(f"aqwal: {len(wanted)} articles, ") and f", {len(failures)} failed in " in lines[-1]
    by_source = {r["source"]: r for r in records}
    for name in ("07_cp1256.txt", "08_iso8859_6.txt", "09_utf16.txt", "10_utf8_bom.txt"):
        [quote] = by_source[str(root / name)]["quotes"]
        assert quote["speaker"]["canonical"] == "وزير الخارجية"
    page = by_source[str(root / "11_page.html")]
    assert page["text"].startswith("خبر\n")  # HTML records always carry the text their offsets refer to
    for quote in page["quotes"]:
        assert page["text"][quote["start"]:quote["end"]] == quote["text"]
    assert by_source[f"{feed}:1"]["id"] == "n1"


def test_size_cap_option(tmp_path: Path, no_ner: None) -> None:
    path = tmp_path / "a.txt"
    path.write_text(SENTENCE * 10, encoding="utf-8")
    result = _run(str(path), "-f", "jsonl", "--max-bytes", "100")
    assert result.exit_code == 1
    assert "file too large" in json.loads(result.stdout)["error"]


def test_forced_and_unknown_encoding(tmp_path: Path, no_ner: None) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(SENTENCE.encode("cp1256"))
    result = _run(str(path), "-f", "jsonl", "--encoding", "windows-1256", "--text")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["text"] == SENTENCE
    result = _run(str(path), "-f", "jsonl", "--encoding", "utf-8")
    assert result.exit_code == 1 and "cannot decode as utf-8" in result.stderr
    result = _run(str(path), "--encoding", "klingon")
    assert result.exit_code == 2 and "unknown encoding 'klingon'" in result.stderr


def test_stdin_jsonl_and_text(no_ner: None) -> None:
    feed = "\n".join(json.dumps({"doc": f"d{n}", "body": SENTENCE}, ensure_ascii=False) for n in range(3)) + "\n"
    result = _run("-f", "jsonl", "--text-key", "body", "--id-key", "doc", input=feed.encode())
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["source"], r["id"]) for r in records] == [("<stdin>:1", "d0"), ("<stdin>:2", "d1"), ("<stdin>:3", "d2")]
    result = _run("-", "-f", "jsonl", input=SENTENCE.encode("utf-16"))
    assert result.exit_code == 0 and json.loads(result.stdout)["source"] == "<stdin>"


def test_csv_keeps_failures(tmp_path: Path, no_ner: None) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text(SENTENCE, encoding="utf-8")
    result = _run(str(tmp_path), "-f", "csv")
    assert result.exit_code == 1
    rows = result.stdout.splitlines()
    assert rows[1].endswith(",empty file") and len(rows) == 3


# --------------------------------------------------------------------------- any text whatever

_ARABICISH = st.text(
    alphabet=st.sampled_from(list("قال الوزير إن «» \"\" ' : ، . ؟ ! \n\r\t\u200f\u064e ـ أبو محمد 123 abc")
                             + ["\u2028", "\ufeff", "\x00", "😀", "ﷺ"]),
    max_size=300,
)


def _lexicon_words() -> list[str]:
    """Every Arabic word of the shipped lexicons (cues, titles, heads, nationalities …): the words the
    rules act on, so that random sequences of them reach the rules' edge cases."""
    from importlib import resources

    words: set[str] = set()
    for entry in resources.files("extract").joinpath("data").iterdir():
        if entry.name.startswith("ner-") or not entry.name.endswith((".txt", ".tsv")):
            continue
        for line in entry.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                words.update(w for w in line.replace("\t", " ").replace("/", " ").split()
                             if any("\u0600" <= ch <= "\u06ff" for ch in w))
    return sorted(words)


_LEXICON_TEXT = st.lists(st.sampled_from(_lexicon_words() + list("«»:،.\"'()-؟")), max_size=25).map(" ".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_ARABICISH, st.text(max_size=200), _LEXICON_TEXT))
def test_any_text_yields_valid_offsets(text: str) -> None:
    analysis = analyze(Article("h", text), ner=EveryOtherWordNer())
    record = to_record(analysis)
    json.dumps(record)
    for q in analysis.quotes:
        assert text[q.content.start:q.content.end] == q.content.text
        if q.cue is not None:
            assert text[q.cue.start:q.cue.end] == q.cue.text
        if q.mention is not None:
            assert text[q.mention.start:q.mention.end] == q.mention.text
    for e in analysis.entities:
        assert text[e.start:e.end] == e.text
    for s in analysis.speakers:
        for m in s.mentions:
            assert text[m.start:m.end] == m.text


# --------------------------------------------------------------------------- with the shipped model


def _model_present() -> bool:
    from extract.ner.crf import DATA_DIR, MODEL_FILE

    return (DATA_DIR / MODEL_FILE).is_file()


@pytest.mark.skipif(not _model_present(), reason="the built-in NER model (extract/data/ner-crf.npz) is not built yet")
def test_end_to_end_with_the_default_backend(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in SEEDS:
        (folder / path.name).write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    (folder / "zz_empty.txt").write_bytes(b"")
    one = _run(str(folder), "-f", "jsonl")
    two = _run(str(folder), "-f", "jsonl", "-j", "2")
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    records = [json.loads(line) for line in one.stdout.splitlines()]
    assert len(records) == len(SEEDS) + 1
    assert sum(len(r["entities"]) for r in records) > 0
