"""``aqwal speakers`` and the ``--speaker`` filter on the seed articles (robust facts only: the quote rules evolve)."""

from __future__ import annotations

import io
import json
from itertools import combinations
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import cli.main
from cli.output import JsonLinesWriter
from cli.speakers_cmd import speaker_writer, speakers_command
from extract.canon import speaker_matches
from extract.io import read_articles
from extract.model import Entity, Speaker
from extract.names import name_keys, same_name, same_name_word
from extract.pipeline import analyze

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed articles not found: {SEEDS}")


class NoNer:
    """No entities: the seeds' speakers then come from the quote rules alone, whatever model is installed."""

    name = "none"

    def __call__(self, text: str, tokens: object) -> tuple[Entity, ...]:
        return ()


@pytest.fixture(autouse=True)
def _no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.main, "load_ner", lambda choice: NoNer())


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """Test app."""

    app.command("speakers")(speakers_command)
    return app


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    result = CliRunner().invoke(_app(), ["speakers", str(SEEDS), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def _same_surname(name: str, surname: str) -> bool:
    keys = name_keys(name)
    return bool(keys) and same_name_word(keys[-1], name_keys(surname)[-1])


def _rows_with_surname(rows: list[dict], surname: str) -> list[dict]:
    return [r for r in rows if r["type"] == "PERS" and any(_same_surname(s, surname) for s in r["spellings"])]


def test_lavrov_once_with_both_spellings(rows: list[dict]) -> None:
    (lavrov,) = _rows_with_surname(rows, "لافروف")
    assert lavrov["latin"] == "Sergey Lavrov"
    assert {"سيرجي لافروف", "سيرغي لافروف"} <= set(lavrov["spellings"])
    assert lavrov["n_quotes"] == len(lavrov["quotes"]) and lavrov["n_articles"] >= 2


def test_de_mistura_and_kerry_once(rows: list[dict]) -> None:
    assert len(_rows_with_surname(rows, "دي ميستورا")) == 1
    (kerry,) = _rows_with_surname(rows, "كيري")
    assert kerry["latin"] == "John Kerry"


def test_no_two_people_merged(rows: list[dict]) -> None:
    for r in rows:
        full = [name_keys(s) for s in r["spellings"] if len(name_keys(s)) >= 2]
        for a, b in combinations(full, 2):
            assert same_name(a, b), (r["name"], r["spellings"])


def test_sorted_by_quotes_and_quote_fields(rows: list[dict]) -> None:
    counts = [r["n_quotes"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    q = rows[0]["quotes"][0]
    assert set(q) >= {"text", "source", "cue", "kind"}


def test_table_and_json_formats() -> None:
    table = CliRunner().invoke(_app(), ["speakers", str(SEEDS), "--format", "table"])
    assert table.exit_code == 0 and "Lavrov" in table.stdout
    as_json = CliRunner().invoke(_app(), ["speakers", str(SEEDS), "--format", "json"])
    assert as_json.exit_code == 0 and isinstance(json.loads(as_json.stdout), list)


def test_bad_input_is_reported_and_table_still_printed(tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(), ["speakers", str(SEEDS), str(tmp_path / "missing.txt"), "-f", "jsonl"])
    assert result.exit_code == 1
    assert "aqwal: " in result.output and "missing.txt" in result.output
    assert any(json.loads(line)["latin"] == "Sergey Lavrov" for line in result.stdout.splitlines()
               if line.startswith("{"))


def _filtered(queries: list[str]) -> list[dict]:
    out = io.StringIO()
    writer = speaker_writer(JsonLinesWriter(out), queries)
    for item in read_articles([str(SEEDS)]):
        writer.write(analyze(item, ner=NoNer()))
    writer.close()
    return [json.loads(line) for line in out.getvalue().splitlines()]


def _as_speaker(record: dict) -> Speaker:
    return Speaker(record["canonical"], record["type"], tuple(record["forms"]), latin=record["latin"] or "")


@pytest.mark.parametrize("query, surname", [
    ("Lavrov", "لافروف"), ("لافروف", "لافروف"), ("سيرغي لافروف", "لافروف"),
    ("Kerry", "كيري"), ("كيري", "كيري"), ("de Mistura", "دي ميستورا"), ("دي ميستورا", "دي ميستورا"),
])
def test_speaker_filter_keeps_only_that_speaker(query: str, surname: str) -> None:
    records = _filtered([query])
    assert len(records) == len(list(SEEDS.glob("*.txt")))  # one record per article, quotes filtered
    quotes = [q for r in records for q in r["quotes"]]
    assert quotes
    for q in quotes:
        assert q["speaker"]["id"]
        assert _same_surname(q["speaker"]["canonical"], surname)
    everything = [q for r in _filtered([]) for q in r["quotes"]]
    expected = [q for q in everything if speaker_matches(_as_speaker(q["speaker"]), query)] if everything else []
    assert len(quotes) == len(expected)


def test_extract_speaker_option_keeps_only_that_speaker() -> None:
    result = CliRunner().invoke(cli.main.app, ["extract", str(SEEDS), "--speaker", "Lavrov", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    quotes = [q for r in records for q in r["quotes"]]
    assert quotes and all(q["speaker"]["latin"] == "Sergey Lavrov" for q in quotes)
