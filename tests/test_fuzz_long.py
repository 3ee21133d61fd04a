"""The long fuzzing run, kept out of the default run.

    .venv/bin/python -m pytest -m slow tests/test_fuzz_long.py

20,000 generated dumps through the parser (never raises, nothing lost, JSON
round-trips) and a few hundred generated issues through every exporter.
"""

from __future__ import annotations

import json
import zipfile
from io import BytesIO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lishi_pub
from strategies import dump_text, issues, lost_han

pytestmark = pytest.mark.slow

@settings(max_examples=20_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(dump_text, st.text()))
def test_parse_fuzz(text):
    try:
        issue = lishi_pub.parse_text(text)
    except lishi_pub.InputError:
        return
    dumped = lishi_pub.dumps(issue)
    assert lishi_pub.loads(dumped) == issue
    assert lost_han(text, dumped) == []


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(issues())
def test_every_exporter_renders_every_issue(issue):
    from lxml import etree

    for name in lishi_pub.exporters():
        output = lishi_pub.render(issue, name)
        if name == "json":
            assert lishi_pub.loads(output) == issue
        elif name == "epub":
            with zipfile.ZipFile(BytesIO(output)) as book:
                assert book.testzip() is None
                for entry in book.namelist():
                    if entry.endswith((".xhtml", ".opf", ".ncx")):
                        etree.fromstring(book.read(entry))
        elif name == "pdf":
            assert output[:5] == b"%PDF-" and output.rstrip().endswith(b"%%EOF")
        else:
            assert output
    json.dumps(lishi_pub.schema())
