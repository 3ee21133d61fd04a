"""Start-up budget: what ``lishi-pub --help`` and ``convert --to json`` import.

Start-up is most of a one-page conversion's time (bench/README.md), and one
careless top-level import (importlib.metadata, ebooklib, reportlab…) costs
every command.  These tests list the modules each command leaves in
``sys.modules`` beyond a bare interpreter's, in a fresh process, so such a
regression fails here instead of going unseen; time itself is measured in
bench/, never here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "lishi-2022-04-page.txt"

# Runs the command as the console script does, then reports sys.modules on stderr.
_PROBE = """
import json, sys
before = set(sys.modules)
sys.argv = ["lishi-pub", *sys.argv[1:]]
from lishi_pub.cli import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write("\\nMODULES " + json.dumps(sorted(set(sys.modules) - before)))
"""

#: What --help may import on top of the interpreter, once its text is in the cache
#: (``importlib`` and ``warnings`` are frozen or tiny; lishi_pub's ``__init__`` imports importlib).
HELP_CACHED = {"gc", "zlib", "lishi_pub", "lishi_pub._version", "lishi_pub.cli", "lishi_pub.cache",
               "lishi_pub.helptext", "__future__", "importlib", "importlib._bootstrap",
               "importlib._bootstrap_external", "warnings", "encodings.idna"}
#: Never imported by --help, even with no cache (argparse builds the text then).
HELP_NEVER = {"attr", "attrs", "typing", "logging", "pathlib", "pluggy", "lishi_pub.api", "lishi_pub.plugins"}
#: The packages (outside the standard library) ``convert --to json`` may import.
JSON_PACKAGES = {"lishi_pub", "attr", "attrs", "cattrs", "pluggy", "typing_extensions", "exceptiongroup"}
#: Standard-library modules a JSON conversion has no use for, each a few milliseconds or more.
JSON_NEVER = {"importlib.metadata", "email", "socket", "asyncio", "multiprocessing", "concurrent.futures",
              "xml.etree.ElementTree", "sqlite3", "csv", "zipfile", "ssl", "http.client", "unittest"}
#: The lishi_pub modules ``convert --to json`` needs, outside the parser (its own business).
JSON_OWN = {
    "lishi_pub", "lishi_pub._version", "lishi_pub.api", "lishi_pub.atomic", "lishi_pub.cli",
    "lishi_pub.default_plugins", "lishi_pub.default_plugins.epub_exporter",
    "lishi_pub.default_plugins.json_exporter", "lishi_pub.default_plugins.pdf_exporter",
    "lishi_pub.default_plugins.dump_reader", "lishi_pub.default_plugins.pdf_reader", "lishi_pub.discover",
    "lishi_pub.errors", "lishi_pub.exporter", "lishi_pub.hookspecs", "lishi_pub.inputs",
    "lishi_pub.interchange", "lishi_pub.job", "lishi_pub.metadata", "lishi_pub.model", "lishi_pub.plugins",
    "lishi_pub.reader", "lishi_pub.sources", "lishi_pub.transform",
}


def imported(*args: str, cache: Path, **env: str) -> set[str]:
    environ = {**os.environ, "LISHI_PUB_CACHE": str(cache), "LISHI_PUB_NO_PLUGINS": "1", **env}
    environ.pop("LISHI_PUB_NO_CACHE", None)
    result = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True,
                            env=environ, timeout=120)
    marker = result.stderr.rfind("MODULES ")
    assert marker >= 0, result.stderr
    return set(json.loads(result.stderr[marker + len("MODULES "):]))


def test_help_from_the_cache_imports_almost_nothing(tmp_path: Path) -> None:
    first = imported("--help", cache=tmp_path)
    assert "argparse" in first, "the first --help builds the text with argparse"
    assert not first & HELP_NEVER, sorted(first & HELP_NEVER)
    second = imported("--help", cache=tmp_path)
    assert second <= HELP_CACHED, sorted(second - HELP_CACHED)


def test_help_without_a_usable_cache_still_imports_no_library(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    for _ in range(2):
        modules = imported("--help", cache=blocked / "cache")
        assert "argparse" in modules and not modules & HELP_NEVER, sorted(modules & HELP_NEVER)


def test_convert_to_json_imports_no_exporter_library(tmp_path: Path) -> None:
    modules = imported("convert", str(SAMPLE), "--to", "json", "-o", str(tmp_path / "out.json"),
                       cache=tmp_path / "cache")
    assert (tmp_path / "out.json").is_file()
    packages = {m.split(".")[0] for m in modules if m.split(".")[0] not in sys.stdlib_module_names}
    assert packages <= JSON_PACKAGES, sorted(packages - JSON_PACKAGES)
    assert not modules & JSON_NEVER, sorted(modules & JSON_NEVER)
    own = {m for m in modules if m.split(".")[0] == "lishi_pub" and not m.startswith("lishi_pub.parser")}
    assert own == JSON_OWN, f"new: {sorted(own - JSON_OWN)}; gone: {sorted(JSON_OWN - own)}"
