"""Tests for the neural NER backend: a tiny model trained in tmp_path; real corpora only when present."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TINY_PEOPLE, TINY_PLACES, tiny_conll

pytest.importorskip("torch")

from extract.ner.evaluate import read_conll  # noqa: E402
from extract.ner.neural import DATA_DIR, MODEL_FILE, Encoder, decode_batch, load_model  # noqa: E402
from extract.ner.train_neural import train  # noqa: E402
from extract.tokenize import tokenize  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
NER_DATA = Path(os.environ.get("AQWAL_NER_DATA", REPO.parent / "shared/data/ner"))
ANERCORP_TRAIN = NER_DATA / "anercorp-camel/ANERCorp_CamelLab_train.txt"

def _tiny_corpus(path: Path) -> Path:
    texts = [f"قال {p} في {c} إن الوفد وصل أمس" for p in TINY_PEOPLE for c in TINY_PLACES] * 3
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for t in texts:
            fh.write(json.dumps({"title": "", "text": t}, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("neural")
    data = tmp / "tiny.txt"
    data.write_text(tiny_conll(), encoding="utf-8")
    corpus = _tiny_corpus(tmp / "news.jsonl.gz")
    summary = train([data], tmp / "model", corpus=corpus, dev_files=[data], epochs=25, batch_size=8, lr=0.01,
                    swa_start=20, vector_words=200, vector_dims=8,
                    config={"hidden": 16, "word_dim": 8, "char_filters": 8}, log=lambda _: None)
    assert summary["best_dev"] is not None
    return tmp / "model" / MODEL_FILE


def test_training_on_a_tiny_corpus_writes_a_model_and_resources(tiny_model: Path) -> None:
    assert tiny_model.is_file() and tiny_model.stat().st_size > 0
    for name in ("ner-clusters.tsv", "ner-lexicon.tsv", "ner-gazetteer.tsv"):
        assert (tiny_model.parent / name).is_file()


def test_tiny_model_loads_and_tags_with_offsets_into_the_text(tiny_model: Path) -> None:
    text = "قال جون كيري في جنيف.\nووصل الوفد إلى موسكو أمس ، وقال بشار الأسد وبموسكو"
    tokens = tokenize(text)
    tagger = load_model(tiny_model, name="tiny")
    assert tagger.name == "tiny"
    entities = tagger(text, tokens)
    assert entities, "the tiny model should find some of the names it was trained on"
    for e in entities:
        assert text[e.start:e.end] == e.text
        assert e.type in {"PERS", "LOC", "ORG", "MISC"}
        assert e.backend == "tiny"
        assert any(t.start == e.start for t in tokens) and any(t.end == e.end for t in tokens)  # whole tokens
    spans = {(e.text, e.type) for e in entities}
    assert ("جون كيري", "PERS") in spans
    assert ("جنيف", "LOC") in spans
    assert tagger("", ()) == ()
    assert len(tagger.tag(text, tokens)) == len(tokens)


def test_batched_tagging_matches_sentence_by_sentence(tiny_model: Path) -> None:
    tagger = load_model(tiny_model)
    sents = [["قال", "جون", "كيري", "في", "جنيف", "."], ["وصل", "الوفد", "إلى", "حلب"], ["أمس"]]
    assert tagger.tag_sentences(sents) == [tagger.tag_words(s) for s in sents]
    # the cached-vector path of the backend gives what training's evaluation path gives
    assert tagger.tag_sentences(sents) == decode_batch(tagger.network(), tagger.encoder, sents)
    tagger.max_cached_tokens = 3  # a full cache is emptied and refilled
    assert tagger.tag_sentences(sents) == decode_batch(tagger.network(), tagger.encoder, sents)
    assert tagger.tag_words([]) == []


def test_the_tagger_fast_paths_score_as_the_training_network_does(tiny_model: Path) -> None:
    """Inference takes shortcuts (cached input gates per word, the character convolution as one matrix
    product, the compiled recurrence): the scores must be the network's own."""
    import numpy as np
    import torch

    tagger = load_model(tiny_model)
    net, enc = tagger.network(), tagger.encoder
    sents = [["قال", "جون", "كيري", "في", "جنيف", "."], ["وقال", "حزب", "الله", "إن", "تل", "أبيب", "قصفت"], ["أمس"]]
    x = enc.collate([enc.encode_sentence(s) for s in sents], full_width=True)  # as the tagger pads characters
    with torch.inference_mode():
        direct = net.emissions(x).numpy()
    batched = tagger.emissions(sents)
    for row, s in enumerate(sents):
        alone = tagger.emissions([s])
        assert alone.shape == (1, len(s), direct.shape[2])
        np.testing.assert_allclose(alone[0], direct[row, :len(s)], rtol=1e-5, atol=1e-5)
        np.testing.assert_allclose(batched[row, :len(s)], direct[row, :len(s)], rtol=1e-5, atol=1e-5)


