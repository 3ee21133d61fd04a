"""The hooks a lishi-pub plugin may implement.

Each is documented in docs/plugins.md with its signature and an example; a
test keeps that list and this module in step.
"""

from __future__ import annotations

from collections.abc import Iterable

import pluggy

from .exporter import Exporter

__all__ = ["hookimpl", "hookspec", "register_exporters"]

hookspec = pluggy.HookspecMarker("lishi_pub")
hookimpl = pluggy.HookimplMarker("lishi_pub")


@hookspec
def register_exporters() -> Iterable[Exporter]:  # type: ignore[empty-body]
    """Return the :class:`~lishi_pub.Exporter` records this plugin provides.

    Called once per listing, so keep it cheap: build records, import the heavy
    rendering library inside ``render``.
    """
