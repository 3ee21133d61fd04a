"""lishi-pub's conformance kit, with every document checked against the ninjs 3.1 schema."""

from __future__ import annotations

from collections.abc import Mapping

import lishi_pub_ninjs
from lishi_pub_ninjs.clean import clean
from ninjs_validation import check_document

from lishi_pub.exporter import Rendered
from lishi_pub.model import Issue
from lishi_pub.testing import ExporterConformance


class TestNinjsConformance(ExporterConformance):
    exporter_name = "ninjs"
    plugin = lishi_pub_ninjs

    def validate(self, output: Rendered, issue: Issue) -> None:
        assert isinstance(output, Mapping)
        pages = [p for p in issue.pages  # text that cleans to nothing (a lone control character) makes no document
                 if any(map(clean, p.banners)) or any(clean(f.caption) for f in p.figures)]
        assert len(output) == len(issue.articles) + len(pages), "one document per article, one per page's extras"
        docs = [check_document(str(data)) for data in output.values()]
        ids = [d["altIds"][0]["value"] for d in docs if d["type"] == "text"]
        assert ids == [a.id for a in issue.articles]