def test_the_tagger_input_gates_are_the_networks(tiny_model: Path) -> None:
    import numpy as np
    import torch

    tagger = load_model(tiny_model)
    net, enc = tagger.network(), tagger.encoder
    words = ["الوفد", "وصل", "إلى", "موسكو", "وقال", "كلمةغريبة", "،"]
    x = enc.arrays([enc.encode_sentence(words)], full_width=True)  # with the span marks
    assert (x["word"] == 1).any()  # an unknown word
    x["svec"][0] = np.arange(len(words)) + 2  # stems with vectors of their own, unlike these words'
    assert (x["vec"] != x["svec"]).all()
    lstm = net.lstm
    with torch.inference_mode():
        inputs = net.inputs({k: torch.from_numpy(v) for k, v in x.items()})[0]
        expected = torch.cat([inputs @ lstm.weight_ih_l0.T + lstm.bias_ih_l0 + lstm.bias_hh_l0,
                              inputs @ lstm.weight_ih_l0_reverse.T + lstm.bias_ih_l0_reverse
                              + lstm.bias_hh_l0_reverse], dim=1).numpy()
    np.testing.assert_allclose(tagger._input_gates(x), expected, rtol=1e-5, atol=1e-5)


def test_a_two_layer_model_scores_as_its_network_does(tmp_path: Path) -> None:
    """The compiled recurrence runs layer after layer; the shipped model has one, training allows more."""
    import numpy as np
    import torch

    data = tmp_path / "tiny.txt"
    data.write_text(tiny_conll(), encoding="utf-8")
    train([data], tmp_path / "model", corpus=_tiny_corpus(tmp_path / "news.jsonl.gz"), epochs=2, batch_size=8,
          vector_words=200, vector_dims=8, config={"hidden": 8, "layers": 2, "word_dim": 8, "char_filters": 8},
          log=lambda _: None)
    tagger = load_model(tmp_path / "model" / MODEL_FILE)
    net = tagger.network()
    assert net.lstm.num_layers == 2
    sents = [["قال", "جون", "كيري", "في", "جنيف", "."], ["أمس"]]
    with torch.inference_mode():
        direct = net.emissions(tagger.encoder.collate([tagger.encoder.encode_sentence(s) for s in sents],
                                                      full_width=True))
    for row, s in enumerate(sents):
        np.testing.assert_allclose(tagger.emissions([s])[0], direct[row, :len(s)].numpy(), rtol=1e-5, atol=1e-5)


def test_a_model_of_categories_alone_tags(tmp_path: Path) -> None:
    data = tmp_path / "tiny.txt"
    data.write_text(tiny_conll(), encoding="utf-8")
    train([data], tmp_path / "model", corpus=_tiny_corpus(tmp_path / "news.jsonl.gz"), epochs=1, batch_size=8,
          vector_words=200, vector_dims=8,
          config={"hidden": 8, "use_vectors": False, "use_words": False, "use_chars": False}, log=lambda _: None)
    tagger = load_model(tmp_path / "model" / MODEL_FILE)
    assert len(tagger.tag_words(["قال", "جون", "كيري"])) == 3


