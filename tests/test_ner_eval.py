"""Tests for CoNLL reading and seqeval-style entity scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.model import Entity, Token
from extract.ner.evaluate import (
    ConllFormatError,
    evaluate_backend,
    lines_to_text,
    normalize_tag,
    read_conll,
    score,
    tag_with_backend,
    tokens_to_text,
)

GOLD = """\
قال O
سيرجي B-PERS
لافروف I-PERS
في O
موسكو B-LOC

اتحاد\tB-ORG
صناعة\tI-ORG
السيارات\tI-ORG
في\tO
ألمانيا\tB-LOC
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "gold.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_read_conll_splits_on_last_whitespace_and_blank_lines(tmp_path: Path) -> None:
    sentences = read_conll(_write(tmp_path, GOLD + "\n\n"))
    assert len(sentences) == 2
    assert sentences[0][0] == ["قال", "سيرجي", "لافروف", "في", "موسكو"]
    assert sentences[1][1] == ["B-ORG", "I-ORG", "I-ORG", "O", "B-LOC"]


def test_read_conll_rejects_a_line_without_tag(tmp_path: Path) -> None:
    with pytest.raises(ConllFormatError, match="line 2"):
        read_conll(_write(tmp_path, "قال O\nسيرجي\n"))


def test_tags_of_other_corpora_are_mapped() -> None:
    assert normalize_tag("B-PER") == "B-PERS"
    assert normalize_tag("I-MIS1") == "I-MISC"
    assert normalize_tag("B-MIS1`") == "B-MISC"
    assert normalize_tag("OO") == "O"
    assert normalize_tag("I--ORG") == "I-ORG"
    assert normalize_tag("B-DATE") == "O"


def test_score_known_precision_recall() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC", "O", "B-ORG"]]
    # PERS correct, LOC missed, ORG predicted with the wrong type, one spurious LOC
    pred = [["B-PERS", "I-PERS", "B-LOC", "O", "O", "B-MISC"]]
    s = score(gold, pred)
    assert (s["micro"].tp, s["micro"].fp, s["micro"].fn) == (1, 2, 2)
    assert s["micro"].precision == pytest.approx(1 / 3)
    assert s["micro"].recall == pytest.approx(1 / 3)
    assert s["micro"].f1 == pytest.approx(1 / 3)
    assert s["PERS"].f1 == 1.0
    assert s["LOC"].support == 1 and s["LOC"].f1 == 0.0


def test_stray_inside_tag_starts_an_entity_as_in_seqeval() -> None:
    s = score([["O", "I-PERS", "I-PERS"]], [["O", "B-PERS", "I-PERS"]])
    assert s["micro"].f1 == 1.0
    # a partial span is not a match
    s = score([["B-ORG", "I-ORG", "I-ORG"]], [["B-ORG", "I-ORG", "O"]])
    assert (s["micro"].tp, s["micro"].fp, s["micro"].fn) == (0, 1, 1)


def test_tokens_to_text_offsets() -> None:
    text, tokens = tokens_to_text(["أ", "بب", "ججج"])
    assert text == "أ بب ججج"
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert [t.index for t in tokens] == [0, 1, 2]


def test_lines_to_text_puts_each_sentence_on_its_line() -> None:
    text, tokens = lines_to_text([["قال", "زيد"], ["."], ["نعم", "لا"]])
    assert text == "قال زيد\n.\nنعم لا"
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert [t.index for t in tokens] == [0, 1, 2, 3, 4]


class _Lookup:
    """A fake backend that tags every occurrence of known words."""

    name = "fake"

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table

    def __call__(self, text: str, tokens: list[Token]) -> tuple[Entity, ...]:
        return tuple(Entity(t.start, t.end, t.text, self.table[t.text], self.name)  # type: ignore[arg-type]
                     for t in tokens if t.text in self.table)


def test_evaluate_backend_end_to_end(tmp_path: Path) -> None:
    sentences = read_conll(_write(tmp_path, GOLD))
    backend = _Lookup({"موسكو": "LOC", "ألمانيا": "LOC", "في": "PERS"})
    assert tag_with_backend(backend, ["في", "موسكو"]) == ["B-PERS", "B-LOC"]
    s = evaluate_backend(backend, sentences)
    # gold: 4 entities; predicted: 2 LOC correct + 2 spurious PERS
    assert (s["micro"].tp, s["micro"].fp, s["micro"].fn) == (2, 2, 2)
    assert s["micro"].f1 == pytest.approx(0.5)
    assert s["LOC"].f1 == 1.0


