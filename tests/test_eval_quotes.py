"""extract.evaluate_quotes agrees with the shared scorer; ``aqwal eval quotes`` runs and reports bad gold files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import cli.main
from cli.evalquotes_cmd import eval_quotes_command
from extract.evaluate_quotes import dice, key_records, match_quotes, normalize, read_gold, score, speaker_right

SHARED_EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"

GOLD = [
    {"article": "a.txt", "quotes": [
        {"speaker": "سيرجي لافروف", "speaker_forms": ["لافروف", "سيرغي لافروف"], "speaker_type": "PERS",
         "text": "الجيش السوري أوقف العمليات العسكرية النشطة في شرق حلب", "kind": "indirect", "cue": "قال"},
        {"speaker": "جون كيري", "speaker_forms": ["كيري"], "speaker_type": "PERS",
         "text": "الولايات المتحدة وروسيا أبعد ما تكونا عن الاتفاق", "kind": "indirect", "cue": "أكد"},
        {"speaker": "مسؤول أميركي", "speaker_forms": ["مسؤول أميركي"], "speaker_type": "UNNAMED",
         "text": "لم يحصل تقدم حول مسألة حلب", "kind": "direct", "cue": "قال"}],
     "entities": [{"text": "سيرجي لافروف", "type": "PERS"}, {"text": "حلب", "type": "LOC"},
                  {"text": "روسيا", "type": "LOC"}]},
    {"article": "b.txt", "quotes": [
        {"speaker": "ستافان دي ميستورا", "speaker_forms": ["دي ميستورا"], "speaker_type": "PERS",
         "text": "أكثر من 100 ألف مدني ربما لا يزالون يعيشون فيه", "kind": "indirect", "cue": "قال"}],
     "entities": [{"text": "دي ميستورا", "type": "PERS"}]},
    {"article": "missing.txt", "quotes": [{"speaker": "x", "speaker_forms": [], "text": "نص ما", "kind": "direct"}],
     "entities": []},
]
PRED = [
    {"source": "dir/a.txt", "quotes": [
        {"text": "إن الجيش السوري أوقف العمليات العسكرية النشطة في شرق حلب",
         "speaker": {"text": "وزير الخارجية الروسي سيرغي لافروف", "canonical": "سيرجي لافروف"}},
        {"text": "الولايات المتحدة وروسيا أبعد ما تكونا", "speaker": "وزارة الخارجية الأميركية"},
        {"text": "لم يحصل تقدم", "speaker": None},
        {"text": "كلام آخر تماما", "speaker": {"text": "كيري"}}],
     "entities": [{"text": "سيرجي لافروف", "type": "PERS"}, {"text": "حلب", "type": "GPE"},
                  {"text": "روسيا", "label": "ORG"}, {"text": "حلب", "type": "LOC"}]},
    {"source": "b.txt", "quotes": [
        {"text": "أكثر من 100 ألف مدنيّ ربما لا يزالون يعيشون فيه", "speaker": {"text": "دى ميستورا"}}],
     "entities": [{"text": "دي ميستورا", "type": "PER"}]},
]


def _write(tmp_path: Path) -> tuple[Path, Path]:
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in GOLD), encoding="utf-8")
    pred.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in PRED), encoding="utf-8")
    return gold, pred


def _shared_score(gold: Path, pred: Path) -> dict:
    scorer = SHARED_EVAL / "score.py"
    if not scorer.is_file():
        pytest.skip(f"shared scorer not found: {scorer}")
    out = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred), "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out[: out.rindex("}") + 1])


def test_pieces() -> None:
    assert normalize("إنّ «الجيش» السوريّة") == ["ان", "الجيش", "السوريه"]
    assert dice(["a", "b"], ["a", "c"]) == 0.5
    assert match_quotes(["a b c", "d e"], ["d e", "a b x y"]) == [(1, 0), (0, 1)]
    assert speaker_right({"text": "قال دى ميستورا"}, {"speaker": "ستافان دي ميستورا", "speaker_forms": ["دي ميستورا"]})


def test_synthetic_scores(tmp_path: Path) -> None:
    gold, _ = _write(tmp_path)
    result = score(read_gold(gold), key_records(PRED))
    assert result["matched"] == 4 and result["speaker_right"] == 2 and result["missing_articles"] == 1
    assert result["end_to_end"]["p"] == pytest.approx(2 / 5)
    assert result["entities"]["p"] == pytest.approx(3 / 4)  # GPE = LOC; (حلب, LOC) counted once


def test_agrees_with_shared_scorer_on_synthetic_pair(tmp_path: Path) -> None:
    gold, pred = _write(tmp_path)
    assert score(read_gold(gold), key_records(PRED)) == _shared_score(gold, pred)


class NoNer:
    name = "none"

    def __call__(self, text: str, tokens: object) -> tuple[()]:
        return ()


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """Test app."""

    sub = typer.Typer()
    sub.command("quotes")(eval_quotes_command)
    app.add_typer(sub, name="eval")
    return app


def test_agrees_with_shared_scorer_on_seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = SHARED_EVAL / "seeds"
    if not (seeds / "gold.jsonl").is_file():
        pytest.skip(f"shared seeds not found: {seeds}")
    from cli.output import JsonLinesWriter
    from cli.speakers_cmd import speaker_writer
    from extract.io import read_articles
    from extract.pipeline import analyze

    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        writer = speaker_writer(JsonLinesWriter(fh))
        for article in read_articles([str(seeds / "articles")]):
            writer.write(analyze(article, ner=NoNer()))
    monkeypatch.setattr(cli.main, "load_ner", lambda choice: NoNer())
    result = CliRunner().invoke(_app(), ["eval", "quotes", "--gold", str(seeds / "gold.jsonl"),
                                         str(seeds / "articles"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == _shared_score(seeds / "gold.jsonl", pred)


def test_table_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.main, "load_ner", lambda choice: NoNer())
    article = tmp_path / "a.txt"
    article.write_text("قال وزير الخارجية الروسي سيرجي لافروف إن الجيش السوري أوقف العمليات العسكرية النشطة في شرق حلب.",
                       encoding="utf-8")
    gold, _ = _write(tmp_path)
    result = CliRunner().invoke(_app(), ["eval", "quotes", "--gold", str(gold), str(article)])
    assert result.exit_code == 0, result.output
    assert "end-to-end" in result.stdout and "detection" in result.stdout


def test_bad_gold_file(tmp_path: Path) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"article": "a.txt", "quotes": []}\nnot json\n', encoding="utf-8")
    result = CliRunner().invoke(_app(), ["eval", "quotes", "--gold", str(bad), str(tmp_path)])
    assert result.exit_code == 1 and "line 2" in result.output and result.stdout.count("Traceback") == 0
    result = CliRunner().invoke(_app(), ["eval", "quotes", "--gold", str(tmp_path / "none.jsonl"), str(tmp_path)])
    assert result.exit_code == 1 and "no such file" in result.output
