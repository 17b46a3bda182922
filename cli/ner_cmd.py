"""CLI commands for the NER model: ``aqwal train-ner`` and ``aqwal eval ner``."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from .options import DEFAULT_NER

eval_app = typer.Typer(help="Score aqwal components against gold data.", no_args_is_help=True)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"


def _fail(path: object, reason: str) -> NoReturn:
    """One line on stderr and exit 1: user mistakes never show a traceback."""
    print(f"aqwal: {path}: {reason}", file=sys.stderr)
    raise typer.Exit(1)


def _check_file(path: Path) -> None:
    if not path.exists():
        _fail(path, "no such file")
    if not path.is_file():
        _fail(path, "not a file")


def _read_gold(path: Path) -> list[tuple[list[str], list[str]]]:
    from extract.ner.evaluate import ConllFormatError, read_conll

    _check_file(path)
    try:
        return read_conll(path)
    except ConllFormatError as exc:
        _fail(path, str(exc))
    except UnicodeDecodeError:
        _fail(path, "not UTF-8 text")
    except OSError as exc:
        _fail(path, exc.strerror or str(exc))


def train_ner(
    train: Annotated[list[Path], typer.Option("--train", help="CoNLL training file (TOKEN TAG per line); repeatable.")],
    out: Annotated[Path, typer.Option("--out", help="Model file to write; clusters and gazetteer go beside it.")],
    dev: Annotated[list[Path] | None,
                   typer.Option("--dev", help="CoNLL file scored after training; repeatable.")] = None,
    corpus: Annotated[Path | None, typer.Option("--corpus", help="news.jsonl.gz to build word clusters from.")] = None,
    gazetteer: Annotated[Path | None, typer.Option("--gazetteer", help="ANERGazet folder to compile.")] = None,
    dev_fraction: Annotated[float,
                            typer.Option(help="Also hold out this last fraction of the training sentences.")] = 0.0,
    c1: Annotated[float, typer.Option(help="L1 regularization.")] = 0.02,
    c2: Annotated[float, typer.Option(help="L2 regularization.")] = 0.05,
    max_iter: Annotated[int, typer.Option(help="L-BFGS iterations.")] = 250,
    min_freq: Annotated[int, typer.Option(
        "--min-freq", min=1, help="Drop features seen fewer times than this in the training data.")] = 1,
    identity_dropout: Annotated[float, typer.Option(
        help="Also train on a copy where this share of tokens lose their word-identity features.")] = 0.0,
) -> None:
    """Train the built-in CRF NER model.

    Word clusters are rebuilt when --corpus is given and the gazetteer when --gazetteer is given;
    otherwise the shipped ones are reused (copied beside the new model).

    Example: aqwal train-ner --train ANERCorp_CamelLab_train.txt --gazetteer anergazet --out extract/data/ner-crf.npz
    """
    from extract.ner.evaluate import ConllFormatError
    from extract.ner.train import train as run_train

    for path in [*train, *(dev or [])]:
        _check_file(path)
    for path in (corpus,):
        if path is not None:
            _check_file(path)
    if gazetteer is not None and not gazetteer.is_dir():
        _fail(gazetteer, "not a folder")
    if not 0.0 <= dev_fraction < 1.0:
        _fail("--dev-fraction", "must be in [0, 1)")
    if not 0.0 <= identity_dropout <= 1.0:
        _fail("--identity-dropout", "must be in [0, 1]")
    err = Console(stderr=True)
    try:
        summary = run_train(train, dev or [], out, corpus=corpus, gazetteer_dir=gazetteer, dev_fraction=dev_fraction,
                            c1=c1, c2=c2, max_iterations=max_iter, min_freq=min_freq,
                            identity_dropout=identity_dropout,
                            log=lambda m: err.print(m, highlight=False))
    except ConllFormatError as exc:
        _fail("training data", str(exc))
    except OSError as exc:
        _fail(getattr(exc, "filename", None) or out, exc.strerror or str(exc))
    if "dev" in summary:
        _print_scores({k: v for k, v in summary["dev"].items()}, "dev", OutputFormat.table)


def _print_scores(scores: dict[str, dict[str, float | int]], title: str, fmt: OutputFormat) -> None:
    if fmt is OutputFormat.json:
        print(json.dumps(scores, ensure_ascii=False, indent=2))
        return
    table = Table(title=title)
    for col in ("type", "precision", "recall", "F1", "support"):
        table.add_column(col, justify="left" if col == "type" else "right")
    for kind, s in scores.items():
        table.add_row(kind, f"{s['precision']:.4f}", f"{s['recall']:.4f}", f"{s['f1']:.4f}", str(s["support"]),
                      style="bold" if kind == "micro" else None)
    Console().print(table)


@eval_app.command("ner")
def eval_ner(
    gold: Annotated[Path, typer.Option("--gold", help="Gold CoNLL file: TOKEN TAG lines, blank between sentences.")],
    ner: Annotated[str, typer.Option("--ner", help="Backend: neural (the default), builtin or camel.")] = DEFAULT_NER.value,
    model: Annotated[Path | None, typer.Option(
        "--model", help="Score this model file instead of a backend: a CRF (.npz, or crfsuite's file) or a neural "
                        "model (.npz, from extract.ner.train_neural).", show_default=False)] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="table or json.")] = OutputFormat.table,
    per_text: Annotated[int, typer.Option(
        "--per-text", min=0,
        help="Tag runs of N consecutive sentences as one text, with the pipeline's entity stage (one name, "
             "one type per text), as articles are; 0: each sentence alone.")] = 0,
) -> None:
    """Score an NER backend on a gold CoNLL file: precision, recall and F1 per type and micro.

    Entities are matched exactly, as seqeval's default mode does (a stray I- starts an entity).

    Example: aqwal eval ner --gold ../shared/data/ner/anercorp-camel/ANERCorp_CamelLab_test.txt --ner builtin
    """
    from extract.errors import ExtractError
    from extract.ner import get_backend
    from extract.ner.evaluate import evaluate_backend

    sentences = _read_gold(gold)
    try:
        if model is not None:
            from extract.ner import load_model_file

            _check_file(model)
            backend = load_model_file(model)
        else:
            backend = get_backend(ner)
    except ExtractError as exc:
        _fail("--model" if model else ner, str(exc))  # a model's message names its file
    scores = evaluate_backend(backend, sentences, per_text=per_text)
    where = f"{gold.name}, texts of {per_text} sentences" if per_text else gold.name
    _print_scores({k: v.as_dict() for k, v in scores.items()}, f"NER ({backend.name}) on {where}", fmt)


def register(app: typer.Typer) -> None:
    """Add ``train-ner`` and ``eval ner`` to the main app."""
    app.command("train-ner")(train_ner)
    for group in app.registered_groups:  # another module may already own an `eval` group: join it
        if group.name == "eval" and group.typer_instance is not None:
            group.typer_instance.command("ner")(eval_ner)
            return
    app.add_typer(eval_app, name="eval")
