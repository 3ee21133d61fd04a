"""Errors a user can act on.

Each carries the process exit status the CLI uses for it, so the mapping from
failure to exit code lives in one place and is documented once (docs/cli.md).
"""

from __future__ import annotations

__all__ = [
    "ExportError",
    "DocumentError",
    "InputError",
    "LishiPubError",
    "OptionError",
    "PluginConflictError",
    "UnknownFormatError",
]


class LishiPubError(Exception):
    """Base class: an expected failure, reported as one line without a traceback."""

    exit_code = 1


class InputError(LishiPubError):
    """An input file is missing, unreadable, empty, binary or undecodable."""

    exit_code = 3


class DocumentError(LishiPubError, ValueError):
    """A JSON document is not a valid lishi-pub document, or its major version is unknown."""

    exit_code = 3


class UnknownFormatError(LishiPubError, KeyError):
    """An export format no installed exporter provides."""

    exit_code = 4

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


class ExportError(LishiPubError):
    """An exporter failed or was asked for something it cannot do."""

    exit_code = 4


class OptionError(ExportError, ValueError):
    """An exporter option that the exporter does not take, or a value it does not accept.

    Exit 2, like any other mistake on the command line: it is found before
    anything is parsed or written.  An ``ExportError`` still, for callers
    that catch every export failure.
    """

    exit_code = 2


class PluginConflictError(LishiPubError):
    """Two plugins claim the same exporter name."""

    exit_code = 5
