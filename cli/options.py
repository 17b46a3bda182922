"""Options shared by the commands, declared once."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

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
    neural = "neural"
    camel = "camel"


Paths = Annotated[
    list[str] | None,
    typer.Argument(help="Article files, directories (read recursively, sorted) or - for standard input.",
                   show_default=False),
]
Fmt = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="Output format; auto is a table on a terminal and JSON Lines when piped."),
]
Ner = Annotated[
    NerChoice,
    typer.Option("--ner", help="NER backend: neural (offline BiLSTM-CRF, shipped; the default), builtin (offline "
                               "CRF, shipped: quicker to load, less memory), camel (camel-tools' model if installed), "
                               "auto (camel when installed, else neural)."),
]
DEFAULT_NER = NerChoice.neural  # extract.ner.DEFAULT_BACKEND, without importing the library at start-up
Ascii = Annotated[bool, typer.Option("--ascii", help="Escape non-ASCII characters in JSON output.")]
FailFast = Annotated[bool, typer.Option("--fail-fast", help="Stop at the first input that fails.")]
Traceback = Annotated[bool, typer.Option("--traceback", help="Show the full traceback of unexpected errors.")]


class InputKind(str, Enum):
    auto = "auto"
    text = "text"
    html = "html"
    jsonl = "jsonl"


Encoding = Annotated[
    str | None,
    typer.Option("--encoding", metavar="NAME",
                 help="Decode inputs with this encoding (e.g. cp1256) instead of detecting it.", show_default=False),
]
InputFormatOpt = Annotated[
    InputKind,
    typer.Option("--input-format", help="How to read inputs; auto goes by suffix (.html, .jsonl) and content."),
]
TextKey = Annotated[str, typer.Option("--text-key", metavar="KEY", help="JSON Lines: the field holding the text.")]
IdKey = Annotated[str, typer.Option("--id-key", metavar="KEY", help="JSON Lines: the id field, echoed as \"id\".")]
TitleKey = Annotated[
    str, typer.Option("--title-key", metavar="KEY", help="JSON Lines: a title field, read as the first paragraph.")
]
MaxBytes = Annotated[
    int,
    typer.Option("--max-bytes", metavar="N", min=1,
                 help="Refuse (as a failed input) any article or JSON line larger than N bytes."),
]
Jobs = Annotated[
    int,
    typer.Option("--jobs", "-j", metavar="N", min=0, help="Worker processes; 0 means one per CPU."),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no closing summary on stderr.")]
SpeakerFilter = Annotated[
    list[str] | None,
    typer.Option("--speaker", help="Keep only quotes by this speaker, in Arabic or Latin script (لافروف, Lavrov, "
                                         "\"de Mistura\"); any spelling variant matches. Repeatable.",
                 show_default=False),
]
