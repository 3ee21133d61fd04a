"""The hooks a lishi-pub plugin may implement.

Each is documented in docs/plugins.md with its signature and an example; a
test keeps that list and this module in step.  The hooks return typed records
rather than doing work, so listing plugins never runs or imports anything
heavy.
"""

from __future__ import annotations

from collections.abc import Iterable

import pluggy

from .exporter import Exporter
from .reader import Reader
from .transform import Transform

__all__ = ["hookimpl", "hookspec", "register_exporters", "register_readers", "register_transforms"]

hookspec = pluggy.HookspecMarker("lishi_pub")
hookimpl = pluggy.HookimplMarker("lishi_pub")


@hookspec
def register_exporters() -> Iterable[Exporter]:  # type: ignore[empty-body]
    """Return the :class:`~lishi_pub.Exporter` records this plugin provides.

    Called once per listing, so keep it cheap: build records, import the heavy
    rendering library inside ``render``.
    """


@hookspec
def register_transforms() -> Iterable[Transform]:  # type: ignore[empty-body]
    """Return the :class:`~lishi_pub.Transform` records this plugin provides.

    A transform runs only when the user names it (``--transform NAME`` or
    ``transforms=[...]``), in the order named, so registering one is harmless.
    """


@hookspec
def register_readers() -> Iterable[Reader]:  # type: ignore[empty-body]
    """Return the :class:`~lishi_pub.reader.Reader` records this plugin provides.

    A reader turns one input into page layouts; the shared parser stages make
    articles of them.  Keep it cheap: import the reading library inside ``read``.
    """
