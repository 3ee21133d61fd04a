"""Plugins found through real entry points, as a user's installation finds them.

Each test writes distributions (a ``*.dist-info`` folder with METADATA and
entry_points.txt, and the plugin's module) into a temporary folder and runs
``python -m lishi_pub`` in a subprocess with that folder on PYTHONPATH:
importlib.metadata finds them exactly as it finds pip-installed ones.
Whatever else is installed may load too, so each test asserts only about
the distributions it made.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import tomllib

import lishi_pub
from lishi_pub import plugins

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_PLUGINS = ("lishi-pub-markdown", "lishi-pub-ninjs", "lishi-pub-opencc")
NINJS_SCHEMA = ROOT / "plugins" / "lishi-pub-ninjs" / "tests" / "schema" / "ninjs-schema_3.1.json"

EXPORTER_MODULE = '''
from lishi_pub import Exporter, hookimpl

@hookimpl
def register_exporters():
    return [Exporter(name="{fmt}", render=lambda issue: "x", extension=".x", description="{fmt} format")]
'''


def make_dist(site: Path, name: str, version: str, entry_points: dict[str, str],
              modules: dict[str, str] | None = None) -> None:
    info = site / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8")
    lines = "".join(f"{key} = {value}\n" for key, value in entry_points.items())
    (info / "entry_points.txt").write_text(f"[{plugins.ENTRY_POINT_GROUP}]\n{lines}", encoding="utf-8")
    for module, code in (modules or {}).items():
        (site / f"{module}.py").write_text(code, encoding="utf-8")


def run(*args: str, path: list[Path], plugins_off: bool = False, cwd: Path | None = None
        ) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != plugins.DISABLE_ENV}
    env["PYTHONPATH"] = os.pathsep.join(str(p) for p in path)
    if plugins_off:
        env[plugins.DISABLE_ENV] = "1"
    return subprocess.run([sys.executable, "-m", "lishi_pub", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=120)


def lines_naming(text: str, word: str) -> list[str]:
    return [line for line in text.splitlines() if word in line]


def listed_formats(stdout: str) -> set[str]:
    return {line.split()[0] for line in stdout.splitlines() if line and not line.startswith(" ")}


def test_a_missing_module_is_one_warning_and_the_rest_works(tmp_path: Path) -> None:
    make_dist(tmp_path, "lishi-pub-broken", "0.1", {"broken": "lishi_pub_no_such_module"})
    result = run("formats", path=[tmp_path])
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    (warning,) = lines_naming(result.stderr, "lishi-pub-broken")
    assert warning.startswith("lishi-pub: warning: skipped plugin 'broken' from lishi-pub-broken 0.1")
    assert "No module named 'lishi_pub_no_such_module'" in warning
    assert {"json", "epub", "pdf"} <= listed_formats(result.stdout)


def test_a_module_that_raises_on_import_is_skipped(tmp_path: Path) -> None:
    make_dist(tmp_path, "lishi-pub-crash", "2.0", {"crash": "lishi_pub_crash"},
              {"lishi_pub_crash": 'raise RuntimeError("cannot start:\\n two lines")\n'})
    result = run("formats", path=[tmp_path])
    assert result.returncode == 0 and "Traceback" not in result.stderr
    (warning,) = lines_naming(result.stderr, "lishi-pub-crash")
    assert "RuntimeError: cannot start: two lines" in warning
    assert "json" in listed_formats(result.stdout)


def test_a_hook_with_a_typo_is_reported_not_ignored(tmp_path: Path) -> None:
    typo = "from lishi_pub import hookimpl\n\n@hookimpl\ndef register_exporter():\n    return []\n"
    make_dist(tmp_path, "lishi-pub-typo", "1.0", {"typo": "lishi_pub_typo"}, {"lishi_pub_typo": typo})
    result = run("formats", path=[tmp_path])
    assert result.returncode == 0
    (warning,) = lines_naming(result.stderr, "lishi-pub-typo")
    assert "unknown hook register_exporter" in warning and "register_exporters" in warning


def test_plugins_command_lists_working_and_broken_plugins(tmp_path: Path) -> None:
    make_dist(tmp_path, "lishi-pub-zz", "1.2.3", {"zz": "lishi_pub_zz"},
              {"lishi_pub_zz": EXPORTER_MODULE.format(fmt="zz")})
    make_dist(tmp_path, "lishi-pub-broken", "0.1", {"broken": "lishi_pub_no_such_module"})
    result = run("plugins", "--json", path=[tmp_path])
    assert result.returncode == 0, result.stderr
    by_name = {p["name"]: p for p in json.loads(result.stdout)}
    assert by_name["zz"]["distribution"] == "lishi-pub-zz" and by_name["zz"]["version"] == "1.2.3"
    assert by_name["zz"]["hooks"] == ["register_exporters"] and by_name["zz"]["exporters"] == ["zz"]
    assert "No module named" in by_name["broken"]["error"]
    text = run("plugins", path=[tmp_path]).stdout
    assert "zz  [lishi-pub-zz 1.2.3]" in text and "broken  [lishi-pub-broken 0.1]  FAILED TO LOAD" in text


def test_the_environment_variable_switches_external_plugins_off(tmp_path: Path) -> None:
    make_dist(tmp_path, "lishi-pub-zz", "1.0", {"zz": "lishi_pub_zz"},
              {"lishi_pub_zz": EXPORTER_MODULE.format(fmt="zz")})
    make_dist(tmp_path, "lishi-pub-broken", "0.1", {"broken": "lishi_pub_no_such_module"})
    assert "zz" in listed_formats(run("formats", path=[tmp_path]).stdout)
    result = run("formats", path=[tmp_path], plugins_off=True)
    assert result.returncode == 0 and result.stderr == ""
    assert listed_formats(result.stdout) == set(lishi_pub.exporters()), "the built-ins, nothing more"


def test_one_format_from_two_distributions_fails_naming_both(tmp_path: Path) -> None:
    make_dist(tmp_path, "dup-one", "1.0", {"one": "dup_one"}, {"dup_one": EXPORTER_MODULE.format(fmt="zz-dup")})
    make_dist(tmp_path, "dup-two", "2.0", {"two": "dup_two"}, {"dup_two": EXPORTER_MODULE.format(fmt="zz-dup")})
    result = run("formats", path=[tmp_path])
    assert result.returncode == 5
    (error,) = result.stderr.strip().splitlines()
    assert "exporter 'zz-dup' is provided twice" in error and "dup-one 1.0" in error and "dup-two 2.0" in error


@pytest.fixture(scope="module")
def example_plugins(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The example plugins' own entry points, read from their pyproject.toml, with their sources."""
    site = tmp_path_factory.mktemp("site")
    for name in EXAMPLE_PLUGINS:
        project = tomllib.loads((ROOT / "plugins" / name / "pyproject.toml").read_text(encoding="utf-8"))["project"]
        make_dist(site, project["name"], project["version"], project["entry-points"][plugins.ENTRY_POINT_GROUP])
    return [site, *(ROOT / "plugins" / name / "src" for name in EXAMPLE_PLUGINS)]


