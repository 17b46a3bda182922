"""The camel-tools NER backend, run for real on a tiny BERT built here (no network, no 541 MB download)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from extract.errors import BackendError, BackendUnavailable
from extract.ner import get_backend
from extract.ner.camel import CamelNer, camel_model_path, default_model_dir, load_camel
from extract.tokenize import tokenize

ROOT = Path(__file__).resolve().parent.parent
LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]  # camel's order
SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
# The label the tiny model gives each word piece; a word takes its first piece's label, as in camel-tools.
PIECES = {
    "محمد": "B-PERS", "علي": "I-PERS", "القاهرة": "B-LOC", "واش": "B-LOC", "##نطن": "O",
    "الأمم": "B-ORG", "المتحدة": "I-ORG", "كأس": "B-MISC", "العالم": "I-MISC",
    "قال": "O", "في": "O", "إن": "O", "من": "O", ".": "O", "؟": "O", "،": "O",
}
HIDDEN = 16


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 1-layer BERT whose output depends on each word alone: argmax = the label in PIECES (O for unknowns).

    Every word piece embeds as the one-hot of its label; position/segment embeddings and the residual branches'
    output projections are zero, so each layer just re-normalises that one-hot, and an identity classifier reads
    the label back. That makes predictions exact and word-dependent without training.
    """
    import torch
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    path = tmp_path_factory.mktemp("tiny-ner")
    vocab = SPECIALS + list(PIECES)
    (path / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    config = BertConfig(vocab_size=len(vocab), hidden_size=HIDDEN, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=32, max_position_embeddings=256,  # camel-tools pads to 256 pieces
                        id2label=dict(enumerate(LABELS)), label2id={label: i for i, label in enumerate(LABELS)})
    torch.manual_seed(0)
    model = BertForTokenClassification(config)
    with torch.no_grad():
        emb = torch.zeros(len(vocab), HIDDEN)
        for i, piece in enumerate(vocab):
            emb[i, LABELS.index(PIECES.get(piece, "O"))] = 1.0
        model.bert.embeddings.word_embeddings.weight.copy_(emb)
        model.bert.embeddings.position_embeddings.weight.zero_()
        model.bert.embeddings.token_type_embeddings.weight.zero_()
        for layer in model.bert.encoder.layer:
            for dense in (layer.attention.output.dense, layer.output.dense):
                dense.weight.zero_()
                dense.bias.zero_()
        model.classifier.weight.copy_(torch.eye(len(LABELS), HIDDEN))
        model.classifier.bias.zero_()
    model.save_pretrained(path)
    # Cased like camel's AraBERT: lower-casing would strip the hamza off أ (NFD) and miss the vocabulary.
    BertTokenizer(str(path / "vocab.txt"), do_lower_case=False).save_pretrained(path)
    return path


@pytest.fixture(autouse=True)
def offline_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No real camel-tools data dir, no catalogue, no Hub: whatever these tests load must come from tmp_path."""
    data = tmp_path / "camel-data"
    data.mkdir()
    monkeypatch.setenv("CAMELTOOLS_DATA", str(data))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.delenv("AQWAL_CAMEL_NER_MODEL", raising=False)
    get_backend.cache_clear()
    yield data
    get_backend.cache_clear()


@pytest.fixture
def camel(tiny_model: Path, monkeypatch: pytest.MonkeyPatch) -> CamelNer:
    monkeypatch.setenv("AQWAL_CAMEL_NER_MODEL", str(tiny_model))
    return load_camel()


def spans(text: str, backend: CamelNer) -> list[tuple[str, str]]:
    entities = backend(text, tokenize(text))
    for e in entities:
        assert text[e.start:e.end] == e.text
        assert e.type in {"PERS", "LOC", "ORG", "MISC"}
        assert e.backend == "camel"
    return [(e.text, e.type) for e in entities]


# --- finding the model --------------------------------------------------------------------------------------------

def test_model_path_none_when_nothing_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert camel_model_path() is None
    monkeypatch.delenv("CAMELTOOLS_DATA")
    assert camel_model_path() is None
    assert default_model_dir() == tmp_path / ".camel_tools" / "data" / "ner" / "arabert"


def test_model_path_finds_camel_install_dir(offline_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    installed = offline_env / "data" / "ner" / "arabert"
    installed.mkdir(parents=True)
    (installed / "config.json").write_text("{}")
    assert camel_model_path() == installed
    monkeypatch.delenv("CAMELTOOLS_DATA")  # camel-tools' default: ~/.camel_tools
    home_install = tmp_path / ".camel_tools" / "data" / "ner" / "arabert"
    home_install.mkdir(parents=True)
    (home_install / "config.json").write_text("{}")
    assert camel_model_path() == home_install


def test_env_var_wins_and_is_not_second_guessed(tiny_model: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AQWAL_CAMEL_NER_MODEL", str(tiny_model))
    assert camel_model_path() == tiny_model
    monkeypatch.setenv("AQWAL_CAMEL_NER_MODEL", str(tmp_path / "nowhere"))
    assert camel_model_path() is None


# --- failures are one clear line ---------------------------------------------------------------------------------

def test_missing_model_says_how_to_install(offline_env: Path) -> None:
    with pytest.raises(BackendUnavailable) as err:
        load_camel()
    message = str(err.value)
    assert "camel_data -i ner-arabert" in message and "--ner neural" in message
    assert str(offline_env) in message and "\n" not in message


def test_missing_env_model_says_what_is_wrong(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AQWAL_CAMEL_NER_MODEL", str(tmp_path / "nowhere"))
    with pytest.raises(BackendUnavailable, match="AQWAL_CAMEL_NER_MODEL=.*nowhere.*camel_data -i ner-arabert"):
        load_camel()


def test_incomplete_model_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "config.json").write_text("{}")
    monkeypatch.setenv("AQWAL_CAMEL_NER_MODEL", str(broken))
    with pytest.raises(BackendUnavailable, match=r"incomplete \(missing model.safetensors or pytorch_model.bin, "
                                                 r"vocab.txt\)"):
        load_camel()


def test_unreadable_model_is_unavailable_not_a_crash(tiny_model: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    for name in ("vocab.txt", "model.safetensors"):
        (broken / name).write_bytes((tiny_model / name).read_bytes())
    (broken / "config.json").write_text("{not json")
    monkeypatch.setenv("AQWAL_CAMEL_NER_MODEL", str(broken))
    with pytest.raises(BackendUnavailable, match="could not be loaded") as err:
        load_camel()
    assert "\n" not in str(err.value)


def test_model_without_ner_labels_is_refused(tiny_model: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "classifier"
    other.mkdir()
    for name in ("vocab.txt", "model.safetensors"):
        (other / name).write_bytes((tiny_model / name).read_bytes())
    config = json.loads((tiny_model / "config.json").read_text())
    config["id2label"] = {str(i): f"LABEL_{i}" for i in range(len(LABELS))}
    config["label2id"] = {f"LABEL_{i}": i for i in range(len(LABELS))}
    (other / "config.json").write_text(json.dumps(config))
    monkeypatch.setenv("AQWAL_CAMEL_NER_MODEL", str(other))
    with pytest.raises(BackendUnavailable, match="no BIO entity labels"):
        load_camel()


# --- tagging ------------------------------------------------------------------------------------------------------

def test_loads_through_camel_and_tags(camel: CamelNer, offline_env: Path) -> None:
    assert type(camel.recognizer).__module__ == "camel_tools.ner"  # camel's own NERecognizer, not a copy
    assert camel.name == "camel"
    text = "قال محمد علي في القاهرة إن الأمم المتحدة في واشنطن."
    assert spans(text, camel) == [("محمد علي", "PERS"), ("القاهرة", "LOC"), ("الأمم المتحدة", "ORG"),
                                  ("واشنطن", "LOC")]
    # the import did not write into (or download to) camel's data dir, and left the environment as it was
    assert list(offline_env.iterdir()) == []
    assert os.environ["CAMELTOOLS_DATA"] == str(offline_env)


def test_offsets_are_into_the_whole_text(camel: CamelNer) -> None:
    text = "  مقدمة.\n\nقال محمد علي: «كأس العالم في القاهرة»؟ "
    assert spans(text, camel) == [("محمد علي", "PERS"), ("كأس العالم", "MISC"), ("القاهرة", "LOC")]


def test_entities_do_not_cross_sentences(camel: CamelNer) -> None:
    # B-PERS then I-PERS would be one entity; a newline or a full stop between them ends the sentence.
    assert spans("محمد\nعلي", camel) == [("محمد", "PERS"), ("علي", "PERS")]
    assert spans("محمد علي", camel) == [("محمد علي", "PERS")]


def test_long_sentences_are_chunked_and_batched(tiny_model: Path, camel: CamelNer) -> None:
    text = " ".join(["محمد علي"] * 300)  # 600 words, no punctuation
    tokens = tokenize(text)
    small = CamelNer(camel.recognizer, tiny_model, max_words=7, batch_size=4)
    assert [b - a for a, b in small.chunks(text, tokens)][:3] == [7, 7, 7]
    for backend in (camel, small):
        entities = backend(text, tokens)
        assert all(text[e.start:e.end] == e.text and e.type == "PERS" for e in entities)
        assert len(entities) >= 300
    assert [e.text for e in camel(text, tokens)].count("محمد علي") >= 297  # only chunk edges split a name


def test_words_bert_drops_keep_their_place(camel: CamelNer) -> None:
    # camel-tools skips words that BERT tokenizes to nothing, such as stray RLM / BOM marks (aqwal's
    # tokenizer leaves them out, a caller's tokens may not); the labels of later words must not shift.
    from extract.model import Token

    text = "محمد \u200f علي \ufeff القاهرة"
    words = text.split(" ")
    starts = [sum(len(w) + 1 for w in words[:k]) for k in range(len(words))]
    tokens = tuple(Token(a, a + len(w), w, k) for k, (a, w) in enumerate(zip(starts, words)))
    entities = camel(text, tokens)
    assert [(e.text, e.type) for e in entities] == [("محمد", "PERS"), ("علي", "PERS"), ("القاهرة", "LOC")]
    assert [t.text for t in tokenize(text)] == ["محمد", "علي", "القاهرة"]


def test_empty_input(camel: CamelNer) -> None:
    assert camel("", ()) == ()
    assert camel("   ", tokenize("   ")) == ()


def test_runtime_failure_is_backend_error() -> None:
    class Broken:
        def predict(self, sentences: list[list[str]], batch_size: int = 32) -> list[list[str]]:
            raise RuntimeError("CUDA out of memory\nmore detail")

    with pytest.raises(BackendError, match="camel-tools NER failed while tagging .RuntimeError: CUDA out of memory"):
        CamelNer(Broken())("محمد", tokenize("محمد"))


def test_get_backend_uses_camel(tiny_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AQWAL_CAMEL_NER_MODEL", str(tiny_model))
    backend = get_backend("camel")
    assert backend.name == "camel" and get_backend("auto") is backend
    text = "قال محمد علي."
    assert [(e.text, e.type) for e in backend(text, tokenize(text))] == [("محمد علي", "PERS")]


# --- isolation ----------------------------------------------------------------------------------------------------

def _run(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, env={**os.environ, **env},
                          capture_output=True, text=True, timeout=120)


def test_importing_extract_loads_neither_torch_nor_camel_ner(offline_env: Path) -> None:
    result = _run("""
        import sys
        import extract, extract.ner
        from extract.ner.camel import camel_model_path
        assert camel_model_path() is None
        heavy = {"torch", "transformers", "camel_tools.ner", "camel_tools.data"} & set(sys.modules)
        assert not heavy, heavy
    """, {"PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr


def test_fresh_process_loads_without_catalogue(tiny_model: Path, offline_env: Path) -> None:
    """In a fresh interpreter camel-tools would download its catalogue at import; the loader must prevent that."""
    result = _run("""
        import json, os
        from extract.ner import get_backend
        from extract.tokenize import tokenize
        backend = get_backend("auto")
        text = "قال محمد علي في القاهرة."
        print(json.dumps([[e.text, e.type, backend.name] for e in backend(text, tokenize(text))]))
        print(os.environ["CAMELTOOLS_DATA"])
    """, {"PYTHONPATH": str(ROOT), "AQWAL_CAMEL_NER_MODEL": str(tiny_model)})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert json.loads(lines[0]) == [["محمد علي", "PERS", "camel"], ["القاهرة", "LOC", "camel"]]
    assert lines[1] == str(offline_env)
    assert list(offline_env.iterdir()) == []


# --- aqwal backends -----------------------------------------------------------------------------------------------

def _backends_app():  # type: ignore[no-untyped-def]
    import typer

    from cli.backends_cmd import backends_command

    app = typer.Typer(add_completion=False)
    app.command("backends")(backends_command)
    app.command("noop")(lambda: None)  # two commands, so that "backends" stays a subcommand as in cli.main
    return app


def test_backends_command_reports_each_backend(tiny_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from extract import ner

    monkeypatch.setenv("AQWAL_CAMEL_NER_MODEL", str(tiny_model))
    monkeypatch.setitem(ner.BACKENDS, "ghost", "extract.ner.no_such_module:load")
    result = CliRunner().invoke(_backends_app(), ["backends", "--format", "json"])
    assert result.exit_code == 0, result.output
    by_name = {r["name"]: r for r in json.loads(result.stdout)}
    assert by_name["camel"]["available"] and by_name["camel"]["auto"]
    assert by_name["camel"]["detail"] == f"model: {tiny_model}"
    assert not by_name["ghost"]["available"] and "ModuleNotFoundError" in by_name["ghost"]["detail"]
    assert by_name["ghost"]["status"] == "unavailable"


def test_backends_command_plain_lines_say_why(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from extract import ner

    monkeypatch.setattr(ner, "BACKENDS", {"camel": ner.BACKENDS["camel"]})  # no camel model: nothing loads
    result = CliRunner().invoke(_backends_app(), ["backends"])
    assert result.exit_code == 1
    name, status, detail = result.stdout.rstrip("\n").split("\t")
    assert (name, status) == ("camel", "unavailable") and "camel_data -i ner-arabert" in detail


def test_without_a_camel_model_auto_is_the_default_shipped_backend(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from extract import ner

    monkeypatch.setenv("AQWAL_CAMEL_NER_MODEL", str(tmp_path / "nowhere"))
    result = CliRunner().invoke(_backends_app(), ["backends", "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    auto = [r["name"] for r in records if r["auto"]]
    assert auto == [r["name"] for r in records if r["default"]] == [ner.DEFAULT_BACKEND] == ["neural"]
    table = CliRunner().invoke(_backends_app(), ["backends", "--format", "table"])
    assert "neural (default, auto)" in table.stdout and "builtin (" not in table.stdout
    assert ner.get_backend("auto") is ner.get_backend() is ner.get_backend("neural")
