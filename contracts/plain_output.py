"""When a line can go to stdout as it is, without rich, and come out as rich would print it.

rich takes a good part of a short command's start-up (importing it and making a Console, about
30-40 ms), which `contracts validate` on a clean body would spend to print one plain line into a
pipe. rich prints a line unchanged when it writes no colours (stdout is not a terminal and no
variable forces one) and the line has nothing rich rewrites: no markup brackets, no `:emoji:`
codes, no tabs or control characters, no characters wider or narrower than one cell, and it fits
the width rich wraps at. This module says when all that holds, by rich's own rules (rich 13-15:
`Console.is_terminal` and `Console.size`); anywhere else the caller uses rich.
"""

from __future__ import annotations

import builtins
import os
import sys
from collections.abc import Mapping
from typing import TextIO

# The descriptors rich asks for a terminal size, in its order (stdin, stdout, stderr).
_SIZE_STREAMS = (0, 1, 2)


def _is_terminal(stream: TextIO, environ: Mapping[str, str]) -> bool:
    """rich's `Console.is_terminal` for a console on `stream` (None of rich's Jupyter, Idle or
    forced cases apply to a command-line process; the caller rules Jupyter out)."""
    tty_compatible = environ.get("TTY_COMPATIBLE", "")
    if tty_compatible in ("0", "1"):
        return tty_compatible == "1"
    force_color = environ.get("FORCE_COLOR")
    if force_color is not None:
        return force_color != ""
    isatty = getattr(stream, "isatty", None)
    try:
        return False if isatty is None else bool(isatty())
    except ValueError:  # a closed file (rich's reading too)
        return False


def _width(environ: Mapping[str, str]) -> int:
    """The width rich wraps at on a console that is not a terminal."""
    columns = environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns)
    for descriptor in _SIZE_STREAMS:
        try:
            return os.get_terminal_size(descriptor).columns or 80
        except (AttributeError, ValueError, OSError):  # not a terminal
            continue
    return 80


def _unchanged_by_rich(line: str) -> bool:
    """True when rich's markup, emoji, tab and cell-width handling leave `line` as it is: ASCII
    that prints one cell a character, no brackets (markup), at most one colon (an emoji code is
    `:name:`), no backslash (markup escapes)."""
    return (
        line.isascii()
        and line.isprintable()
        and line.count(":") <= 1
        and not any(c in line for c in "[]\\")
    )


def plain_line_fits(text: str, stream: TextIO | None = None) -> bool:
    """True when rich's default Console would print `text` (one line, no markup) to `stream`
    (default: stdout) byte for byte as `text` + a newline, so plain `write` may stand in for it."""
    stream = sys.stdout if stream is None else stream
    environ = os.environ
    if sys.platform == "win32" or hasattr(builtins, "get_ipython"):
        return False  # rich's legacy Windows console and Jupyter: left to rich
    if _is_terminal(stream, environ):
        return False
    return _unchanged_by_rich(text) and len(text) <= _width(environ)
