"""lishi-pub-ninjs: every article of an issue as an IPTC ninjs 3.1 document.

``lishi-pub convert page.txt --to ninjs -o DIR`` writes one JSON file per
article into DIR.  The plugin is found through the ``lishi_pub`` entry point
declared in pyproject.toml; this module is all that entry point names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from lishi_pub import Exporter, ExportError, Option, hookimpl
from lishi_pub.model import Issue

__all__ = ["register_exporters"]
__version__ = "0.1.0"

#: An absolute URI's start: scheme, colon, then only characters a URI may hold.
_URI_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")


def _documents(issue: Issue, uri_prefix: str | None) -> dict[str, str]:
    import json

    from .document import DEFAULT_URI_PREFIX, article_document, file_name, page_document, page_file_name

    prefix = DEFAULT_URI_PREFIX if uri_prefix is None else uri_prefix
    if not isinstance(prefix, str) or not _URI_PREFIX.fullmatch(prefix):
        raise ExportError(f"ninjs option uri_prefix must start an absolute URI (e.g. https://news.example/), "
                          f"not {prefix!r}")
    files = {}
    index = 0
    for position, page in enumerate(issue.pages, start=1):
        uris = []
        for article in page.articles:
            index += 1
            doc = article_document(issue, page, article, uri_prefix=prefix)
            uris.append(doc["uri"])
            files[file_name(index, article)] = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
        extra = page_document(issue, page, position, uri_prefix=prefix, article_uris=uris)
        if extra is not None:
            index += 1
            files[page_file_name(index, page, position)] = json.dumps(extra, ensure_ascii=False, indent=2) + "\n"
    return files


def _render(issue: Issue, *, uri_prefix: str | None = None) -> Mapping[str, str]:
    return _documents(issue, uri_prefix)


def _render_collection(issues: Sequence[Issue], *, uri_prefix: str | None = None) -> Mapping[str, str]:
    """One sub-folder per issue, numbered in the order given, so dates may repeat."""
    files = {}
    for number, issue in enumerate(issues, start=1):
        folder = f"{number:03d}-{issue.date.isoformat() if issue.date else 'undated'}"
        files.update({f"{folder}/{name}": data for name, data in _documents(issue, uri_prefix).items()})
    return files


@hookimpl
def register_exporters() -> Iterable[Exporter]:
    return [
        Exporter(
            name="ninjs",
            render=_render,
            render_collection=_render_collection,
            description="IPTC ninjs 3.1 (News in JSON): a folder with one document per article",
            media_type="application/json",
            output="directory",
            options=(
                Option("uri_prefix", "start of each document's uri, e.g. https://news.example/ "
                       "(default urn:lishi-pub:)", kind="str"),
            ),
        )
    ]
