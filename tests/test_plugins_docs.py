"""docs/plugins.md is complete and its code works.

Every hookspec has a section with its exact signature and an example (as
datasette's test_docs checks its plugin hooks); the examples register and do
what they say; the tutorial's plugin and tests pass when run as written.
"""

from __future__ import annotations

import inspect
import re
import types
from pathlib import Path

import attrs
import pytest

import lishi_pub
from lishi_pub import hookspecs, plugins
from lishi_pub.exporter import Exporter, Option
from lishi_pub.reader import Reader
from lishi_pub.transform import Transform

pytest_plugins = ["pytester"]

DOC = Path(__file__).resolve().parent.parent / "docs" / "plugins.md"
TEXT = DOC.read_text(encoding="utf-8")
FENCE = re.compile(r"```python\n(.*?)```", re.S)


def hookspec_names() -> list[str]:
    return sorted(n for n in dir(hookspecs) if plugins.get_plugin_manager().parse_hookspec_opts(hookspecs, n))


def signature_line(name: str) -> str:
    """``def name(args) -> Return:`` as the source declares it (annotations are strings here)."""
    sig = inspect.signature(getattr(hookspecs, name))
    params = ", ".join(f"{p.name}: {p.annotation}" if p.annotation is not p.empty else p.name
                       for p in sig.parameters.values())
    return f"def {name}({params}) -> {sig.return_annotation}:"


def hook_sections() -> dict[str, str]:
    """The text under each ``### `name` `` heading of the hook reference."""
    reference = TEXT.split("## Hook reference", 1)[1].split("\n## ", 1)[0]
    parts = re.split(r"^### `(\w+)`\n", reference, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


def test_the_hooks_exist() -> None:
    assert hookspec_names() == ["register_exporters", "register_readers", "register_transforms"]


@pytest.mark.parametrize("name", hookspec_names())
def test_every_hook_is_documented_with_its_exact_signature(name: str) -> None:
    sections = hook_sections()
    assert name in sections, f"docs/plugins.md has no '### `{name}`' section in the hook reference"
    blocks = FENCE.findall(sections[name])
    assert blocks, f"the {name} section has no code"
    assert blocks[0].strip() == signature_line(name)


def test_every_documented_hook_exists() -> None:
    assert sorted(hook_sections()) == hookspec_names()


@pytest.mark.parametrize("name", hookspec_names())
def test_every_hook_example_registers_and_works(name: str, tmp_path: Path) -> None:
    example = FENCE.findall(hook_sections()[name])[1]
    assert "@hookimpl" in example and f"def {name}(" in example
    module = types.ModuleType(f"doc_example_{name}")
    exec(compile(example, f"{DOC}:{name}", "exec"), module.__dict__)
    plugins.register(module)
    records = {"register_exporters": lishi_pub.exporters, "register_readers": plugins.readers,
               "register_transforms": lishi_pub.transforms}[name]()
    (mine,) = [r for r in records.values() if r.provider == module.__name__]
    if isinstance(mine, Reader):
        path = tmp_path / "page.para"
        path.write_text("第一段话。\n第二段话。\n", encoding="utf-8")
        (article,) = lishi_pub.parse(path).articles  # chosen by its suffix
        assert [p.text for p in article.paragraphs] == ["第一段话。", "第二段话。"]
        return
    issue = lishi_pub.Issue(title="报", pages=(lishi_pub.Page(articles=(
        lishi_pub.Article(id="a1", title="title", title_source="headline", blocks=(lishi_pub.Paragraph("正文"),)),)),))
    if isinstance(mine, Exporter):
        assert lishi_pub.render(issue, mine.name) == "title\n"
    else:
        assert mine.apply(issue).articles[0].title == "TITLE"


@pytest.mark.parametrize("record", [Exporter, Option, Reader, Transform])
def test_every_record_field_is_documented(record: type) -> None:
    section = re.split(r"\n##+ ", TEXT.split(f"### `{record.__name__}`", 1)[1], maxsplit=1)[0]
    documented = set(re.findall(r"^\| `(\w+)` \|", section, re.M))
    assert documented == {f.name for f in attrs.fields(record)}


def test_the_switch_and_the_entry_point_group_are_documented() -> None:
    assert f"{plugins.DISABLE_ENV}=1" in TEXT
    assert f"[project.entry-points.{plugins.ENTRY_POINT_GROUP}]" in TEXT
    assert "## The conformance kit" in TEXT and "### The order transforms run in" in TEXT


def test_the_tutorial_plugin_passes_its_own_tests(pytester: pytest.Pytester) -> None:
    plugin = TEXT.split("<!-- tutorial-plugin", 1)[1]
    plugin_code = FENCE.search(plugin).group(1)  # type: ignore[union-attr]
    tests_code = next(block for block in FENCE.findall(TEXT) if block.startswith("# tests/test_plaintext.py"))
    pytester.makepyfile(lishi_pub_plaintext=plugin_code, test_plaintext=tests_code)
    pytester.syspathinsert()
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "-q")
    outcomes = result.parseoutcomes()
    assert outcomes.get("failed", 0) == outcomes.get("errors", 0) == 0, result.stdout.str()
    assert outcomes["passed"] > 30, "the kit's tests and the tutorial's own test ran"
