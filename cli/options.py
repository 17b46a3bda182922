"""Options shared by the commands, declared once."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer


class OutputFormat(str, Enum):
    auto = "auto"
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class NerChoice(str, Enum):
    auto = "auto"
    builtin = "builtin"
    camel = "camel"


Paths = Annotated[
    Optional[list[str]],
    typer.Argument(help="Article files, directories (read recursively, sorted) or - for standard input.",
                   show_default=False),
]
Fmt = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="Output format; auto is a table on a terminal and JSON Lines when piped."),
]
Ner = Annotated[
    NerChoice,
    typer.Option("--ner", help="NER backend: builtin (offline, shipped), camel (camel-tools' model if installed), "
                               "auto (camel when installed, else builtin)."),
]
Ascii = Annotated[bool, typer.Option("--ascii", help="Escape non-ASCII characters in JSON output.")]
FailFast = Annotated[bool, typer.Option("--fail-fast", help="Stop at the first input that fails.")]
Traceback = Annotated[bool, typer.Option("--traceback", help="Show the full traceback of unexpected errors.")]
