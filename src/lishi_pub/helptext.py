"""``lishi-pub --help`` from the disk cache, and the terminal width argparse would use.

Printing the help took argparse's import and building every subcommand's
parser: two thirds of the command's time beyond the interpreter's own.
The text only changes with lishi-pub's version, Python's (argparse's
wording), the locale (its translations) and the terminal's width, so it is
kept in the cache (:mod:`lishi_pub.cache`) under exactly those, and printed
from there; without a usable cache argparse prints it as always.
"""

from __future__ import annotations

import os
import sys

from . import cache

TYPE_CHECKING = False  # not typing's: importing typing would cost --help a tenth of its time
if TYPE_CHECKING:
    from argparse import ArgumentParser
    from collections.abc import Callable

__all__ = ["columns", "top_help"]

_KIND = "help"
_LOCALE_ENV = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def columns() -> int:
    """``shutil.get_terminal_size().columns``, without importing shutil (bz2, lzma, fnmatch)."""
    try:
        width = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        width = 0
    if width <= 0:
        try:
            width = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            width = 0
    return width or 80


def top_help(build: Callable[[], ArgumentParser]) -> str:
    """The top-level help text: from the cache, else formatted by the parser ``build`` returns."""
    key = (sys.version, columns(), tuple(os.environ.get(k) for k in _LOCALE_ENV))
    stored = cache.load(_KIND, key)
    if stored is not None:
        try:
            return stored.decode("utf-8")
        except UnicodeDecodeError:
            pass
    text = build().format_help()
    cache.store(_KIND, key, text.encode("utf-8"))
    return text
