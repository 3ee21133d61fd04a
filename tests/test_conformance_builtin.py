"""The conformance kit on every built-in exporter.

The formats are read from the plugin host at collection time with external
plugins off, so an exporter added to ``DEFAULT_PLUGINS`` is covered the moment
it is registered.  Checks that need to know a format live in ``VALIDATORS``.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable

import pytest

import lishi_pub
from lishi_pub import plugins
from lishi_pub.exporter import Rendered
from lishi_pub.model import Issue
from lishi_pub.testing import ExporterConformance


def _builtin_formats() -> list[str]:
    saved = os.environ.get(plugins.DISABLE_ENV)
    os.environ[plugins.DISABLE_ENV] = "1"
    try:
        plugins.reset()
        return sorted(lishi_pub.exporters())
    finally:
        plugins.reset()
        if saved is None:
            del os.environ[plugins.DISABLE_ENV]
        else:
            os.environ[plugins.DISABLE_ENV] = saved


def _json_round_trips(output: Rendered, issue: Issue) -> None:
    assert lishi_pub.loads(output) == issue


def _epub_container(output: Rendered, issue: Issue) -> None:
    """The OCF container basics; full EPUBCheck validation is the EPUB exporter's own tests' job."""
    assert isinstance(output, bytes)
    with zipfile.ZipFile(io.BytesIO(output)) as book:
        first = book.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert book.read("mimetype") == b"application/epub+zip"
        assert "META-INF/container.xml" in book.namelist()


def _pdf_envelope(output: Rendered, issue: Issue) -> None:
    assert isinstance(output, bytes)
    assert output.startswith(b"%PDF-") and output.rstrip().endswith(b"%%EOF")


VALIDATORS: dict[str, Callable[[Rendered, Issue], None]] = {
    "json": _json_round_trips,
    "epub": _epub_container,
    "pdf": _pdf_envelope,
}


def test_every_builtin_exporter_is_covered() -> None:
    """The list read at collection time is the list the host has when the tests run."""
    assert _builtin_formats() == sorted(lishi_pub.exporters())
    assert {"json", "epub", "pdf"} <= set(_builtin_formats())


class TestBuiltinExporters(ExporterConformance):
    @pytest.fixture(params=_builtin_formats())
    def export_format(self, request: pytest.FixtureRequest) -> str:
        return str(request.param)

    def validate(self, output: Rendered, issue: Issue) -> None:
        check = VALIDATORS.get(self.exporter.name)
        if check is not None:
            check(output, issue)
