"""The disk cache (lishi_pub.cache) and what uses it: it saves time and never changes a byte.

Every output is built with the cache off, with it empty (filling it), with it
full, and with its entries damaged, each in a fresh process (fonts are loaded
once per process), and the bytes compared.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lishi_pub import cache
from lishi_pub.pdf import worddict

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "lishi-2022-04-page.txt"


@pytest.fixture
def cache_at(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(folder))
    monkeypatch.delenv(cache.DISABLE_ENV, raising=False)
    return folder


def test_the_cache_lives_in_the_xdg_cache_folder_unless_moved(monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path) -> None:
    monkeypatch.delenv(cache.CACHE_ENV, raising=False)
    monkeypatch.delenv(cache.DISABLE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == str(tmp_path / "lishi-pub")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # the XDG spec: ignored
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == str(tmp_path / "home" / ".cache" / "lishi-pub")
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "moved"))
    assert cache.cache_dir() == str(tmp_path / "moved")
    monkeypatch.setenv(cache.DISABLE_ENV, "1")
    assert cache.cache_dir() is None
    cache.store("test", "key", b"value")
    assert cache.load("test", "key") is None


def test_an_entry_comes_back_only_under_its_own_key(cache_at: Path) -> None:
    assert cache.load("test", ("a", 1)) is None
    cache.store("test", ("a", 1), b"\x00value")
    assert cache.load("test", ("a", 1)) == b"\x00value"
    assert cache.load("test", ("a", 2)) is None
    assert cache.load("other", ("a", 1)) is None
    entry = next(cache_at.iterdir())
    # another key's entry under this name (a collision of the short file name) is not read as this one's
    cache.store("test", ("b", 1), b"other")
    other = next(p for p in cache_at.iterdir() if p != entry)
    other.replace(entry)
    assert cache.load("test", ("a", 1)) is None


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "foreign"])
def test_a_damaged_entry_is_a_miss(cache_at: Path, damage: str) -> None:
    cache.store("test", "key", b"x" * 1000)
    entry = next(cache_at.iterdir())
    data = entry.read_bytes()
    entry.write_bytes({"truncate": data[:-10], "flip": data[:-1] + bytes([data[-1] ^ 1]), "empty": b"",
                       "foreign": b"\x80\x04not ours"}[damage])
    assert cache.load("test", "key") is None
    cache.store("test", "key", b"again")
    assert cache.load("test", "key") == b"again"


def test_an_unwritable_cache_is_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))
    cache.store("test", "key", b"value")  # no error
    assert cache.load("test", "key") is None


def _build(fmt: str, out: Path, cache_env: dict[str, str], *extra: str) -> bytes:
    env = {k: v for k, v in os.environ.items() if k not in (cache.CACHE_ENV, cache.DISABLE_ENV)}
    env.update(cache_env, LISHI_PUB_NO_PLUGINS="1", SOURCE_DATE_EPOCH="1650585600")
    result = subprocess.run([sys.executable, "-m", "lishi_pub", "convert", str(SAMPLE), "--to", fmt, "-o", str(out),
                             *extra], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    return out.read_bytes()


def test_a_pdf_is_the_same_with_and_without_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    on = {cache.CACHE_ENV: str(folder)}
    without = _build("pdf", tmp_path / "off.pdf", {cache.DISABLE_ENV: "1"})
    assert without.startswith(b"%PDF")
    assert _build("pdf", tmp_path / "cold.pdf", on) == without  # fills the cache
    kinds = {p.name.split("-")[0] for p in folder.iterdir()}
    assert {"ttfont", "jieba"} <= kinds, kinds
    assert _build("pdf", tmp_path / "warm.pdf", on) == without  # reads it
    for entry in folder.iterdir():  # damaged: every entry cut short
        entry.write_bytes(entry.read_bytes()[:40])
    assert _build("pdf", tmp_path / "damaged.pdf", on) == without


def test_the_help_is_the_same_with_and_without_the_cache(tmp_path: Path) -> None:
    def run_help(**env: str) -> str:
        base = {k: v for k, v in os.environ.items() if k not in (cache.CACHE_ENV, cache.DISABLE_ENV)}
        result = subprocess.run([sys.executable, "-m", "lishi_pub", "--help"], capture_output=True, text=True,
                                env={**base, "COLUMNS": "70", **env}, timeout=60)
        assert result.returncode == 0 and result.stderr == ""
        return result.stdout

    expected = run_help(LISHI_PUB_NO_CACHE="1")
    assert "convert" in expected and "usage: lishi-pub" in expected
    assert run_help(LISHI_PUB_CACHE=str(tmp_path)) == expected
    assert run_help(LISHI_PUB_CACHE=str(tmp_path)) == expected
    assert run_help(LISHI_PUB_CACHE=str(tmp_path), COLUMNS="50") == run_help(LISHI_PUB_NO_CACHE="1", COLUMNS="50")


HEADLINES = [
    "离石区档案馆开展“国家安全教育学习”活动",
    "公路改建工程顺利完工 市民出行更加便利",
    "ABC测试123中文混合abc de",
    "吕梁市离石区2022年春季植树造林工作全面启动",
    "",
    "《离石报》创刊70周年",
]


def test_sharded_jieba_words_cut_as_jieba_does(cache_at: Path) -> None:
    import jieba

    reference = jieba.Tokenizer()
    reference.initialize()
    filling = worddict.tokenizer()  # no cache yet: jieba's own load, and the shards are written
    assert isinstance(filling.FREQ, dict)
    reading = worddict.tokenizer()
    assert isinstance(reading.FREQ, worddict.ShardedWords)
    for text in HEADLINES:
        expected = list(reference.cut(text, HMM=False))
        assert list(filling.cut(text, HMM=False)) == expected
        assert list(reading.cut(text, HMM=False)) == expected
    assert len(reading.FREQ._shards) < worddict.SHARDS  # only the slices the headlines touch were read
    for entry in cache_at.iterdir():  # a damaged shard falls back to the whole dictionary
        if not entry.name.startswith("jieba"):
            continue
        entry.write_bytes(entry.read_bytes()[:-3])
    damaged = worddict.tokenizer()
    assert [list(damaged.cut(t, HMM=False)) for t in HEADLINES] == [list(reference.cut(t, HMM=False))
                                                                     for t in HEADLINES]
