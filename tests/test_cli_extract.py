"""The ``aqwal extract`` command and the app's help: formats, errors on stderr, exit codes, lazy imports."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import command_paths
from typer.testing import CliRunner

import cli.main
from cli.main import app
from extract import __version__

REPO_ROOT = Path(__file__).resolve().parent.parent

ARTICLE_1 = (
    "قال وزير الخارجية الروسي سيرجي لافروف اليوم إن موسكو مستعدة لاستئناف المحادثات مع واشنطن.\n"
    "وأضاف: «لن نسمح بتقسيم سوريا»."
)
ARTICLE_2 = "قال مسؤول أميركي إن واشنطن تدرس فرض عقوبات جديدة على طهران."
ARTICLE_3 = "انعقد الاجتماع في جنيف دون أي تصريحات."  # no statement at all


COMMANDS = command_paths()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(autouse=True)
def fake_backend(monkeypatch: pytest.MonkeyPatch, fake_ner):  # type: ignore[no-untyped-def]
    """The CLI's NER is the fake backend: the shipped model may not exist yet."""
    monkeypatch.setattr(cli.main, "load_ner", lambda choice: fake_ner)
    return fake_ner


@pytest.fixture
def articles(tmp_path: Path) -> list[Path]:
    paths = []
    for name, text in (("001.txt", ARTICLE_1), ("002.txt", ARTICLE_2), ("003.txt", ARTICLE_3)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _invoke(runner: CliRunner, args: list[str], **kwargs):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args], **kwargs)


def test_jsonl_one_object_per_article(runner: CliRunner, articles: list[Path]) -> None:
    result = _invoke(runner, ["extract", "-f", "jsonl", *articles])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == [str(p) for p in articles]
    assert [len(r["quotes"]) for r in records] == [2, 1, 0]
    assert records[0]["quotes"][1]["kind"] == "direct"
    assert records[0]["quotes"][1]["speaker"]["canonical"] == "سيرجي لافروف"
    assert records[1]["quotes"][0]["speaker"]["text"] == "مسؤول أميركي"
    assert "Traceback" not in result.stderr


def test_without_ner_the_commands_use_the_librarys_default_backend(runner: CliRunner, articles: list[Path],
                                                                   monkeypatch: pytest.MonkeyPatch,
                                                                   fake_ner) -> None:  # type: ignore[no-untyped-def]
    from extract.ner import DEFAULT_BACKEND

    chosen = []
    monkeypatch.setattr(cli.main, "load_ner", lambda choice: chosen.append(choice.value) or fake_ner)
    for command in (["extract", "-f", "jsonl"], ["speakers", "-f", "jsonl"]):
        result = _invoke(runner, [*command, articles[0]])
        assert result.exit_code == 0, result.stderr
    assert chosen == [DEFAULT_BACKEND, DEFAULT_BACKEND] and DEFAULT_BACKEND == "neural"


def test_jsonl_keeps_arabic_unescaped_unless_ascii(runner: CliRunner, articles: list[Path]) -> None:
    plain = _invoke(runner, ["extract", "-f", "jsonl", articles[1]])
    assert "مسؤول أميركي" in plain.stdout
    escaped = _invoke(runner, ["extract", "-f", "jsonl", "--ascii", articles[1]])
    assert escaped.stdout.isascii()
    assert json.loads(escaped.stdout) == json.loads(plain.stdout)


def test_directory_is_read_in_sorted_order(runner: CliRunner, articles: list[Path]) -> None:
    result = _invoke(runner, ["extract", "-f", "jsonl", articles[0].parent])
    assert result.exit_code == 0, result.stderr
    sources = [Path(json.loads(line)["source"]).name for line in result.stdout.splitlines()]
    assert sources == ["001.txt", "002.txt", "003.txt"]


def test_stdin(runner: CliRunner) -> None:
    result = _invoke(runner, ["extract", "-f", "jsonl", "-"], input=ARTICLE_2)
    assert result.exit_code == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["source"] == "<stdin>"
    assert record["quotes"][0]["text"] == "واشنطن تدرس فرض عقوبات جديدة على طهران"


def test_json_is_one_array(runner: CliRunner, articles: list[Path]) -> None:
    result = _invoke(runner, ["extract", "--format", "json", *articles])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, list)
    assert [r["source"] for r in data] == [str(p) for p in articles]


def test_json_with_no_article_is_an_empty_array(runner: CliRunner, tmp_path: Path) -> None:
    result = _invoke(runner, ["extract", "-f", "json", tmp_path])  # an empty folder
    assert json.loads(result.stdout) == []


def test_csv_header_and_one_row_per_quote(runner: CliRunner, articles: list[Path]) -> None:
    result = _invoke(runner, ["extract", "-f", "csv", *articles])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    header, body = rows[0], rows[1:]
    assert header[0] in ("source", "article")
    assert "text" in header and "speaker" in header
    assert [row[0] for row in body] == [str(articles[0])] * 2 + [str(articles[1])]
    text_col = header.index("text")
    assert body[2][text_col] == "واشنطن تدرس فرض عقوبات جديدة على طهران"


def test_missing_file_is_reported_and_the_rest_processed(runner: CliRunner, articles: list[Path],
                                                         tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = _invoke(runner, ["extract", "-f", "jsonl", articles[0], missing, articles[1]])
    assert result.exit_code == 1
    assert f"aqwal: {missing}: no such file" in result.stderr.splitlines()
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    records = [json.loads(line) for line in result.stdout.splitlines()]
    good = [r for r in records if "error" not in r]
    assert [r["source"] for r in good] == [str(articles[0]), str(articles[1])]
    assert all(r["quotes"] for r in good)


def test_missing_file_alone(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = _invoke(runner, ["extract", "-f", "csv", missing])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"aqwal: {missing}: no such file"
    assert "Traceback" not in result.stderr


def test_bad_format_is_a_usage_error(runner: CliRunner, articles: list[Path]) -> None:
    result = _invoke(runner, ["extract", "-f", "yaml", articles[0]])
    assert result.exit_code == 2
    assert result.stdout == ""


@pytest.mark.parametrize("flag", ["-h", "--help"])
@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_help_on_every_command(runner: CliRunner, command: tuple[str, ...], flag: str) -> None:
    result = _invoke(runner, [*command, flag])
    assert result.exit_code == 0, result.stderr
    assert "Usage" in result.stdout
    assert "Example" in result.stdout and "aqwal " in result.stdout


def test_expected_commands_are_registered() -> None:
    assert ("extract",) in COMMANDS


def test_app_help_shows_an_example(runner: CliRunner) -> None:
    result = _invoke(runner, ["--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout


def test_app_help_lists_commands(runner: CliRunner) -> None:
    result = _invoke(runner, ["-h"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command[0] in result.stdout


def test_version(runner: CliRunner) -> None:
    result = _invoke(runner, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"aqwal {__version__}"


_CHECK_IMPORTS = """
import sys
from typer.testing import CliRunner
from cli.main import app
result = CliRunner().invoke(app, sys.argv[1:])
assert result.exit_code == 0, result.output
heavy = sorted(m for m in sys.modules if m == "torch" or m.startswith(("torch.", "camel_tools.ner", "transformers")))
print(",".join(heavy))
"""


@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"], ["--version"]])
def test_help_does_not_import_heavy_modules(args: list[str]) -> None:
    done = subprocess.run([sys.executable, "-c", _CHECK_IMPORTS, *args], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
