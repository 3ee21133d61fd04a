"""The long fuzzing run, kept out of the default run.

    .venv/bin/python -m pytest -m slow tests/test_fuzz_long.py

20,000 generated dumps through the parser (never raises, nothing lost, JSON
round-trips) and a few hundred generated issues through every exporter.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections import Counter
from io import BytesIO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lishi_pub
from strategies import dump_text, issues

pytestmark = pytest.mark.slow

HAN_RE = re.compile(r"[\u3400-\u9fff]")
STRUCTURE = re.compile(r"本报特约记者|本报见习记者|本报实习生|本报通讯员|本报记者|新华社记者|新华社通讯员|特约通讯员|特约记者|"
                       r"见习记者|实习记者|摄影记者|首席记者|通讯员|实习生|记者|摄影|文/图|文／图|图/文|图／文|撰稿|编辑|"
                       r"摄|供图|提供|文|图")


@settings(max_examples=20_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(dump_text, st.text()))
def test_parse_fuzz(text):
    try:
        issue = lishi_pub.parse_text(text)
    except lishi_pub.InputError:
        return
    dumped = lishi_pub.dumps(issue)
    assert lishi_pub.loads(dumped) == issue
    out = Counter(HAN_RE.findall(dumped))
    held = Counter(HAN_RE.findall("".join(STRUCTURE.findall(text))))
    for ch, n in Counter(HAN_RE.findall(text)).items():
        assert out[ch] >= n - held[ch], ch


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
