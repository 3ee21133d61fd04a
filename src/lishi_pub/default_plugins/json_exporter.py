"""The built-in ``json`` exporter: lishi-pub's own interchange format."""

from __future__ import annotations

from collections.abc import Iterable

from ..exporter import Exporter
from ..hookspecs import hookimpl
from ..model import Issue


def _render(issue: Issue) -> str:
    from ..interchange import dumps

    return dumps(issue)


@hookimpl
def register_exporters() -> Iterable[Exporter]:
    return [
        Exporter(
            name="json",
            render=_render,
            description="lishi-pub interchange JSON (versioned, round-trips exactly)",
            extension=".json",
            media_type="application/json",
        )
    ]
