"""The story as reportlab eats it: from the front, made as it goes.

reportlab's ``build`` takes the story as a list and works at its front: it
reads ``story[0]``, deletes it, puts a split paragraph's rest back with
``story[0:0] = rest`` or ``insert(0, …)``, and looks a few flowables ahead
for keep-with-next.  On a list each deletion moves every flowable behind
it, so a story of 400,000 flowables took quadratic time; and the list held
every paragraph of the issue, set, at once.  :class:`FlowableQueue` answers
the same calls from a deque that is filled from the story's generator only
as far as reportlab looks, so a pass holds the flowables of about one page
(bounded memory and linear time, issue 13), and the output is the same.

``multiBuild`` copies the story for each pass (``story[:]``) and walks it
once for its indexing flowables; here the copy is a fresh queue and the
walk a fresh generator, so no pass keeps another's flowables alive.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from reportlab.platypus.flowables import Flowable

__all__ = ["FlowableQueue"]

_END = object()


class FlowableQueue:
    """The calls reportlab's document template makes on its story list, in linear time and bounded memory."""

    def __init__(self, make: Callable[[], Iterator[Flowable]]) -> None:
        self._make = make
        self._source = make()
        self._front: deque[Flowable] = deque()
        self._ahead: object = next(self._source, _END)  # one made ahead, so the length is known

    def _reach(self, index: int) -> None:
        """Make flowables until ``index`` is in the deque (or the story ends)."""
        while len(self._front) <= index and self._ahead is not _END:
            self._front.append(self._ahead)
            self._ahead = next(self._source, _END)

    def __len__(self) -> int:
        """Only "is there more, and how far ahead may I look" is asked: the made part and one more."""
        return len(self._front) + (self._ahead is not _END)

    def __iter__(self) -> Iterator[Flowable]:
        return self._make()

    def __getitem__(self, key: int | slice) -> Flowable | list[Flowable] | FlowableQueue:
        if isinstance(key, slice):
            if key == slice(None):
                return FlowableQueue(self._make)  # multiBuild's copy for a new pass: the story afresh
            start, stop = _front_slice(key)
            self._reach(stop - 1)
            return list(islice(self._front, start, stop))
        if key < 0:
            raise IndexError("a story queue is read from the front")
        self._reach(key)
        return self._front[key]

    def __delitem__(self, key: int | slice) -> None:
        if isinstance(key, slice):
            start, stop = _front_slice(key)
            if start:
                raise IndexError("a story queue is cut at the front")
            self._reach(stop - 1)
            for _ in range(min(stop, len(self._front))):
                self._front.popleft()
            return
        if key != 0:
            raise IndexError("a story queue is cut at the front")
        self._reach(0)
        self._front.popleft()

    def __setitem__(self, key: slice, items: Iterable[Flowable]) -> None:
        if not isinstance(key, slice) or _front_slice(key) != (0, 0):
            raise IndexError("a story queue takes flowables back only at the front")
        self._front.extendleft(reversed(list(items)))

    def insert(self, index: int, item: Flowable) -> None:
        if index != 0:
            raise IndexError("a story queue takes flowables back only at the front")
        self._front.appendleft(item)


def _front_slice(key: slice) -> tuple[int, int]:
    if key.step not in (None, 1) or key.stop is None or (key.start or 0) < 0 or key.stop < 0:
        raise IndexError("a story queue is sliced from the front")
    return key.start or 0, key.stop
