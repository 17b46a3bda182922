"""The README names every CLI command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from cli.main import app

README = Path(__file__).resolve().parent.parent / "README.md"


def _command_paths() -> list[str]:
    def walk(command, path: tuple[str, ...]):  # type: ignore[no-untyped-def]
        subs = getattr(command, "commands", None)
        if subs:
            for name, sub in subs.items():
                yield from walk(sub, (*path, name))
        else:
            yield " ".join(path)

    return list(walk(typer.main.get_command(app), ()))


@pytest.mark.parametrize("command", _command_paths())
def test_command_is_in_readme(command: str) -> None:
    if not README.is_file():
        pytest.skip("README.md not written yet")
    text = README.read_text(encoding="utf-8")
    assert re.search(rf"\baqwal {re.escape(command)}\b", text), f"`aqwal {command}` is not in README.md"
