"""The EPUB 2 navigation file (toc.ncx), built in time linear in the contents.

ebooklib's own ``_get_ncx`` looks up a ``content`` child (``find``) for
every entry it adds under a navPoint; lxml's ``find`` walks the children,
so a page of 50,000 articles took minutes.  Our table of contents is only
sections that link to a document and links, so that lookup never changes
anything: this writer writes the same file without it, entry by entry
rather than as one tree, and with ``dtb:depth`` counted from the table of
contents (ebooklib writes 0, where an issue is 2 deep and a collection 3).
"""

from __future__ import annotations

from typing import Any

from ebooklib import epub
from ebooklib.utils import parse_string
from lxml import etree

from .finish import package_language

__all__ = ["Writer"]


class Writer(epub.EpubWriter):  # type: ignore[misc]
    """ebooklib's writer with a linear toc.ncx, and :mod:`.finish`'s repairs made on its trees."""

    def _write_opf_file(self, root: Any) -> None:
        package_language(root, self.book.language)
        super()._write_opf_file(root)

    def _get_ncx(self) -> bytes:
        root = parse_string(self.book.get_template("ncx")).getroot()
        head = etree.SubElement(root, "head")
        for name, content in (("dtb:uid", self.book.uid), ("dtb:depth", str(_depth(self.book.toc))),
                              ("dtb:totalPageCount", "0"), ("dtb:maxPageNumber", "0")):
            etree.SubElement(head, "meta", {"content": content, "name": name})
        etree.SubElement(etree.SubElement(root, "docTitle"), "text").text = self.book.title
        etree.SubElement(root, "navMap").append(etree.Comment(_HOLE))
        before, after = _split(etree.tostring(root, pretty_print=True, encoding="utf-8", xml_declaration=True), 2)
        out = [before]
        _entries(out, self.book.toc, 0, 2)
        out.append(after)
        return b"".join(out)


#: Where a tree's children go when they are written one by one.
_HOLE = "entries"


def _split(data: bytes, depth: int) -> tuple[bytes, bytes]:
    """A pretty-printed tree cut where its :data:`_HOLE` comment stands, ``depth`` levels down."""
    before, hole, after = data.partition(b"  " * depth + f"<!--{_HOLE}-->\n".encode())
    if not hole:
        raise ValueError("no place for the entries in the NCX")
    return before, after


def _indented(data: bytes, depth: int) -> bytes:
    """A subtree pretty-printed on its own, indented to ``depth`` as it stands in the file (labels have no line breaks)."""
    pad = b"  " * depth
    return b"".join(pad + line for line in data.splitlines(keepends=True))


def _depth(items: Any) -> int:
    return max((1 + (_depth(item[1]) if isinstance(item, (tuple, list)) else 0) for item in items), default=0)


def _entries(out: list[bytes], items: Any, uid: int, depth: int) -> int:
    """Each entry's navPoint, written as its own small tree: a page of 100,000 articles never
    stands as one tree in memory (bounded memory, issue 13), and the file is what one tree
    pretty-printed would be."""
    for item in items:
        if isinstance(item, (tuple, list)):
            section, children = item
            point = etree.Element("navPoint", {"id": f"sep_{uid}"})
            etree.SubElement(etree.SubElement(point, "navLabel"), "text").text = section.title
            etree.SubElement(point, "content", {"src": section.href})
            point.append(etree.Comment(_HOLE))
            before, after = _split(etree.tostring(point, pretty_print=True, encoding="utf-8"), 1)
            out.append(_indented(before, depth))
            uid = _entries(out, children, uid + 1, depth + 1)
            out.append(_indented(after, depth))
        elif isinstance(item, epub.Link):
            point = etree.Element("navPoint", {"id": item.uid})
            etree.SubElement(etree.SubElement(point, "navLabel"), "text").text = item.title
            etree.SubElement(point, "content", {"src": item.href})
            out.append(_indented(etree.tostring(point, pretty_print=True, encoding="utf-8"), depth))
        else:
            raise TypeError(f"table of contents entry {item!r} is neither a section nor a link")
    return uid
