"""The EPUB 2 navigation file (toc.ncx), built in time linear in the contents.

ebooklib's own ``_get_ncx`` looks up a ``content`` child (``find``) for
every entry it adds under a navPoint; lxml's ``find`` walks the children,
so a page of 50,000 articles took minutes.  Our table of contents is only
sections that link to a document and links, so that lookup never changes
anything: this writer builds the same tree, byte for byte, without it.
"""

from __future__ import annotations

from typing import Any

from ebooklib import epub
from ebooklib.utils import parse_string
from lxml import etree

__all__ = ["Writer"]


class Writer(epub.EpubWriter):  # type: ignore[misc]
    """ebooklib's writer with a linear toc.ncx."""

    def _get_ncx(self) -> bytes:
        root = parse_string(self.book.get_template("ncx")).getroot()
        head = etree.SubElement(root, "head")
        for name, content in (("dtb:uid", self.book.uid), ("dtb:depth", "0"), ("dtb:totalPageCount", "0"),
                              ("dtb:maxPageNumber", "0")):
            etree.SubElement(head, "meta", {"content": content, "name": name})
        etree.SubElement(etree.SubElement(root, "docTitle"), "text").text = self.book.title
        nav_map = etree.SubElement(root, "navMap")
        _entries(nav_map, self.book.toc, 0)
        data: bytes = etree.tostring(root, pretty_print=True, encoding="utf-8", xml_declaration=True)
        return data


def _entries(parent: Any, items: Any, uid: int) -> int:
    for item in items:
        if isinstance(item, (tuple, list)):
            section, children = item
            point = etree.SubElement(parent, "navPoint", {"id": f"sep_{uid}"})
            etree.SubElement(etree.SubElement(point, "navLabel"), "text").text = section.title
            etree.SubElement(point, "content", {"src": section.href})
            uid = _entries(point, children, uid + 1)
        elif isinstance(item, epub.Link):
            point = etree.SubElement(parent, "navPoint", {"id": item.uid})
            etree.SubElement(etree.SubElement(point, "navLabel"), "text").text = item.title
            etree.SubElement(point, "content", {"src": item.href})
        else:
            raise TypeError(f"table of contents entry {item!r} is neither a section nor a link")
    return uid
