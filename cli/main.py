"""The ``aqwal`` Typer app. Commands only parse, read, call the library and render."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from .errors import ExitCode, report
from .options import Ascii, FailFast, Fmt, Ner, NerChoice, OutputFormat, Paths, Traceback

app = typer.Typer(
    name="aqwal",
    help="Who said what in Arabic news: quotes, their speakers, and named entities.",
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
    version: Optional[bool] = typer.Option(  # noqa: UP007 - Typer reads the annotation at run time
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
    """The chosen backend; ``auto`` says on stderr why it fell back to the built-in one."""
    from extract.errors import BackendUnavailable
    from extract.ner import get_backend

    if choice is NerChoice.auto:
        from extract.ner.camel import camel_model_path

        if camel_model_path() is not None:
            try:
                return get_backend("camel")
            except BackendUnavailable as err:
                report("ner", f"{err}; using the built-in backend")
        return get_backend("builtin")
    return get_backend(choice.value)


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
    ner: Ner = NerChoice.builtin,
    ascii: Ascii = False,
    fail_fast: FailFast = False,
    traceback: Traceback = False,
    include_text: bool = typer.Option(False, "--text", help="Include the article text in JSON output."),
) -> None:
    """Find every quoted or reported statement, its speaker, and the named entities.

    Example: aqwal extract seeds/ --format jsonl | jq '.quotes[].speaker.canonical'
    """
    from extract.errors import ExtractError
    from extract.io import InputFailure, read_articles
    from extract.pipeline import analyze

    from .output import make_writer

    items = stdin_paths(paths)
    try:
        backend = load_ner(ner)
    except ExtractError as err:
        report("ner", str(err))
        raise typer.Exit(ExitCode.ERROR) from None
    writer = make_writer(resolve_format(fmt), ascii=ascii, include_text=include_text)
    failed = 0
    for item in read_articles(items):
        if isinstance(item, InputFailure):
            failed += 1
            report(item.source, item.reason)
            writer.error(item.source, item.reason)
        else:
            try:
                writer.write(analyze(item, ner=backend))
            except ExtractError as err:
                failed += 1
                report(item.id, str(err))
                writer.error(item.id, str(err))
            except Exception as err:  # a bug must not lose the rest of the batch
                if traceback:
                    raise
                failed += 1
                report(item.id, f"internal error: {type(err).__name__}: {err} (re-run with --traceback)")
                writer.error(item.id, f"internal error: {type(err).__name__}: {err}")
        if failed and fail_fast:
            break
    writer.close()
    if failed:
        raise typer.Exit(ExitCode.ERROR)


def _register_optional() -> None:
    """Commands that live in their own modules."""
    from importlib import import_module

    for module, attr, name in (("cli.backends_cmd", "backends_command", "backends"),):
        try:
            app.command(name)(getattr(import_module(module), attr))
        except (ImportError, AttributeError):
            pass
    for module in ("cli.ner_cmd",):
        try:
            import_module(module).register(app)
        except (ImportError, AttributeError):
            pass


_register_optional()
