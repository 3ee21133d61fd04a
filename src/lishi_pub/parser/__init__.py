"""From raw page dumps to the document model.

The stages, each its own module: ``text`` (characters and spaces), ``lines``
(physical lines and the extractor's style), ``reflow`` (lines to blocks),
``markers`` (datelines, bylines, credits, subheadings, furniture),
``headlines`` (the headline block and matching it to articles), ``segment``
(blocks to articles), ``page`` and ``issue`` (assembly).
"""
