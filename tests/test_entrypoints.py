"""lishi_pub.entrypoints finds what importlib.metadata finds, without importing it."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import pytest

from lishi_pub.entrypoints import entry_points


def dist(site: Path, folder: str, name: str, version: str, entry_points_txt: str | None) -> None:
    info = site / folder
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n\nbody\n",
                                   encoding="utf-8")
    if entry_points_txt is not None:
        (info / "entry_points.txt").write_text(entry_points_txt, encoding="utf-8")


def theirs(group: str, path: list[str] | None = None) -> list[tuple[str, str, str, str]]:
    """importlib.metadata's answer, for ``sys.path`` or the given path (it always searches sys.path)."""
    saved = sys.path[:]
    if path is not None:
        sys.path[:] = path
    try:
        found = list(metadata.entry_points(group=group))
    finally:
        sys.path[:] = saved
    return sorted((ep.name, ep.value, ep.dist.name, ep.dist.version) for ep in found)


def ours(group: str, path: list[str] | None = None) -> list[tuple[str, str, str, str | None]]:
    return sorted((ep.name, ep.value, ep.dist_name, ep.dist_version) for ep in entry_points(group, path))


@pytest.mark.parametrize("group", ["lishi_pub", "console_scripts", "pytest11"])
def test_the_installed_entry_points_are_importlib_metadatas(group: str) -> None:
    assert ours(group) == theirs(group)


def test_sections_spacing_comments_and_the_first_copy_of_a_distribution(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    dist(first, "lishi_pub_a-1.0.dist-info", "lishi-pub-a", "1.0",
         "# comment\n[console_scripts]\na = x:y\n\n[lishi_pub]\n  alpha =  pkg_a.plugin:hooks  \n# note\n"
         "beta=pkg_b\n")
    dist(first, "other-2.0.dist-info", "other", "2.0", "[lishi_pub_extra]\nnope = nope\n")
    dist(first, "none-1.0.dist-info", "none", "1.0", None)
    dist(second, "lishi_pub_a-0.9.dist-info", "lishi-pub-a", "0.9", "[lishi_pub]\nold = pkg_old\n")
    dist(second, "Lishi.Pub-B-3.dist-info", "Lishi.Pub-B", "3", "[lishi_pub]\ngamma = pkg_c:obj.attr\n")
    found = ours("lishi_pub", [str(first), str(second)])
    assert found == [
        ("alpha", "pkg_a.plugin:hooks", "lishi-pub-a", "1.0"),
        ("beta", "pkg_b", "lishi-pub-a", "1.0"),
        ("gamma", "pkg_c:obj.attr", "Lishi.Pub-B", "3"),
    ]
    assert found == theirs("lishi_pub", [str(first), str(second)])


def test_load_imports_the_module_and_walks_the_attributes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ep_probe_mod.py").write_text("class Outer:\n    inner = 42\n", encoding="utf-8")
    dist(tmp_path, "probe-1.dist-info", "probe", "1", "[lishi_pub]\np = ep_probe_mod:Outer.inner\nm = ep_probe_mod\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    loaded = {ep.name: ep.load() for ep in entry_points("lishi_pub", [str(tmp_path)])}
    assert loaded["p"] == 42 and loaded["m"].__name__ == "ep_probe_mod"
