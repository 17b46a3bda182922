"""The batch runner: input order, bounded memory, worker crashes, --jobs and the summary line."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

import cli.main
from cli.batch import Outcome, Stats, _progress, run
from extract.errors import ExtractError
from extract.io import InputFailure
from extract.model import Article, Entity, Token

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


class NoNer:
    """A trivial NER backend: fast and independent of the shipped model."""

    name = "none"

    def __call__(self, text: str, tokens: Sequence[Token]) -> tuple[Entity, ...]:
        return ()


class TrapNer(NoNer):
    """Fails in chosen ways on marked texts: a library error, a bug, or the death of the process."""

    def __call__(self, text: str, tokens: Sequence[Token]) -> tuple[Entity, ...]:
        if "EXPLODE" in text:
            raise ZeroDivisionError("boom")
        if "REFUSE" in text:
            raise ExtractError("backend refused")
        if "CRASH" in text:
            os._exit(3)  # as a segfault or the OOM killer would
        return ()


def _articles(n: int) -> list[Article]:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    return [Article(f"a{i}", texts[i % len(texts)]) for i in range(n)]


def _key(outcome: Outcome) -> tuple[str, int, str | None]:
    return outcome.source, len(outcome.analysis.quotes) if outcome.analysis else -1, outcome.error


def test_parallel_equals_serial_in_order() -> None:
    items: list[Article | InputFailure] = list(_articles(23))
    items.insert(5, InputFailure("bad", "empty file"))
    serial = [_key(o) for o in run(items, NoNer(), jobs=1)]
    parallel = [_key(o) for o in run(items, NoNer(), jobs=2, chunk=3)]
    assert parallel == serial
    assert [s for s, _, _ in serial] == [getattr(x, "id", None) or x.source for x in items]  # type: ignore[union-attr]


def test_parallel_pulls_inputs_lazily() -> None:
    pulled = 0

    def source() -> Iterator[Article]:
        nonlocal pulled
        for article in _articles(200):
            pulled += 1
            yield article

    jobs, chunk = 2, 4
    ahead = 0
    for done, _ in enumerate(run(source(), NoNer(), jobs=jobs, chunk=chunk), 1):
        ahead = max(ahead, pulled - done)
    assert pulled == 200
    assert ahead <= 2 * jobs * chunk  # a bounded window, never the whole input


@pytest.mark.parametrize("jobs", [1, 2])
def test_errors_become_outcomes(jobs: int) -> None:
    items = [Article("ok1", "قال الوزير."), Article("bug", "EXPLODE"), Article("lib", "REFUSE"), Article("ok2", "نعم")]
    outcomes = list(run(items, TrapNer(), jobs=jobs, chunk=2))
    assert [o.source for o in outcomes] == ["ok1", "bug", "lib", "ok2"]
    assert outcomes[1].internal and outcomes[1].error == "internal error: ZeroDivisionError: boom"
    assert not outcomes[2].internal and outcomes[2].error == "backend refused"
    assert outcomes[0].analysis is not None and outcomes[3].analysis is not None


def test_a_dying_worker_loses_only_its_article() -> None:
    items = _articles(20)
    items[7] = Article("crash", "CRASH")
    outcomes = list(run(items, TrapNer(), jobs=2, chunk=3))
    assert [o.source for o in outcomes] == [a.id for a in items]
    failed = [o for o in outcomes if o.analysis is None]
    assert [(o.source, o.error) for o in failed] == [("crash", "worker process died (crash or out of memory)")]


def test_a_worker_runs_numpy_on_one_thread() -> None:
    """Worker processes are the parallelism: BLAS threads inside each would oversubscribe the cores."""
    import subprocess
    import sys

    code = ("import numpy; from threadpoolctl import threadpool_info; from cli.batch import _init_worker; "
            "before = {i['num_threads'] for i in threadpool_info() if i['user_api'] == 'blas'}; _init_worker(None); "
            "print(before, {i['num_threads'] for i in threadpool_info() if i['user_api'] == 'blas'})")
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "2"}  # as on a machine of two cores or more
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env,
                         cwd=Path(__file__).resolve().parent.parent)
    assert out.stdout.split() == ["{2}", "{1}"]


def test_stats_line() -> None:
    stats = Stats()
    stats.add(Outcome("x", error="empty file"))
    line = stats.line()
    assert line.startswith("1 article, 0 quotes, 0 entities, 1 failed in ")


def test_progress_bar_draws_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    with _progress(True) as advance:
        advance(Stats(articles=3))
    assert capsys.readouterr().out == ""


# --------------------------------------------------------------------------- the CLI


@pytest.fixture
def no_ner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.main, "load_ner", lambda choice: TrapNer())


def _corpus(tmp_path: Path, n: int = 30) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
    (folder / "010.txt").write_bytes(b"")
    (folder / "020.txt").write_text("EXPLODE")
    return folder


def test_cli_jobs_2_matches_jobs_1(tmp_path: Path, no_ner: None) -> None:
    folder = _corpus(tmp_path)
    one = CliRunner().invoke(cli.main.app, ["extract", str(folder), "-f", "jsonl", "--jobs", "1"])
    two = CliRunner().invoke(cli.main.app, ["extract", str(folder), "-f", "jsonl", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    records = [json.loads(line) for line in two.stdout.splitlines()]
    assert len(records) == 30
    assert [r["source"] for r in records] == sorted(str(p) for p in folder.iterdir())
    errors = {Path(r["source"]).name: r["error"] for r in records if "error" in r}
    assert errors == {"010.txt": "empty file", "020.txt": "internal error: ZeroDivisionError: boom"}
    lines = two.stderr.splitlines()
    bug = "internal error: ZeroDivisionError: boom (re-run with --traceback)"
    assert lines[:2] == [f"aqwal: {folder / '010.txt'}: empty file", f"aqwal: {folder / '020.txt'}: {bug}"]
    assert lines[2].startswith("aqwal: 30 articles, ") and ", 2 failed in " in lines[2]
    assert len(lines) == 3


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_fail_fast_stops_at_the_first_failure(tmp_path: Path, no_ner: None, jobs: str) -> None:
    folder = _corpus(tmp_path)
    result = CliRunner().invoke(cli.main.app, ["extract", str(folder), "-f", "jsonl", "-j", jobs, "--fail-fast"])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 11 and records[-1]["error"] == "empty file"


def test_cli_traceback_shows_the_bug(tmp_path: Path, no_ner: None) -> None:
    folder = _corpus(tmp_path)
    result = CliRunner().invoke(cli.main.app, ["extract", str(folder), "-f", "jsonl", "-j", "2", "--traceback"])
    assert result.exit_code == 1
    assert "Traceback" in result.stderr and "ZeroDivisionError: boom" in result.stderr


def test_cli_quiet_and_jobs_0(tmp_path: Path, no_ner: None) -> None:
    path = tmp_path / "one.txt"
    path.write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(cli.main.app, ["extract", str(path), "-f", "json", "-q", "-j", "0"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert len(json.loads(result.stdout)) == 1
