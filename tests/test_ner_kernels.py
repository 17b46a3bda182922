"""Tests for the neural tagger's compiled loops: they compute what torch's LSTM and the numpy Viterbi compute."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("numba")
torch = pytest.importorskip("torch")

from extract.ner import kernels
from extract.ner.decode import viterbi_batch


def _torch_and_kernel(steps: int, inputs: int, hidden: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """One bidirectional layer's outputs, from torch and from the kernel given the same weights."""
    torch.manual_seed(seed)
    lstm = torch.nn.LSTM(inputs, hidden, bidirectional=True, batch_first=True)
    with torch.no_grad():
        for p in lstm.parameters():
            p.mul_(6.0)  # trained weights are far larger than the initial ones: gates reach saturation
        x = torch.randn(1, steps, inputs)
        expected = lstm(x)[0][0].numpy()
    (w_f, u_f, b_f, c_f), (w_b, u_b, b_b, c_b) = ([t.detach().numpy() for t in d] for d in lstm.all_weights)
    xs = x[0].numpy()
    gates = np.concatenate([xs @ w_f.T + b_f + c_f, xs @ w_b.T + b_b + c_b], axis=1).astype(np.float32)
    hidden_weights = np.ascontiguousarray(np.stack([u_f.T, u_b.T]))
    return expected, kernels.bilstm_layer(gates.reshape(steps, 2, 4 * hidden), hidden_weights)


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 30), st.sampled_from([1, 7, 16, 96]), st.integers(0, 2**31 - 1))
def test_the_bilstm_kernel_computes_what_torch_computes(steps: int, hidden: int, seed: int) -> None:
    expected, got = _torch_and_kernel(steps, 5, hidden, seed)
    assert got.shape == (steps, 2 * hidden) and got.dtype == np.float32
    np.testing.assert_allclose(got, expected, atol=2e-5)


def test_the_bilstm_kernel_keeps_each_direction_in_its_own_half() -> None:
    # the first token's forward state sees one step, its backward state the whole sentence
    expected, got = _torch_and_kernel(6, 4, 8, 3)
    np.testing.assert_allclose(got[0, :8], expected[0, :8], atol=2e-5)
    np.testing.assert_allclose(got[0, 8:], expected[0, 8:], atol=2e-5)
    assert np.abs(expected[0, 8:] - expected[-1, 8:]).max() > 1e-3  # the halves do differ along the sentence


def test_the_sigmoid_is_within_1e_7_of_the_exact_value_over_the_whole_range() -> None:
    x = np.concatenate([np.linspace(-120, 120, 200_001), [0.0, -87.5, 87.5, 1e-8, -1e-8]]).astype(np.float32)
    out, bits, poly = np.empty_like(x), np.empty(x.size, np.int32), np.empty_like(x)
    kernels._sigmoids(x, np.ones_like(x), out, bits, poly)
    exact = 1.0 / (1.0 + np.exp(-x.astype(np.float64)))
    assert np.abs(out - exact).max() < 1e-7
    kernels._sigmoids(x, np.full_like(x, 2.0), out, bits, poly)  # the scale multiplies the input
    assert np.abs(out - 1.0 / (1.0 + np.exp(-2.0 * x.astype(np.float64)))).max() < 1e-7


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 15), st.integers(1, 9), st.integers(0, 2**32 - 1), st.booleans())
def test_the_viterbi_kernel_gives_the_numpy_path(steps: int, k: int, seed: int, ties: bool) -> None:
    rng = np.random.default_rng(seed)

    def draw(*shape: int) -> np.ndarray:  # small integers make equal scores, so ties are tested
        return (rng.integers(-2, 3, size=shape) if ties else rng.normal(size=shape)).astype(np.float32)

    em, trans, start, end = draw(steps, k), draw(k, k), draw(k), draw(k)
    expected = viterbi_batch(em[None], [steps], trans, start, end)[0]
    assert kernels.viterbi(em, trans, start, end).tolist() == expected
