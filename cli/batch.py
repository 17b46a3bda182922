"""Running the pipeline over a stream of inputs, serially or in worker processes, results in input order."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
import traceback as tb
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import TYPE_CHECKING, Any, Union

if TYPE_CHECKING:
    from extract.io import InputFailure
    from extract.model import Analysis, Article
    from extract.ner.base import NerBackend

    from .output import Writer

    Item = Union[Article, InputFailure]

CHUNK = 8  # articles per task: enough to hide the cost of a round trip, small enough to keep order cheap


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input: its analysis, or the reason it failed."""

    source: str
    analysis: Analysis | None = None
    error: str | None = None
    internal: bool = False  # a bug rather than bad input
    trace: str = ""  # the formatted traceback of an internal error


def analyze_one(item: Item, backend: NerBackend, *, keep_trace: bool = False,
                keep_unattributed: bool = False) -> Outcome:
    """Never raises for one bad article: errors become an Outcome (unless ``keep_trace`` asks to see them)."""
    from extract.errors import ExtractError
    from extract.io import InputFailure
    from extract.pipeline import analyze

    if isinstance(item, InputFailure):
        return Outcome(item.source, error=item.reason)
    try:
        return Outcome(item.id, analyze(item, ner=backend, keep_unattributed=keep_unattributed))
    except ExtractError as err:
        return Outcome(item.id, error=str(err))
    except Exception as err:  # a bug must not lose the rest of the batch
        return Outcome(item.id, error=f"internal error: {type(err).__name__}: {err}", internal=True,
                       trace=tb.format_exc() if keep_trace else "")


class Analyses:
    """The analyses of the inputs that could be read, in input order; each failure is reported on stderr
    (``aqwal: INPUT: reason``) and counted in ``failed``, so that a command can end with exit code 1."""

    def __init__(self, items: Iterable[Item], backend: NerBackend) -> None:
        self.items, self.backend, self.failed = items, backend, 0

    def __iter__(self) -> Iterator[Analysis]:
        from .errors import report

        for outcome in run(self.items, self.backend):
            if outcome.analysis is None:
                self.failed += 1
                report(outcome.source, outcome.error or "failed")
            else:
                yield outcome.analysis


# --------------------------------------------------------------------------- worker side


def _fast_pickling() -> None:
    """Pickle the model's dataclasses as constructor calls: half the cost of the default for frozen slots
    classes, which matters for the thousand tokens an article sends back from a worker."""
    import copyreg
    import dataclasses

    from extract import model

    for cls in vars(model).values():
        if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == model.__name__:
            fields = dataclasses.fields(cls)
            if all(f.init for f in fields) and cls not in copyreg.dispatch_table:
                names = tuple(f.name for f in fields)
                copyreg.pickle(cls, lambda obj, cls=cls, names=names: (cls, tuple([getattr(obj, n) for n in names])))

_backend: Any = None


def _init_worker(backend: Any) -> None:
    """Runs once per worker: the backend comes inherited (fork) or is loaded by name (spawn)."""
    global _backend
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _fast_pickling()
    from threadpoolctl import threadpool_limits

    # The workers are the parallelism: numpy's BLAS threads on top of them (one per core each) fight over
    # the cores; with the neural tagger, 1,000 news articles took 30 s at --jobs 2 against 20 s at --jobs 1.
    threadpool_limits(limits=1)
    if isinstance(backend, str):
        from extract.ner import get_backend

        backend = get_backend(backend)
    _backend = backend


def _work(chunk: list[Item], keep_trace: bool, keep_unattributed: bool) -> list[Outcome]:
    outcomes = [analyze_one(item, _backend, keep_trace=keep_trace, keep_unattributed=keep_unattributed)
                for item in chunk]
    # the parent writes quotes, entities and speakers: tokens and sentences, most of an analysis' pickle,
    # stay here (sending them costs the parent more time than writing the record)
    return [replace(o, analysis=replace(o.analysis, tokens=(), sentences=())) if o.analysis is not None else o
            for o in outcomes]


