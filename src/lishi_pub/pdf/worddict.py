"""jieba's word dictionary, read a slice at a time from the disk cache.

jieba loads all 580,000 entries of its prefix dictionary (0.4 s, 70 MB)
before cutting the first headline, which made it most of the time of a
one-page PDF.  Cutting a text only ever looks up words that start with one
of its own characters, so the dictionary is kept in the cache
(:mod:`lishi_pub.cache`) split into shards by first character, and a
headline loads the few shards its characters fall in.  jieba's own
algorithm runs on the shards unchanged, so the words are the same; with
the cache off, unwritable or damaged, jieba loads its dictionary as usual.
"""

from __future__ import annotations

import marshal
import os
import zlib
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from .. import cache

__all__ = ["SHARDS", "ShardedWords", "tokenizer"]

#: How many slices the dictionary is cut into: a headline touches a few dozen, each ~2,000 words.
SHARDS = 256
_KIND = "jieba-words"


def _shard_of(word: str) -> int:
    return zlib.crc32(word[0].encode("utf-8", "surrogatepass")) % SHARDS


class ShardedWords(Mapping[str, int]):
    """jieba's ``FREQ`` (word or prefix → frequency) with shards loaded on first look-up.

    ``whole`` gives the full dictionary; it is used when a shard cannot be
    read, so a damaged cache costs time, never words.
    """

    def __init__(self, shard: Callable[[int], dict[str, int] | None], whole: Callable[[], dict[str, int]]) -> None:
        self._load_shard = shard
        self._whole = whole
        self._shards: dict[int, dict[str, int]] = {}
        self._all: dict[str, int] | None = None

    def _shard(self, word: str) -> dict[str, int]:
        if self._all is not None:
            return self._all
        n = _shard_of(word)
        found = self._shards.get(n)
        if found is None:
            found = self._load_shard(n)
            if found is None:
                self._all = self._whole()
                return self._all
            self._shards[n] = found
        return found

    def __getitem__(self, word: str) -> int:
        if not isinstance(word, str) or not word:
            raise KeyError(word)
        return self._shard(word)[word]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and bool(word) and word in self._shard(word)

    def get(self, word: str, default: Any = None) -> Any:
        if not isinstance(word, str) or not word:
            return default
        return self._shard(word).get(word, default)

    def __iter__(self) -> Iterator[str]:
        if self._all is None:
            self._all = self._whole()
        return iter(self._all)

    def __len__(self) -> int:
        if self._all is None:
            self._all = self._whole()
        return len(self._all)


def _full(tok: Any) -> dict[str, int]:
    """jieba's own load of the whole dictionary (its marshal cache in the temporary folder, or the text)."""
    tok.initialize()
    return dict(tok.FREQ)


def tokenizer() -> Any:
    """A ``jieba.Tokenizer`` for the default dictionary whose words come from the cache when they can."""
    import jieba

    tok = jieba.Tokenizer()
    try:
        source = os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME)
        key: tuple[object, ...] = (getattr(jieba, "__version__", None), cache.file_stamp(source), SHARDS)
    except OSError:
        return tok
    if cache.cache_dir() is None:
        return tok
    total = cache.load(_KIND, (*key, "total"))
    if total is None:
        words = _full(tok)
        _store(key, words, tok.total)
        return tok
    fresh = jieba.Tokenizer()

    def whole() -> dict[str, int]:
        return _full(fresh)

    tok.FREQ = ShardedWords(lambda n: _read_shard(key, n), whole)
    tok.total = int(total.decode("ascii"))
    tok.initialized = True
    return tok


def _read_shard(key: tuple[object, ...], n: int) -> dict[str, int] | None:
    data = cache.load(_KIND, (*key, n))
    if data is None:
        return None
    try:
        shard = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    return shard if isinstance(shard, dict) else None


def _store(key: tuple[object, ...], words: dict[str, int], total: int) -> None:
    """The shards first, the total last: the total's presence says the whole set was written."""
    shards: list[dict[str, int]] = [{} for _ in range(SHARDS)]
    for word, freq in words.items():
        if word:
            shards[_shard_of(word)][word] = freq
    for n, shard in enumerate(shards):
        cache.store(_KIND, (*key, n), marshal.dumps(shard))
    cache.store(_KIND, (*key, "total"), str(total).encode("ascii"))
