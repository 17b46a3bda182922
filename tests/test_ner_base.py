"""Tests for what the sentence taggers share: batching sentences by length."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extract.ner.base import length_batches


def test_similar_lengths_share_a_batch_and_empty_sentences_none() -> None:
    assert length_batches([3, 0, 4, 3, 30], 100) == [[0, 3, 2], [4]]
    assert length_batches([3, 3, 3], 6) == [[0, 1], [2]]  # a third would pad past 6 tokens
    assert length_batches([0, 0], 10) == []


@given(st.lists(st.integers(min_value=0, max_value=60), max_size=40), st.integers(min_value=1, max_value=200))
def test_length_batches_cover_every_sentence_once(lengths: list[int], max_tokens: int) -> None:
    batches = length_batches(lengths, max_tokens)
    flat = [i for b in batches for i in b]
    assert sorted(flat) == [i for i, n in enumerate(lengths) if n]
    assert [lengths[i] for i in flat] == sorted(lengths[i] for i in flat)  # shortest first
    for b in batches:
        longest = max(lengths[i] for i in b)
        # a batch holds one sentence, or pads to at most max_tokens and at most twice its shortest + 4
        assert len(b) == 1 or (longest * len(b) <= max_tokens and longest <= 2 * lengths[b[0]] + 4)
