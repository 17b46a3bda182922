"""``aqwal backends``: which NER backends load on this machine, and why the others do not."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass
from enum import Enum
from typing import Annotated

import typer

from .options import DEFAULT_NER


class BackendsFormat(str, Enum):
    auto = "auto"
    table = "table"
    tsv = "tsv"
    json = "json"


@dataclass(frozen=True)
class BackendStatus:
    name: str
    available: bool
    detail: str  # the model it loaded, or why it cannot load and the fix
    auto: bool = False  # the backend ``--ner auto`` would use
    default: bool = False  # the backend used without ``--ner``

    @property
    def status(self) -> str:
        return "available" if self.available else "unavailable"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def probe(name: str) -> BackendStatus:
    """Really load one backend (a model file may exist and still not load); never raises."""
    from extract.errors import BackendUnavailable
    from extract.ner import get_backend

    try:
        backend = get_backend(name)
    except BackendUnavailable as err:
        return BackendStatus(name, False, _one_line(str(err)))
    except ImportError as err:  # e.g. a backend module that is not there yet, or a missing dependency
        return BackendStatus(name, False, _one_line(f"cannot import it ({type(err).__name__}: {err})"))
    except Exception as err:  # a broken backend must not hide the others
        return BackendStatus(name, False, _one_line(f"failed to load ({type(err).__name__}: {err})"))
    where = getattr(backend, "model_dir", None) or getattr(backend, "model_path", None)
    return BackendStatus(name, True, f"model: {where}" if where else "loaded")


def probe_all() -> list[BackendStatus]:
    """Every registered backend, marking the one ``--ner auto`` picks (camel when it loads, else the default)."""
    from extract.ner import BACKENDS

    found = [probe(name) for name in BACKENDS]
    usable = {s.name for s in found if s.available}
    pick = "camel" if "camel" in usable else DEFAULT_NER.value
    return [BackendStatus(s.name, s.available, s.detail, auto=s.name == pick, default=s.name == DEFAULT_NER.value)
            for s in found]


def _print_table(statuses: list[BackendStatus]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title="NER backends")
    table.add_column("Backend")
    table.add_column("Status")
    table.add_column("Detail", overflow="fold")
    for s in statuses:
        marks = [mark for mark, on in (("default", s.default), ("auto", s.auto)) if on]
        name = Text(s.name + (f" ({', '.join(marks)})" if marks else ""))
        status = Text(s.status, style="green" if s.available else "red")
        table.add_row(name, status, Text(s.detail))  # Text: paths and messages are not Rich markup
    Console(highlight=False).print(table)


def backends_command(
    fmt: Annotated[
        BackendsFormat,
        typer.Option("--format", "-f", help="auto is a table on a terminal and name<TAB>status<TAB>detail lines "
                                            "when piped; json is a list of {name, available, status, detail, auto, default}."),
    ] = BackendsFormat.auto,
) -> None:
    """List the NER backends, load each one, and say why any cannot load here and how to fix it.

    "(default)" marks the backend used without --ner, "(auto)" the one --ner auto uses. Loading camel-tools' model
    imports torch: allow a few seconds.

    Exits with status 1 when no backend can load.

    Example: aqwal backends
    """
    statuses = probe_all()
    chosen = fmt.value
    if chosen == "auto":
        chosen = "table" if sys.stdout.isatty() else "tsv"
    if chosen == "json":
        records = [{**asdict(s), "status": s.status} for s in statuses]
        print(json.dumps(records, ensure_ascii=False, indent=1))
    elif chosen == "tsv":
        for s in statuses:
            print(f"{s.name}\t{s.status}\t{s.detail}")  # stable columns for scripts; json says which is auto
    else:
        _print_table(statuses)
    if not any(s.available for s in statuses):
        raise typer.Exit(1)


__all__ = ["BackendStatus", "BackendsFormat", "backends_command", "probe", "probe_all"]