class _TagsOnce(_Lookup):
    """Tags a word only at its first occurrence in a text, so that only the entity stage can find the others."""

    def __call__(self, text: str, tokens: list[Token]) -> tuple[Entity, ...]:
        seen: set[str] = set()
        out = []
        for t in tokens:
            if t.text in self.table and t.text not in seen:
                seen.add(t.text)
                out.append(Entity(t.start, t.end, t.text, self.table[t.text], self.name))  # type: ignore[arg-type]
        return tuple(out)


TEXT_GOLD = """\
قال O
لافروف B-PERS
في O
موسكو B-LOC

وأضاف O
لافروف B-PERS
أن O
بموسكو B-LOC
تريد O

قال O
لافروف B-PERS
"""


def test_texts_of_sentences_go_through_the_entity_stage(tmp_path: Path) -> None:
    sentences = read_conll(_write(tmp_path, TEXT_GOLD))
    backend = _TagsOnce({"لافروف": "PERS", "موسكو": "LOC"})
    alone = evaluate_backend(backend, sentences)
    assert (alone["micro"].tp, alone["micro"].fn) == (4, 1)  # each sentence alone: the second بموسكو is missed
    together = evaluate_backend(backend, sentences, per_text=2)
    # the first text (2 sentences): لافروف again, and بموسكو as the whole token though the stage cuts ب off
    assert (together["micro"].tp, together["micro"].fp, together["micro"].fn) == (5, 0, 0)
    # a text per sentence is the same as each sentence alone, up to the stage's clitic handling
    assert evaluate_backend(backend, sentences, per_text=1)["micro"].tp == 4


def test_text_tags_keep_sentence_lengths() -> None:
    from extract.ner.evaluate import tag_text_with_backend

    backend = _Lookup({"موسكو": "LOC"})
    tags = tag_text_with_backend(backend, [["في", "موسكو"], [], ["موسكو", "."]])
    assert tags == [["O", "B-LOC"], [], ["B-LOC", "O"]]


def test_eval_ner_command_scores_a_gold_file(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from cli.main import app

    gold = _write(tmp_path, TEXT_GOLD)
    runner = CliRunner()
    alone = runner.invoke(app, ["eval", "ner", "--gold", str(gold), "--format", "json"])
    assert alone.exit_code == 0, alone.output
    scores = json.loads(alone.stdout)
    assert set(scores) >= {"PERS", "LOC", "micro"} and scores["micro"]["support"] == 5
    assert 0.0 <= scores["micro"]["f1"] <= 1.0
    texts = runner.invoke(app, ["eval", "ner", "--gold", str(gold), "--format", "json", "--per-text", "3"])
    assert texts.exit_code == 0, texts.output
    assert json.loads(texts.stdout)["micro"]["support"] == 5
    table = runner.invoke(app, ["eval", "ner", "--gold", str(gold), "--per-text", "3"])
    assert "texts of 3 sentences" in table.stdout and "micro" in table.stdout
    missing = runner.invoke(app, ["eval", "ner", "--gold", str(tmp_path / "none.txt")])
    assert missing.exit_code != 0 and "none.txt" in missing.output and "Traceback" not in missing.output



def test_eval_ner_command_scores_a_model_file_of_either_kind(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from cli.main import app
    from extract.ner.crf import DATA_DIR

    gold = _write(tmp_path, TEXT_GOLD)
    runner = CliRunner()
    base = ["eval", "ner", "--gold", str(gold), "--format", "json"]
    for model_file, backend in (("ner-crf.npz", "builtin"), ("ner-neural.npz", "neural")):
        from_file = runner.invoke(app, [*base, "--model", str(DATA_DIR / model_file)])
        shipped = runner.invoke(app, [*base, "--ner", backend])
        assert from_file.exit_code == 0 and shipped.exit_code == 0, from_file.output + shipped.output
        assert json.loads(from_file.stdout) == json.loads(shipped.stdout)
    junk = tmp_path / "junk.pt"
    junk.write_text("no model here", encoding="utf-8")
    bad = runner.invoke(app, [*base, "--model", str(junk)])
    assert bad.exit_code == 1 and "junk.pt: not an aqwal NER model" in bad.output
    assert "Traceback" not in bad.output and len(bad.output.strip().splitlines()) == 1
