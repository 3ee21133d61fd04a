"""The typed record an exporter plugin hands to lishi-pub.

Plugins return records rather than registering callbacks (as conda's plugin
manager does) so that the host can list, check and compare them before any
heavy code is imported: a record is cheap, its ``render`` imports ebooklib or
reportlab only when called.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, Literal, Union

from attrs import field, frozen
from attrs.validators import in_, instance_of, is_callable, matches_re, optional


__all__ = ["Exporter", "Option", "Rendered", "safe_name"]

#: What ``render`` returns.  ``str`` is written as UTF-8, ``bytes`` as is; a
#: mapping of relative file names to either is written into a directory.
Rendered = Union[bytes, str, Mapping[str, Union[bytes, str]]]

OptionKind = Literal["bool", "int", "float", "str"]


@frozen
class Option:
    """An option an exporter accepts, so the CLI can offer and convert it."""

    name: str = field(validator=matches_re(r"[a-z][a-z0-9_]*"))
    help: str = field(default="", validator=instance_of(str))
    kind: OptionKind = field(default="str", validator=in_(("bool", "int", "float", "str")))

    def convert(self, text: str) -> Any:
        """Turn a command-line string into the option's kind."""
        if self.kind == "bool":
            lowered = text.strip().lower()
            if lowered in ("1", "true", "yes", "on", ""):
                return True
            if lowered in ("0", "false", "no", "off"):
                return False
            raise ValueError(f"option {self.name} takes yes/no, not {text!r}")
        if self.kind == "int":
            return int(text)
        if self.kind == "float":
            return float(text)
        return text


@frozen
class Exporter:
    """One output format.

    ``render(issue, **options)`` returns the whole output (see
    :data:`Rendered`); the host writes it atomically, so an exporter never
    touches the destination and a failing one leaves nothing behind.
    ``output="directory"`` means ``render`` returns a mapping of file names.
    ``render_collection(issues, **options)``, when given, builds one output
    from several issues (a month of a paper as one EPUB).
    ``provider`` is filled in by the host with the distribution that
    registered the record; plugins leave it empty.
    """

    name: str = field(validator=matches_re(r"[a-z][a-z0-9_-]*"))
    render: Callable[..., Rendered] = field(validator=is_callable())
    description: str = field(default="", validator=instance_of(str))
    extension: str = field(default="", validator=matches_re(r"(\.[A-Za-z0-9]+)*"))
    media_type: str = field(default="application/octet-stream", validator=instance_of(str))
    output: Literal["file", "directory"] = field(default="file", validator=in_(("file", "directory")))
    options: tuple[Option, ...] = field(default=(), converter=tuple)
    render_collection: Callable[..., Rendered] | None = field(default=None, validator=optional(is_callable()))
    provider: str | None = field(default=None, validator=optional(instance_of(str)))

    @options.validator
    def _check_options(self, _attribute: object, value: tuple[Option, ...]) -> None:
        if not all(isinstance(o, Option) for o in value):
            raise TypeError("options must be Option records")
        names = [o.name for o in value]
        if len(set(names)) != len(names):
            raise ValueError(f"exporter {self.name!r} declares an option twice")

    def option(self, name: str) -> Option | None:
        return next((o for o in self.options if o.name == name), None)

    def check_options(self, options: Mapping[str, Any]) -> None:
        unknown = sorted(set(options) - {o.name for o in self.options})
        if unknown:
            known = ", ".join(o.name for o in self.options) or "none"
            raise ValueError(f"{self.name} exporter has no option {', '.join(unknown)} (its options: {known})")

    def default_name(self, stem: str) -> str:
        """The output file or folder name for an input (or title) called ``stem``."""
        return safe_name(stem) + (self.extension if self.output == "file" else "")


def safe_name(stem: str, limit: int = 100) -> str:
    """A file name made from text: no path separators, no leading dots (so no
    ``..``), no control or reserved characters, at most ``limit`` characters."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f]+', "_", stem).strip().lstrip(".").strip()
    return name[:limit].rstrip(" .") or "output"