# --------------------------------------------------------------------------- parent side


def run(items: Iterable[Item], backend: NerBackend, *, jobs: int = 1, keep_trace: bool = False,
        keep_unattributed: bool = False, chunk: int = CHUNK) -> Iterator[Outcome]:
    """One Outcome per input, in input order, streaming.

    With ``jobs > 1`` at most ``2 * jobs`` chunks are in flight, so memory stays flat however long the
    input is: items are pulled from ``items`` only as results go out.
    """
    if jobs <= 1:
        for item in items:
            yield analyze_one(item, backend, keep_trace=keep_trace, keep_unattributed=keep_unattributed)
        return
    source = iter(items)
    first = list(islice(source, chunk))
    if len(first) < chunk:  # a handful of articles: starting workers would cost more than it saves
        for item in first:
            yield analyze_one(item, backend, keep_trace=keep_trace, keep_unattributed=keep_unattributed)
        return
    _warm_up()
    _fast_pickling()
    pool = _Pool(backend, jobs, keep_trace, keep_unattributed)
    pending: deque[tuple[list[Item], Future[list[Outcome]]]] = deque([(first, pool.submit(first))])
    try:
        while True:
            while len(pending) < 2 * jobs:
                batch = list(islice(source, chunk))
                if not batch:
                    break
                pending.append((batch, pool.submit(batch)))
            if not pending:
                return
            batch, future = pending.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                outcomes = pool.isolate(batch)
                # every other chunk in flight died with the pool: send them to the new one
                pending = deque((b, pool.submit(b)) for b, _ in pending)
            yield from outcomes
    finally:
        pool.shutdown()


class _Pool:
    """A process pool that can be rebuilt when a worker dies (a crash, the OOM killer)."""

    def __init__(self, backend: NerBackend, jobs: int, keep_trace: bool, keep_unattributed: bool = False) -> None:
        methods = multiprocessing.get_all_start_methods()
        # fork shares the loaded backend and warm caches with the workers; elsewhere they load it by name
        self.context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.init_arg: Any = backend if self.context.get_start_method() == "fork" else backend.name
        self.jobs = jobs
        self.flags = (keep_trace, keep_unattributed)
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.jobs, mp_context=self.context, initializer=_init_worker,
                                   initargs=(self.init_arg,))

    def submit(self, batch: list[Item]) -> Future[list[Outcome]]:
        try:
            return self.executor.submit(_work, batch, *self.flags)
        except BrokenProcessPool:
            self.restart()
            return self.executor.submit(_work, batch, *self.flags)

    def restart(self) -> None:
        self.shutdown()
        self.executor = self._new()

    def isolate(self, batch: list[Item]) -> list[Outcome]:
        """Retry a chunk that was in flight when a worker died, one article at a time, to find the culprit."""
        from extract.io import InputFailure

        outcomes = []
        for item in batch:
            self.restart()
            try:
                outcomes.extend(self.executor.submit(_work, [item], *self.flags).result())
            except BrokenProcessPool:
                source = item.source if isinstance(item, InputFailure) else item.id
                outcomes.append(Outcome(source, error="worker process died (crash or out of memory)", internal=True))
        self.restart()
        return outcomes

    def shutdown(self, grace: float = 3.0) -> None:
        """Stop the workers: let them finish the chunk in hand, then terminate any still busy.

        Terminating at once could kill a worker half-way through writing a result, which leaves the
        executor's reader thread blocked for ever and hangs the interpreter at exit.
        """
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        deadline = time.monotonic() + grace
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
        for process in processes:
            if process.is_alive():  # deep in a long article (workers ignore SIGINT)
                process.terminate()
                process.join(1)


def _warm_up() -> None:
    """Load lexicons and the tokenizer before forking, so that every worker starts warm."""
    from extract.pipeline import analyze

    class _NoNer:
        name = "none"

        def __call__(self, text: str, tokens: object) -> tuple[()]:
            return ()

    analyze("قال الوزير: «نعم».", ner=_NoNer())


