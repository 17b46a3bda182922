"""Exit codes and the one-line error format."""

from __future__ import annotations

import sys
from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    INTERRUPTED = 130


def report(where: str, reason: str) -> None:
    """``aqwal: WHERE: REASON`` on stderr, one line, nothing else."""
    reason = " ".join(str(reason).split())
    print(f"aqwal: {where}: {reason}" if where else f"aqwal: {reason}", file=sys.stderr, flush=True)
