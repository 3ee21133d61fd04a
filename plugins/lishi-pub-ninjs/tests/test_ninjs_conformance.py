"""lishi-pub's conformance kit, with every document checked against the ninjs 3.1 schema."""

from __future__ import annotations

from collections.abc import Mapping

import lishi_pub_ninjs
from ninjs_validation import check_document

from lishi_pub.exporter import Rendered
from lishi_pub.model import Issue
from lishi_pub.testing import ExporterConformance


class TestNinjsConformance(ExporterConformance):
    exporter_name = "ninjs"
    plugin = lishi_pub_ninjs

    def validate(self, output: Rendered, issue: Issue) -> None:
        assert isinstance(output, Mapping)
        assert len(output) == len(issue.articles), "one document per article"
        ids = [check_document(str(data))["altIds"][0]["value"] for data in output.values()]
        assert ids == [a.id for a in issue.articles]
