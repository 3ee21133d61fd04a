"""The book's style sheets, shipped as package data next to this module."""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["stylesheets"]


@cache
def _read(name: str) -> bytes:
    return resources.files(__package__).joinpath(name).read_bytes()


def stylesheets(vertical: bool) -> dict[str, bytes]:
    """File name to content, in the order documents link them."""
    names = ("book.css", "vertical.css") if vertical else ("book.css",)
    return {name: _read(name) for name in names}