# --------------------------------------------------------------------------- the extract command's loop


@dataclass(slots=True)
class Stats:
    articles: int = 0
    quotes: int = 0
    entities: int = 0
    failures: int = 0
    started: float = field(default_factory=time.perf_counter)

    def add(self, outcome: Outcome) -> None:
        self.articles += 1
        if outcome.analysis is None:
            self.failures += 1
        else:
            self.quotes += len(outcome.analysis.quotes)
            self.entities += len(outcome.analysis.entities)

    def line(self) -> str:
        seconds = time.perf_counter() - self.started
        rate = f" ({self.articles / seconds:.0f} articles/s)" if seconds > 0 and self.articles > 1 else ""
        counts = [_n(self.articles, "article"), _n(self.quotes, "quote"), _n(self.entities, "entity", "entities")]
        return f"{', '.join(counts)}, {self.failures} failed in {seconds:.1f} s{rate}"


def _n(count: int, one: str, many: str = "") -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def extract_all(items: Iterable[Item], writer: Writer, backend: NerBackend, *, jobs: int = 1,
                fail_fast: bool = False, traceback: bool = False, quiet: bool = False,
                keep_unattributed: bool = False) -> int:
    """Analyze, write and report every input; returns the exit code (0, 1 when anything failed, 130).

    Each failure is one ``aqwal: INPUT: reason`` line on stderr and an error record in the output; a
    summary line ends the run on stderr unless ``quiet``.
    """
    from .errors import ExitCode, report

    stats = Stats()
    show_bar = not quiet and _is_tty(sys.stderr) and not _is_tty(sys.stdout)
    code = ExitCode.OK
    try:
        with _progress(show_bar) as advance, closing(run(items, backend, jobs=jobs, keep_trace=traceback,
                                                         keep_unattributed=keep_unattributed)) as outcomes:
            for outcome in outcomes:
                stats.add(outcome)
                if outcome.analysis is not None:
                    writer.write(outcome.analysis)
                else:
                    reason = outcome.error or "failed"
                    if outcome.internal and traceback:
                        if outcome.trace:
                            sys.stderr.write(outcome.trace)
                        raise SystemExit(ExitCode.ERROR)
                    report(outcome.source, reason + (" (re-run with --traceback)" if outcome.internal else ""))
                    writer.error(outcome.source, reason)
                advance(stats)
                if stats.failures and fail_fast:
                    break
    except KeyboardInterrupt:
        report("", "interrupted")
        code = ExitCode.INTERRUPTED
    except BrokenPipeError:  # the reader has gone (| head): nothing more to say to anyone
        _drop_stdout()
        return int(ExitCode.OK)
    finally:
        try:
            writer.close()
        except BrokenPipeError:
            _drop_stdout()
    if not quiet:
        print(f"aqwal: {stats.line()}", file=sys.stderr, flush=True)
    if code == ExitCode.OK and stats.failures:
        code = ExitCode.ERROR
    return int(code)


def _drop_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _is_tty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class _progress:
    """A Rich progress line on stderr (count and rate: the total is unknown while streaming)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bar: Any = None

    def __enter__(self) -> Any:
        if not self.enabled:
            return lambda stats: None
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                            console=Console(stderr=True), transient=True, redirect_stderr=True)
        self.bar.start()
        task = self.bar.add_task("reading…", total=None)
        last = [0.0]

        def advance(stats: Stats) -> None:
            now = time.perf_counter()
            if now - last[0] >= 0.1:  # redrawing per article would cost more than small articles do
                last[0] = now
                self.bar.update(task, description=f"{stats.articles} articles, {stats.quotes} quotes, "
                                                  f"{stats.failures} failed")

        return advance

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def default_jobs() -> int:
    """``--jobs 0``: one worker per CPU this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
