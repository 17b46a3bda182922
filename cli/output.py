"""Renderers: a streaming writer per output format. Only data goes to stdout."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any, Protocol, TextIO

from extract.model import Analysis
from extract.serialize import QUOTE_COLUMNS, quote_rows, to_record


class Writer(Protocol):
    def write(self, analysis: Analysis) -> None: ...
    def error(self, source: str, reason: str) -> None: ...
    def close(self) -> None: ...


def error_record(source: str, reason: str) -> dict[str, Any]:
    """The record printed for an input that failed, so that outputs and inputs stay one to one."""
    return {"source": source, "error": reason, "quotes": [], "entities": []}


class JsonLinesWriter:
    def __init__(self, out: TextIO, *, ascii: bool = False, include_text: bool = False) -> None:
        self.out, self.ascii, self.include_text = out, ascii, include_text

    def _emit(self, record: dict[str, Any]) -> None:
        self.out.write(json.dumps(record, ensure_ascii=self.ascii) + "\n")
        self.out.flush()

    def write(self, analysis: Analysis) -> None:
        self._emit(to_record(analysis, include_text=self.include_text))

    def error(self, source: str, reason: str) -> None:
        self._emit(error_record(source, reason))

    def close(self) -> None:
        pass


class JsonArrayWriter(JsonLinesWriter):
    """A JSON array streamed one element at a time."""

    def __init__(self, out: TextIO, **kwargs: Any) -> None:
        super().__init__(out, **kwargs)
        self.count = 0

    def _emit(self, record: dict[str, Any]) -> None:
        self.out.write(("[\n" if self.count == 0 else ",\n") + json.dumps(record, ensure_ascii=self.ascii, indent=1))
        self.out.flush()
        self.count += 1

    def close(self) -> None:
        self.out.write("[]\n" if self.count == 0 else "\n]\n")
        self.out.flush()


class CsvWriter:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.writer = csv.writer(out)
        self.writer.writerow([*QUOTE_COLUMNS, "error"])

    def write(self, analysis: Analysis) -> None:
        for row in quote_rows(analysis):
            self.writer.writerow([*row, ""])
        self.out.flush()

    def error(self, source: str, reason: str) -> None:
        self.writer.writerow([source, *([""] * (len(QUOTE_COLUMNS) - 1)), reason])
        self.out.flush()

    def close(self) -> None:
        pass


class TableWriter:
    """Rich tables: per article, its quotes (speaker, cue, kind, quote) and its entities."""

    def __init__(self, out: TextIO) -> None:
        from rich.console import Console

        self.console = Console(file=out, highlight=False)

    def write(self, analysis: Analysis) -> None:
        from rich.table import Table
        from rich.text import Text

        source = analysis.article.id or "<text>"
        quotes = Table(title=Text(f"{source}: {len(analysis.quotes)} quotes"), show_lines=True, expand=True)
        quotes.add_column("Speaker", justify="right", ratio=2, overflow="fold")
        quotes.add_column("Cue", justify="right", ratio=1, overflow="fold")
        quotes.add_column("Kind", no_wrap=True, min_width=8)  # «indirect» whole, never «indir…»
        quotes.add_column("Quote", justify="right", ratio=6, overflow="fold")
        for q in analysis.quotes:
            speaker = "—"
            if q.speaker is not None:
                speaker = q.speaker.name
                if q.speaker.latin:
                    speaker += f"\n({q.speaker.latin})"
            quotes.add_row(Text(speaker), Text(q.cue.text if q.cue else ""), q.kind, Text(q.content.text))
        self.console.print(quotes)
        entities = Table(title=Text(f"{source}: entities"), expand=True)
        entities.add_column("Entity", justify="right", ratio=3, overflow="fold")
        entities.add_column("Type", no_wrap=True, min_width=4)
        entities.add_column("Mentions", justify="right", no_wrap=True, min_width=8)
        counts: dict[tuple[str, str], int] = {}
        for e in analysis.entities:
            counts[(e.name, e.type)] = counts.get((e.name, e.type), 0) + 1  # للأمم and الأمم: one name
        for (text, kind), n in counts.items():
            entities.add_row(Text(text), kind, str(n))
        self.console.print(entities)

    def error(self, source: str, reason: str) -> None:
        pass  # the message is on stderr already; a table has no place for it

    def close(self) -> None:
        pass


def make_writer(fmt: str, *, ascii: bool = False, include_text: bool = False, out: TextIO | None = None) -> Writer:
    out = out or sys.stdout
    if fmt == "table":
        return TableWriter(out)
    if fmt == "json":
        return JsonArrayWriter(out, ascii=ascii, include_text=include_text)
    if fmt == "csv":
        return CsvWriter(out)
    return JsonLinesWriter(out, ascii=ascii, include_text=include_text)