def test_the_example_plugins_appear_through_their_entry_points(example_plugins: list[Path]) -> None:
    result = run("formats", path=example_plugins)
    assert result.returncode == 0, result.stderr
    assert not [line for name in EXAMPLE_PLUGINS for line in lines_naming(result.stderr, name)], result.stderr
    assert {"markdown", "ninjs", "json", "epub", "pdf"} <= listed_formats(result.stdout)
    listing = json.loads(run("plugins", "--json", path=example_plugins).stdout)
    transforms = {t for p in listing for t in p["transforms"]}
    assert {"zh-hant", "zh-tw", "zh-hk"} <= transforms


def test_converting_the_sample_to_ninjs_gives_one_valid_document_per_article(
        example_plugins: list[Path], sample_path: Path, tmp_path: Path) -> None:
    from jsonschema import Draft202012Validator
    from referencing import Registry
    from referencing.exceptions import NoSuchResource

    def refuse(uri: str):
        raise NoSuchResource(ref=uri)

    out = tmp_path / "ninjs"
    result = run("convert", str(sample_path), "--to", "ninjs", "-o", str(out), "--title", "离石报",
                 "--date", "2022-04-22", path=example_plugins)
    assert result.returncode == 0, result.stderr
    articles = lishi_pub.parse(sample_path, title="离石报", date="2022-04-22").articles
    files = [p for p in sorted(out.glob("*.json")) if "-page-" not in p.name]  # pages' banners and photos apart
    assert len(files) == len(articles) > 1
    schema = json.loads(NINJS_SCHEMA.read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, registry=Registry(retrieve=refuse))
    for path, article in zip(files, articles):
        document = json.loads(path.read_text(encoding="utf-8"))
        assert list(validator.iter_errors(document)) == [], path.name
        assert {"role": "article", "value": article.id} in document["altIds"]
