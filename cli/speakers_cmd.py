"""``aqwal speakers``: one row per canonical speaker over a run; and the ``--speaker`` filter of ``extract``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .errors import ExitCode
from .options import DEFAULT_NER, Ner, Paths

if TYPE_CHECKING:
    from extract.canon import SpeakerEntry, SpeakerIndex
    from extract.model import Analysis

    from .output import Writer


class SpeakersFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def filter_analysis(analysis: Analysis, queries: Iterable[str] | None) -> Analysis:
    """The analysis with only the quotes of speakers matching a query; the article record itself stays."""
    from extract.canon import filter_quotes

    return filter_quotes(analysis, queries or ())


class SpeakerWriter:
    """Wraps an output writer: gives every speaker its run-wide id, canonical name and Latin form, then
    keeps only the quotes of the ``--speaker`` queries.

    Names are the canonical ones *at the time* an article is written (ids are stable within the run;
    a later article may still reveal a fuller spelling, which ``aqwal speakers`` reports). Every
    article keeps its record, with its quotes filtered, so that records and inputs stay one to one.
    """

    def __init__(self, inner: Writer, queries: Iterable[str] | None = None, index: SpeakerIndex | None = None) -> None:
        from extract.canon import SpeakerIndex

        self.inner = inner
        self.queries = [q for q in (queries or ()) if q.strip()]
        self.index = index if index is not None else SpeakerIndex(keep_quotes=False)

    def write(self, analysis: Analysis) -> None:
        self.inner.write(filter_analysis(self.index.add(analysis), self.queries))

    def error(self, source: str, reason: str) -> None:
        self.inner.error(source, reason)

    def close(self) -> None:
        self.inner.close()


def speaker_writer(writer: Writer, queries: Iterable[str] | None = None) -> Writer:
    """The hook for ``extract``: ``writer = speaker_writer(writer, speaker)``."""
    return SpeakerWriter(writer, queries)


def entry_record(entry: SpeakerEntry) -> dict[str, Any]:
    """One canonical speaker as JSON: names, counts and every quote (text, source, cue, kind)."""
    return {
        "id": entry.id,
        "name": entry.name,
        "type": entry.type,
        "latin": entry.latin or None,
        "spellings": list(entry.spellings),
        "forms": list(entry.forms),
        "n_quotes": entry.quotes,
        "n_articles": len(entry.articles),
        "articles": list(entry.articles),
        "quotes": [
            {"text": q.text, "source": q.source, "cue": q.cue, "kind": q.kind, "start": q.start, "end": q.end}
            for q in entry.quote_refs
        ],
    }


def _print_table(entries: list[SpeakerEntry]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(entries)} speakers", show_lines=True, expand=True)
    table.add_column("ID", no_wrap=True)
    table.add_column("Speaker", justify="right", ratio=3, overflow="fold")
    table.add_column("Type")
    table.add_column("Latin", ratio=2, overflow="fold")
    table.add_column("Spellings seen", justify="right", ratio=4, overflow="fold")
    table.add_column("Quotes", justify="right")
    table.add_column("Articles", justify="right")
    for e in entries:
        table.add_row(e.id, Text(e.name), e.type, Text(e.latin), Text("، ".join(e.spellings or e.forms)),
                      str(e.quotes), str(len(e.articles)))
    Console(highlight=False).print(table)


def speakers_command(
    paths: Paths = None,
    fmt: Annotated[SpeakersFormat, typer.Option("--format", "-f", help="table, jsonl (one speaker per line, "
                                                "with their quotes) or json.")] = SpeakersFormat.table,
    ner: Ner = DEFAULT_NER,
) -> None:
    """List the speakers of all the articles, one row per person or organization, most quoted first.

    Spelling variants across articles (سيرجي/سيرغي لافروف، دي ميستورا/دي مستورا) are one speaker;
    different people who share a surname are not merged. Unnamed sources are listed per article.

    Example: aqwal speakers articles/ --format jsonl | jq 'select(.latin == "Sergey Lavrov") | .quotes[].text'
    """
    from extract.canon import SpeakerIndex
    from extract.io import read_articles

    from . import main as cli_main
    from .batch import Analyses

    items = cli_main.stdin_paths(paths)
    backend = cli_main.ner_or_exit(ner)
    analyses = Analyses(read_articles(items), backend)
    index = SpeakerIndex()
    for analysis in analyses:
        index.add(analysis)
    entries = index.speakers()
    if fmt is SpeakersFormat.table:
        _print_table(entries)
    elif fmt is SpeakersFormat.json:
        print(json.dumps([entry_record(e) for e in entries], ensure_ascii=False, indent=1))
    else:
        for e in entries:
            sys.stdout.write(json.dumps(entry_record(e), ensure_ascii=False) + "\n")
    sys.stdout.flush()
    if analyses.failed:
        raise typer.Exit(ExitCode.ERROR)