def test_missing_model_is_reported_as_unavailable(tmp_path: Path) -> None:
    from extract.errors import BackendUnavailable

    with pytest.raises(BackendUnavailable):
        load_model(tmp_path / "nope.npz")


def test_without_numba_the_backend_says_how_to_go_on(tiny_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import extract.ner
    from extract.errors import BackendUnavailable

    monkeypatch.delattr(extract.ner, "kernels", raising=False)
    monkeypatch.setitem(sys.modules, "extract.ner.kernels", None)  # what a failed numba import looks like
    with pytest.raises(BackendUnavailable, match=r"needs numba .*--ner builtin"):
        load_model(tiny_model)


def test_without_a_numba_cache_folder_the_backend_says_how_to_go_on(tiny_model: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    import extract.ner
    from extract.errors import BackendUnavailable

    real_import = builtins.__import__

    def no_locator(name, globals=None, locals=None, fromlist=(), level=0):  # type: ignore[no-untyped-def]
        if fromlist and "kernels" in fromlist:
            raise RuntimeError("cannot cache function 'bilstm_layer': no locator available")
        return real_import(name, globals, locals, fromlist, level)

    monkeypatch.delattr(extract.ner, "kernels", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_locator)
    with pytest.raises(BackendUnavailable, match=r"NUMBA_CACHE_DIR .*--ner builtin"):
        load_model(tiny_model)


def test_a_model_refuses_resources_it_was_not_trained_with(tiny_model: Path, tmp_path: Path) -> None:
    import shutil

    from extract.errors import BackendUnavailable

    for f in tiny_model.parent.iterdir():
        shutil.copyfile(f, tmp_path / f.name)
    with (tmp_path / "ner-lexicon.tsv").open("a", encoding="utf-8") as fh:
        fh.write("كلمةجديدة\t5\t0\n")
    with pytest.raises(BackendUnavailable, match="retrain"):
        load_model(tmp_path / MODEL_FILE)
    assert load_model(tmp_path / MODEL_FILE, check_resources=False).name == "neural"


def test_encoder_vocabularies_come_from_the_training_data(tmp_path: Path) -> None:
    data = tmp_path / "tiny.txt"
    data.write_text(tiny_conll(), encoding="utf-8")
    enc = Encoder.build(read_conll(data), DATA_DIR, ["موسكو"], {"word_min_count": 1})
    vec, _, word, chars, cats, *_ = enc.token("موسكو")
    assert vec == 2 and word >= 2 and chars and len(cats) == 11
    assert enc.token("كلمةغريبة")[2] == 1  # unknown word


def test_importing_the_backend_does_not_import_torch() -> None:
    code = "import sys, extract.ner, extract.ner.neural; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_loading_and_tagging_do_not_import_torch(tiny_model: Path) -> None:
    code = ("import sys; from extract.ner.neural import load_model; t = load_model(sys.argv[1]); "
            "t.tag_words(['قال', 'جون', 'كيري']); print('torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(tiny_model)], cwd=REPO, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.skipif(not (DATA_DIR / MODEL_FILE).is_file(), reason="no shipped neural model")
def test_a_words_input_gates_do_not_depend_on_the_words_computed_with_it() -> None:
    """Otherwise a text's tags would depend on what the tagger had seen before (and on --jobs): the same
    bits whether a word comes alone, among a few, or among many, with longer words or not."""
    import numpy as np

    from extract.ner.neural import load_neural

    tagger = load_neural()
    words = ["قال", "لافروف", "في", "موسكو"]
    alone = {}
    for w in words:
        tagger.clear_caches()
        tagger.tag_words([w])
        alone[w] = tagger._reps[w].copy()
    others = [f"كلمة{i}" for i in range(40)]
    for batch in ([*words, "والاستراتيجيات"], [*others[:3], *words], [*others, *words], words[:2]):
        tagger.clear_caches()
        tagger.tag_words(batch)
        for w in words:
            if w in batch:
                assert np.array_equal(tagger._reps[w], alone[w]), (w, len(batch))
    tagger.clear_caches()


@pytest.mark.skipif(not (DATA_DIR / MODEL_FILE).is_file(), reason="no shipped neural model")
def test_the_shipped_model_was_trained_with_the_shipped_resources() -> None:
    # load_neural() skips this check to start faster: it is made here
    assert load_model(DATA_DIR / MODEL_FILE, check_resources=True).name == "neural"


@pytest.mark.skipif(not (DATA_DIR / MODEL_FILE).is_file(), reason="no shipped neural model")
def test_shipped_model_tags_a_sentence() -> None:
    from extract.ner.neural import load_neural

    text = "قال وزير الخارجية الروسي سيرجي لافروف في موسكو"
    spans = {(e.text, e.type) for e in load_neural()(text, tokenize(text))}
    assert ("سيرجي لافروف", "PERS") in spans
    assert ("موسكو", "LOC") in spans


@pytest.mark.skipif(not ANERCORP_TRAIN.is_file() or not (DATA_DIR / MODEL_FILE).is_file(),
                    reason="needs ../shared/data/ner and the shipped neural model")
def test_shipped_model_scores_on_real_sentences() -> None:
    """150 sentences from the last 10 % of ANERcorp train: the split that chose the number of epochs.
    The shipped model was then trained on all of the file, these sentences included, so this checks
    that the real model loads and tags real data, not a held-out score (bench/ner.py gives that)."""
    from extract.ner.evaluate import evaluate_backend
    from extract.ner.neural import load_neural

    sentences = read_conll(ANERCORP_TRAIN)
    dev = sentences[int(len(sentences) * 0.9):][:150]
    scores = evaluate_backend(load_neural(), dev)
    assert scores["micro"].f1 > 0.7


def test_a_model_file_loads_by_its_kind(tiny_model: Path, tmp_path: Path) -> None:
    import numpy as np

    from extract.errors import BackendUnavailable
    from extract.ner import load_model_file
    from extract.ner.neural import NeuralTagger

    tagger = load_model_file(tiny_model)
    assert isinstance(tagger, NeuralTagger) and tagger.name == "model"
    np.savez(tmp_path / "list.npz", a=np.arange(3))
    for junk in (b"", b"not a model file", tiny_model.read_bytes()[:2000], (tmp_path / "list.npz").read_bytes()):
        path = tmp_path / "junk.npz"
        path.write_bytes(junk)
        with pytest.raises(BackendUnavailable, match="junk.npz: not an aqwal NER model"):
            load_model_file(path)
    # an archive with a neural model's entry but not its format is read as one, and refused as one
    np.savez(tmp_path / "junk.npz", meta=np.frombuffer(b'{"format": "other"}', dtype=np.uint8))
    with pytest.raises(BackendUnavailable, match="junk.npz: not an aqwal neural NER model"):
        load_model_file(tmp_path / "junk.npz")
    # the neural loader itself (as extract.ner.silver --model uses it): a lone array, missing vocabularies,
    # missing weights
    from extract.ner.neural import FORMAT, load_model, read_model, write_model

    np.save(tmp_path / "lone.npy", np.arange(3))
    meta, state = read_model(tiny_model)
    write_model(tmp_path / "novocab.npz", {"format": FORMAT}, {})
    write_model(tmp_path / "noweights.npz", meta, {k: v for k, v in state.items() if k != "trans"})
    for name in ("lone.npy", "novocab.npz", "noweights.npz"):
        with pytest.raises(BackendUnavailable, match=f"{name}: not an aqwal neural NER model"):
            load_model(tmp_path / name, check_resources=False)
