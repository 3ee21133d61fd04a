"""lishi-pub: Chinese newspaper page dumps to structured issues, EPUB, PDF and JSON.

    import lishi_pub
    issue = lishi_pub.parse("page.txt", title="离石报", date="2022-04-22")
    lishi_pub.export(issue, "epub", "issue.epub")

Attributes are imported on first use (PEP 562), so ``import lishi_pub`` and
``lishi-pub --help`` stay fast and never load ebooklib or reportlab.
"""

from __future__ import annotations

import importlib

from ._version import __version__

# Not ``typing.TYPE_CHECKING``: importing typing would cost ``lishi-pub --help`` a tenth of its start-up.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .api import export, export_collection, exporters, parse, parse_text, render
    from .errors import (
        DocumentError,
        ExportError,
        InputError,
        LishiPubError,
        OptionError,
        PluginConflictError,
        UnknownFormatError,
    )
    from .exporter import Exporter, Option
    from .hookspecs import hookimpl
    from .interchange import dumps, loads, schema
    from .job import Job
    from .metadata import Metadata
    from .model import Article, Contributor, Credit, Diagnostic, Figure, Heading, Issue, Page, Paragraph
    from .parser import read_page
    from .parser.layout import Box, ImageBox, PageLayout, Role, TextLine
    from .plugins import readers, transforms
    from .reader import Reader
    from .reviewpage.api import review, review_html
    from .transform import Transform

_WHERE = {
    "parse": "api", "parse_text": "api", "export": "api", "export_collection": "api",
    "exporters": "api", "render": "api",
    "review": "reviewpage.api", "review_html": "reviewpage.api",
    "dumps": "interchange", "loads": "interchange", "schema": "interchange",
    "Issue": "model", "Page": "model", "Article": "model", "Paragraph": "model",
    "Heading": "model", "Figure": "model", "Diagnostic": "model",
    "Contributor": "model", "Credit": "model",
    "Exporter": "exporter", "Option": "exporter",
    "hookimpl": "hookspecs",
    "Transform": "transform", "transforms": "plugins",
    "Reader": "reader", "readers": "plugins", "read_page": "parser",
    "PageLayout": "parser.layout", "TextLine": "parser.layout", "Role": "parser.layout", "Box": "parser.layout",
    "ImageBox": "parser.layout",
    "LishiPubError": "errors", "InputError": "errors", "DocumentError": "errors",
    "ExportError": "errors", "UnknownFormatError": "errors", "PluginConflictError": "errors",
    "OptionError": "errors", "Metadata": "metadata", "Job": "job",
}

__all__ = ["__version__", *sorted(_WHERE)]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'lishi_pub' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
