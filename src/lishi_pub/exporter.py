"""The typed record an exporter plugin hands to lishi-pub.

Plugins return records rather than registering callbacks (as conda's plugin
manager does) so that the host can list, check and compare them before any
heavy code is imported: a record is cheap, its ``render`` imports ebooklib or
reportlab only when called.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal, Union

from attrs import field, frozen
from attrs.validators import in_, instance_of, is_callable, matches_re, optional


__all__ = ["NO", "YES", "Exporter", "Option", "Rendered", "safe_name"]

#: What ``render`` returns.  ``str`` is written as UTF-8, ``bytes`` as is; a
#: mapping of relative file names to either is written into a directory.
Rendered = Union[bytes, str, Mapping[str, Union[bytes, str]]]

OptionKind = Literal["bool", "int", "float", "str"]

#: The spellings a yes/no option takes on the command line (any case); docs/cli.md lists them.
YES = ("yes", "true", "on", "1", "")
NO = ("no", "false", "off", "0")

_KIND_NAMES = {"bool": "yes/no", "int": "a whole number", "float": "a number", "str": "text"}


def _from_text(kind: str, text: str) -> Any:
    if kind == "bool":
        lowered = text.strip().lower()
        if lowered in YES:
            return True
        if lowered in NO:
            return False
        raise ValueError
    if kind == "int":
        return int(text)
    if kind == "float":
        return float(text)
    return text


def _is_kind(kind: str, value: object) -> bool:
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "float":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, str)


def _choices(values: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(values)


@frozen
class Option:
    """An option an exporter accepts: the host converts, checks and defaults it, so ``render`` need not.

    The host binds options once, the same way for command-line strings
    (``-O columns=2``) and Python values (``columns=2``): text becomes the
    option's ``kind`` (or goes through ``converter``), then the value must be
    of that kind, one of ``choices`` when given, and pass ``validator``
    (which raises ``ValueError`` saying what is wrong).  ``default`` is
    documented in ``lishi-pub formats``; ``render`` gets only what was given.
    """

    name: str = field(validator=matches_re(r"[a-z][a-z0-9_]*"))
    help: str = field(default="", validator=instance_of(str))
    kind: OptionKind = field(default="str", validator=in_(("bool", "int", "float", "str")))
    default: Any = None
    choices: tuple[Any, ...] = field(default=(), converter=_choices)
    converter: Callable[[str], Any] | None = field(default=None, validator=optional(is_callable()))
    validator: Callable[[Any], None] | None = field(default=None, validator=optional(is_callable()))

    def describe(self) -> str:
        """What the option takes, as messages and ``lishi-pub formats`` say it."""
        if self.choices:
            shown = [("yes" if c else "no") if isinstance(c, bool) else str(c) for c in self.choices]
            return " or ".join([", ".join(shown[:-1]), shown[-1]] if len(shown) > 1 else shown)
        return _KIND_NAMES[self.kind]

    def convert(self, value: Any) -> Any:
        """Turn a command-line string or a Python value into the option's value, or raise ``ValueError``."""
        wrong = ValueError(f"option {self.name} takes {self.describe()}, not {value!r}")
        if isinstance(value, str) and self.converter is not None:
            try:
                value = self.converter(value)
            except ValueError as exc:
                raise (ValueError(f"option {self.name}: {exc}") if str(exc) else wrong) from None
        elif isinstance(value, str) and self.kind != "str":
            try:
                value = _from_text(self.kind, value)
            except ValueError:
                raise wrong from None
        if self.converter is None and not _is_kind(self.kind, value):
            raise wrong
        if self.choices and value not in self.choices:
            raise wrong
        if self.validator is not None:
            try:
                self.validator(value)
            except (TypeError, ValueError) as exc:
                raise ValueError(f"option {self.name}: {exc}") from None
        return value




def _options(values: Iterable[Option]) -> tuple[Option, ...]:
    """attrs' converter, typed: ``converter=tuple`` is generic, and mypy cannot bind it to :class:`Option`."""
    return tuple(values)

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
    options: tuple[Option, ...] = field(default=(), converter=_options)
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

    def check_options(self, options: Mapping[str, Any]) -> dict[str, Any]:
        """The options bound to their values; :class:`~lishi_pub.OptionError` names the format and option."""
        from .errors import OptionError

        unknown = sorted(set(options) - {o.name for o in self.options})
        if unknown:
            known = ", ".join(o.name for o in self.options) or "none"
            raise OptionError(f"{self.name} exporter has no option {', '.join(unknown)} (its options: {known})")
        bound = {}
        for key, value in options.items():
            option = self.option(key)
            assert option is not None
            try:
                bound[key] = option.convert(value)
            except ValueError as exc:
                raise OptionError(f"{self.name} {exc}") from None
        return bound

    def default_name(self, stem: str) -> str:
        """The output file or folder name for an input (or title) called ``stem``."""
        return safe_name(stem) + (self.extension if self.output == "file" else "")


def safe_name(stem: str, limit: int = 100) -> str:
    """A file name made from text: no path separators, no leading dots (so no
    ``..``), no control or reserved characters, at most ``limit`` characters."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f]+', "_", stem).strip().lstrip(".").strip()
    return name[:limit].rstrip(" .") or "output"

