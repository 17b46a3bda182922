"""The README names every CLI command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import command_paths

README = Path(__file__).resolve().parent.parent / "README.md"


@pytest.mark.parametrize("command", [" ".join(path) for path in command_paths()])
def test_command_is_in_readme(command: str) -> None:
    if not README.is_file():
        pytest.skip("README.md not written yet")
    text = README.read_text(encoding="utf-8")
    assert re.search(rf"\baqwal {re.escape(command)}\b", text), f"`aqwal {command}` is not in README.md"
