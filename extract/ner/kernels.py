"""The neural tagger's inner loops at inference, compiled with numba: one BiLSTM layer's recurrence over
input gates computed beforehand, and Viterbi decoding of one sentence.

For one sentence, calling ``torch.lstm`` costs more in fixed set-up than in arithmetic, and numpy's
per-call overhead dominates a Viterbi step over nine tags; compiled loops cost neither. Training keeps
torch's own modules. Each kernel is compiled on its first call, or read from numba's cache beside this
file; importing the module imports numba, so it is imported only when the neural backend loads. Numba
compiles for the machine's own CPU, and ``fastmath`` lets it fuse and reorder sums: results agree with
torch's to float rounding, identical from run to run on one machine, not bit for bit across machines.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True, fastmath=True, nogil=True)
def _sigmoids(x: np.ndarray, scale: np.ndarray, out: np.ndarray, bits: np.ndarray, poly: np.ndarray) -> None:
    """``out[j] = 1 / (1 + exp(-scale[j] * x[j]))``, within 1e-7 of the exact value.

    ``exp(z)`` is ``2**n * exp(r)`` with ``|r| <= ln 2 / 2``: ``exp(r)`` by its Taylor series to ``r**7``,
    ``2**n`` written as a float's exponent bits. Unlike libm's ``expf``, these loops vectorize, and
    the LSTM's gates are most of its time. ``bits`` and ``poly`` are scratch arrays at least as long as ``x``.
    """
    powers = bits.view(np.float32)
    for j in range(x.shape[0]):
        z = min(max(-x[j] * scale[j], np.float32(-87.0)), np.float32(87.0))
        n = np.floor(z * np.float32(1.4426950408889634) + np.float32(0.5))
        r = z - n * np.float32(0.693359375) - n * np.float32(-2.12194440e-4)  # ln 2 in two parts
        p = np.float32(1.0 / 5040)
        p = p * r + np.float32(1.0 / 720)
        p = p * r + np.float32(1.0 / 120)
        p = p * r + np.float32(1.0 / 24)
        p = p * r + np.float32(1.0 / 6)
        p = p * r + np.float32(0.5)
        p = p * r + np.float32(1.0)
        poly[j] = p * r + np.float32(1.0)
        bits[j] = (np.int32(n) + 127) << 23
    for j in range(x.shape[0]):
        out[j] = np.float32(1.0) / (np.float32(1.0) + poly[j] * powers[j])


@njit(cache=True, fastmath=True, nogil=True)
def bilstm_layer(gates: np.ndarray, hidden_weights: np.ndarray) -> np.ndarray:
    """One bidirectional LSTM layer over one sentence.

    ``gates`` ``(T, 2, 4H)``: each token's input gates for the forward and the backward direction,
    ``W_ih x + b_ih + b_hh`` in torch's order (input, forget, cell, output); ``hidden_weights``
    ``(2, H, 4H)``: each direction's ``W_hh`` transposed. Returns ``(T, 2H)``, forward states then
    backward, as ``torch.nn.LSTM(bidirectional=True)`` does from zero initial states (to 1e-5).
    """
    steps, size = gates.shape[0], hidden_weights.shape[1]
    out = np.empty((steps, 2 * size), dtype=np.float32)
    one, two = np.float32(1.0), np.float32(2.0)
    g = np.empty(4 * size, dtype=np.float32)
    active = np.empty(4 * size, dtype=np.float32)
    bits = np.empty(4 * size, dtype=np.int32)
    poly = np.empty(4 * size, dtype=np.float32)
    # tanh(x) = 2 sigmoid(2x) - 1: the cell gate's inputs are doubled, and so is the cell state's
    gate_scale = np.ones(4 * size, dtype=np.float32)
    gate_scale[2 * size:3 * size] = two
    cell_scale = np.full(size, two, dtype=np.float32)
    cell_active = np.empty(size, dtype=np.float32)
    for direction in range(2):
        h = np.zeros(size, dtype=np.float32)
        c = np.zeros(size, dtype=np.float32)
        for step in range(steps):
            t = step if direction == 0 else steps - 1 - step
            g[:] = gates[t, direction]
            for k in range(size):
                hk = h[k]
                for j in range(4 * size):
                    g[j] += hidden_weights[direction, k, j] * hk
            _sigmoids(g, gate_scale, active, bits, poly)
            for j in range(size):
                c[j] = active[size + j] * c[j] + active[j] * (two * active[2 * size + j] - one)
            _sigmoids(c, cell_scale, cell_active, bits, poly)
            for j in range(size):
                h[j] = active[3 * size + j] * (two * cell_active[j] - one)
                out[t, direction * size + j] = h[j]
    return out


@njit(cache=True, nogil=True)
def viterbi(em: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """The best tag path for one sentence's emission scores ``(T, K)``: the same sums, in the same
    order and with the same ties (the lowest tag), as :func:`extract.ner.decode.viterbi_batch`."""
    steps, k = em.shape
    score = start + em[0]
    back = np.zeros((steps, k), dtype=np.int64)
    nxt = np.empty_like(score)
    for t in range(1, steps):
        for j in range(k):
            best, arg = score[0] + trans[0, j], 0
            for i in range(1, k):
                cand = score[i] + trans[i, j]
                if cand > best:
                    best, arg = cand, i
            back[t, j] = arg
            nxt[j] = best + em[t, j]
        score[:] = nxt
    path = np.empty(steps, dtype=np.int64)
    last = score + end
    path[steps - 1] = np.argmax(last)
    for t in range(steps - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path
