"""Tests for batched Viterbi decoding: it finds the best path, for every sentence of a ragged batch."""

from __future__ import annotations

from itertools import pairwise, product

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.ner.decode import viterbi, viterbi_batch


def _best_by_brute_force(em: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> float:
    n, k = em.shape
    best = -np.inf
    for path in product(range(k), repeat=n):
        score = start[path[0]] + end[path[-1]] + sum(em[i, t] for i, t in enumerate(path))
        score += sum(trans[a, b] for a, b in pairwise(path))
        best = max(best, score)
    return float(best)


def _score(path: list[int], em: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> float:
    return float(start[path[0]] + end[path[-1]] + sum(em[i, t] for i, t in enumerate(path))
                 + sum(trans[a, b] for a, b in pairwise(path)))


def test_viterbi_follows_transitions() -> None:
    em = np.array([[0.0, 1.0], [0.0, 0.0]])
    trans = np.array([[0.0, -5.0], [5.0, 0.0]])
    assert viterbi(em, trans, np.zeros(2), np.zeros(2)) == [1, 0]
    # a strong end score turns the last tag around
    assert viterbi(em, trans, np.zeros(2), np.array([0.0, 9.0])) == [1, 1]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 5), min_size=1, max_size=4), st.integers(0, 2**32 - 1))
def test_batch_paths_are_the_best_paths(lengths: list[int], seed: int) -> None:
    rng = np.random.default_rng(seed)
    k = 3
    em = rng.normal(size=(len(lengths), max(lengths), k))
    trans, start, end = rng.normal(size=(k, k)), rng.normal(size=k), rng.normal(size=k)
    paths = viterbi_batch(em, lengths, trans, start, end)
    for row, (n, path) in enumerate(zip(lengths, paths, strict=True)):
        assert len(path) == n
        sentence = em[row, :n]
        assert abs(_score(path, sentence, trans, start, end) - _best_by_brute_force(sentence, trans, start, end)) < 1e-9


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 12), min_size=2, max_size=5), st.integers(0, 2**32 - 1))
def test_a_sentence_alone_gets_the_path_it_gets_in_a_batch(lengths: list[int], seed: int) -> None:
    rng = np.random.default_rng(seed)
    k = 9
    em = rng.normal(size=(len(lengths), max(lengths), k)).astype(np.float32)
    trans, start, end = (rng.normal(size=s).astype(np.float32) for s in ((k, k), k, k))
    paths = viterbi_batch(em, lengths, trans, start, end)
    for row, n in enumerate(lengths):
        assert viterbi_batch(em[row:row + 1, :n], [n], trans, start, end) == [paths[row]]
        assert viterbi(em[row, :n], trans, start, end) == paths[row]
