"""``aqwal eval quotes``: run the extraction on articles and score it against gold quote annotations."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from .errors import ExitCode, report
from .options import DEFAULT_NER, Ner, Paths


class ScoreFormat(str, Enum):
    table = "table"
    json = "json"


def _print_table(result: dict[str, Any], title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for col in ("measure", "precision", "recall", "F1"):
        table.add_column(col, justify="left" if col == "measure" else "right")
    for label, key in (("detection", "detection"), ("end-to-end", "end_to_end"), ("entities", "entities")):
        s = result[key]
        table.add_row(label, f"{s['p']:.3f}", f"{s['r']:.3f}", f"{s['f1']:.3f}", style="bold" if key == "end_to_end" else None)
    console = Console(highlight=False)
    console.print(table)
    console.print(
        f"attribution accuracy {result['attribution_accuracy']:.3f} ({result['speaker_right']}/{result['matched']} "
        f"matched quotes) · gold {result['gold_quotes']} · predicted {result['pred_quotes']} · "
        f"untyped entity F1 {result['entities']['untyped_f1']:.3f}"
        + (f" · articles with no output: {result['missing_articles']}" if result["missing_articles"] else "")
    )


def eval_quotes_command(
    gold: Annotated[Path, typer.Option("--gold", help="Gold annotations, JSON Lines in the GOLD_FORMAT.md format.")],
    paths: Paths = None,
    ner: Ner = DEFAULT_NER,
    fmt: Annotated[ScoreFormat, typer.Option("--format", "-f", help="table or json.")] = ScoreFormat.table,
) -> None:
    """Score quote detection, speaker attribution and entities against gold annotations.

    Articles are matched to gold records by file name; scoring is that of the shared scorer
    (Dice ≥ 0.5 one to one, speaker right when a gold form is inside the predicted speaker).

    Example: aqwal eval quotes --gold ../shared/eval/seeds/gold.jsonl ../shared/eval/seeds/articles/
    """
    from extract.canon import SpeakerIndex
    from extract.evaluate_quotes import GoldFormatError, key_records, read_gold, score
    from extract.io import read_articles
    from extract.serialize import to_record

    from . import main as cli_main
    from .batch import Analyses

    if not gold.is_file():
        report(str(gold), "no such file" if not gold.exists() else "not a file")
        raise typer.Exit(ExitCode.ERROR)
    try:
        golds = read_gold(gold)
    except GoldFormatError as err:
        report(str(gold), str(err))
        raise typer.Exit(ExitCode.ERROR) from None
    except UnicodeDecodeError:
        report(str(gold), "not UTF-8 text")
        raise typer.Exit(ExitCode.ERROR) from None
    items = cli_main.stdin_paths(paths)
    backend = cli_main.ner_or_exit(ner)
    index = SpeakerIndex(keep_quotes=False)  # score what ``extract`` prints: canonical names included
    analyses = Analyses(read_articles(items), backend)
    records = [to_record(index.add(analysis)) for analysis in analyses]
    result = score(golds, key_records(records))
    if fmt is ScoreFormat.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        _print_table(result, f"quotes ({backend.name}) against {gold.name}")
    if analyses.failed:
        raise typer.Exit(ExitCode.ERROR)
