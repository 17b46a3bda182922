"""The ``aqwal`` Typer app. Commands only parse, read, call the library and render."""

from __future__ import annotations

import sys

import typer

from .errors import ExitCode, report
from .options import (
    DEFAULT_NER,
    Ascii,
    Encoding,
    FailFast,
    Fmt,
    IdKey,
    InputFormatOpt,
    InputKind,
    Jobs,
    MaxBytes,
    Ner,
    NerChoice,
    OutputFormat,
    Paths,
    Quiet,
    SpeakerFilter,
    TextKey,
    TitleKey,
    Traceback,
)

app = typer.Typer(
    name="aqwal",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from extract import __version__

        print(f"aqwal {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool | None = typer.Option(  # noqa: UP007 - Typer reads the annotation at run time
        None, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Who said what in Arabic news: quotes, their speakers, and named entities.

    Example: aqwal extract articles/ --format jsonl > quotes.jsonl
    """


def resolve_format(fmt: OutputFormat) -> str:
    if fmt is OutputFormat.auto:
        return "table" if sys.stdout.isatty() else "jsonl"
    return fmt.value


def load_ner(choice: NerChoice):  # type: ignore[no-untyped-def]
    """The chosen backend; ``auto`` says on stderr why it fell back to the default one."""
    from extract.errors import BackendUnavailable
    from extract.ner import get_backend

    if choice is NerChoice.auto:
        from extract.ner.camel import camel_model_path

        if camel_model_path() is not None:
            try:
                return get_backend("camel")
            except BackendUnavailable as err:
                report("ner", f"{err}; using the {DEFAULT_NER.value} backend")
        return get_backend(DEFAULT_NER.value)
    return get_backend(choice.value)


def ner_or_exit(choice: NerChoice):  # type: ignore[no-untyped-def]
    """The chosen backend, or one line on stderr and exit 1 when it cannot load."""
    from extract.errors import ExtractError

    try:
        return load_ner(choice)
    except ExtractError as err:
        report("ner", str(err))
        raise typer.Exit(ExitCode.ERROR) from None


def stdin_paths(paths: list[str] | None) -> list[str]:
    if paths:
        return paths
    if sys.stdin is None or sys.stdin.isatty():
        report("", "no input: give files or directories, or pipe text with -")
        raise typer.Exit(ExitCode.USAGE)
    return ["-"]


@app.command()
def extract(
    paths: Paths = None,
    fmt: Fmt = OutputFormat.auto,
    ner: Ner = DEFAULT_NER,
    ascii: Ascii = False,
    fail_fast: FailFast = False,
    traceback: Traceback = False,
    include_text: bool = typer.Option(False, "--text", help="Include the article text in JSON output."),
    encoding: Encoding = None,
    input_format: InputFormatOpt = InputKind.auto,
    text_key: TextKey = "text",
    id_key: IdKey = "id",
    title_key: TitleKey = "title",
    max_bytes: MaxBytes = 20_000_000,
    jobs: Jobs = 1,
    quiet: Quiet = False,
    speaker: SpeakerFilter = None,
    unattributed: bool = typer.Option(
        False, "--unattributed", help="Also list statements whose speaker could not be found (speaker null)."
    ),
) -> None:
    """Find every quoted or reported statement, its speaker, and the named entities.

    Reads text in any common encoding, HTML pages and JSON Lines; a bad input is reported and skipped.

    Example: aqwal extract seeds/ --format jsonl | jq '.quotes[].speaker.canonical'
    """
    import codecs

    from extract.io import ReadOptions, read_articles

    from .batch import default_jobs, extract_all
    from .output import make_writer
    from .speakers_cmd import speaker_writer

    if encoding is not None:
        try:
            encoding = codecs.lookup(encoding).name
        except LookupError:
            report("", f"unknown encoding {encoding!r} (try utf-8, cp1256, iso-8859-6, utf-16)")
            raise typer.Exit(ExitCode.USAGE) from None
    items = stdin_paths(paths)
    backend = ner_or_exit(ner)
    kind = input_format.value
    options = ReadOptions(encoding, max_bytes, text_key, id_key, title_key, kind)  # type: ignore[arg-type]
    writer = speaker_writer(make_writer(resolve_format(fmt), ascii=ascii, include_text=include_text), speaker)
    code = extract_all(read_articles(items, options), writer, backend, jobs=jobs or default_jobs(),
                       fail_fast=fail_fast, traceback=traceback, quiet=quiet,
                       keep_unattributed=unattributed)
    if code:
        raise typer.Exit(code)


# Commands in their own modules; each imports its heavy dependencies inside the command body.
from . import ner_cmd  # noqa: E402
from .backends_cmd import backends_command  # noqa: E402
from .evalquotes_cmd import eval_quotes_command  # noqa: E402
from .speakers_cmd import speakers_command  # noqa: E402

app.command("speakers")(speakers_command)
app.command("backends")(backends_command)
ner_cmd.eval_app.command("quotes")(eval_quotes_command)
ner_cmd.register(app)
