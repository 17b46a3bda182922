"""Viterbi decoding of linear-chain CRF scores, for a batch of sentences at once (numpy)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def viterbi(em: Any, trans: Any, start: Any, end: Any) -> list[int]:
    """Best tag path for one sentence's emission scores ``(T, K)`` (numpy arrays)."""
    return viterbi_batch(em[None], [em.shape[0]], trans, start, end)[0]


def viterbi_batch(em: Any, lengths: Sequence[int], trans: Any, start: Any, end: Any) -> list[list[int]]:
    """Best tag paths for a padded batch of emission scores ``(B, T, K)``, all sentences at once.

    ``trans[i, j]`` scores tag ``i`` followed by tag ``j``; ``start``/``end`` score the first and last tags.
    """
    import numpy as np

    b, t, k = em.shape
    if b == 1:
        return [_viterbi_one(em[0, :lengths[0]], trans, start, end)]
    lens = np.asarray(lengths)
    score = start[None, :] + em[:, 0]
    back = np.zeros((b, t, k), dtype=np.int64)
    ragged = bool((lens != t).any())
    trans3 = trans[None]
    for i in range(1, t):
        cand = score[:, :, None] + trans3
        back[:, i] = cand.argmax(axis=1)
        nxt = cand.max(axis=1) + em[:, i]
        score = np.where((lens > i)[:, None], nxt, score) if ragged else nxt
    # a finished sentence's score is frozen, so its end term is added once, here
    score = score + end[None, :]
    paths = []
    for row in range(b):
        n = int(lens[row])
        best = [int(score[row].argmax())]
        for i in range(n - 1, 0, -1):
            best.append(int(back[row, i, best[-1]]))
        paths.append(best[::-1])
    return paths


def _viterbi_one(em: Any, trans: Any, start: Any, end: Any) -> list[int]:
    """:func:`viterbi_batch` for a single sentence: the same sums, with less numpy work per step
    (the commonest call when each sentence is its own text)."""
    import numpy as np

    columns = np.arange(em.shape[1])
    score = start + em[0]
    back = []
    for i in range(1, em.shape[0]):
        cand = score[:, None] + trans
        best_prev = cand.argmax(axis=0)
        back.append(best_prev)
        score = cand[best_prev, columns] + em[i]
    path = [int((score + end).argmax())]
    for best_prev in reversed(back):
        path.append(int(best_prev[path[-1]]))
    return path[::-1]
