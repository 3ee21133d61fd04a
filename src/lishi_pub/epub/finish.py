"""What ebooklib leaves wrong in the package files, put right after it writes them.

- ``<package>`` gets ``xml:lang``: without it DAISY Ace reports ``epub-lang``
  (serious) on every book, and reading systems cannot tell the language of
  the metadata (the package's ``dc:language`` names the content's).
- The NCX's ``dtb:depth`` is the depth of its ``navMap``: ebooklib writes 0,
  where an issue is 2 deep (page → article) and a collection 3.

Both are edited as XML trees (lxml), never as text.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

__all__ = ["finish_package"]

OPF_NS = "http://www.idpf.org/2007/opf"
NCX_NS = "http://www.daisy.org/z3986/2005/ncx/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _serialise(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))


def package_language(opf: bytes, lang: str) -> bytes:
    root = etree.fromstring(opf)
    root.set(XML_LANG, lang)
    return _serialise(root)


def _depth(point: etree._Element) -> int:
    children = point.findall(f"{{{NCX_NS}}}navPoint")
    return 1 + max((_depth(c) for c in children), default=0)


def ncx_depth(ncx: bytes) -> bytes:
    root = etree.fromstring(ncx)
    nav_map = root.find(f"{{{NCX_NS}}}navMap")
    depth = max((_depth(p) for p in nav_map.findall(f"{{{NCX_NS}}}navPoint")), default=0) if nav_map is not None else 0
    for meta in root.iter(f"{{{NCX_NS}}}meta"):
        if meta.get("name") == "dtb:depth":
            meta.set("content", str(depth))
    return _serialise(root)


def finish_package(lang: str) -> Callable[[str, bytes], bytes]:
    """The ``finish`` callback for :func:`.zipwrite.write_book`."""

    def finish(name: str, data: bytes) -> bytes:
        if name.endswith(".opf"):
            return package_language(data, lang)
        if name.endswith(".ncx"):
            return ncx_depth(data)
        return data

    return finish
