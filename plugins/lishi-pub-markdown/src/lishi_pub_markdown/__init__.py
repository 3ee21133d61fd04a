"""lishi-pub-markdown: export a lishi-pub issue as Markdown with YAML front matter.

Install next to lishi-pub and ``lishi-pub convert page.txt --to markdown``
writes ``page.md``.  The plugin is found through the ``lishi_pub`` entry point
declared in pyproject.toml; this module is all that entry point names.
"""

from __future__ import annotations

from collections.abc import Iterable

from lishi_pub import Exporter, hookimpl
from lishi_pub.model import Issue

__all__ = ["register_exporters"]
__version__ = "0.1.0"


def _render(issue: Issue) -> str:
    from .render import render

    return render(issue)


@hookimpl
def register_exporters() -> Iterable[Exporter]:
    return [
        Exporter(
            name="markdown",
            render=_render,
            description="Markdown, one file per issue, YAML front matter (static sites, notes)",
            extension=".md",
            media_type="text/markdown; charset=utf-8",
        )
    ]
