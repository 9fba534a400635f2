"""Fitting a screen: lines cut to a width, short pieces packed, rows within a budget."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from farley.render.document import Document, Line, Span, plain_text

Limits = TypeVar("Limits", bound=Any)

ELLIPSIS = "…"
# A span cut shorter than this says nothing; the line's end is cut instead.
SHORTEST_CUT = 12


def fit(spans: Line, width: int | None) -> Line:
    """The line cut to `width`, shortening its longest span so the rest stays.

    Unstyled spans are the content; styled ones (a due date, a warning) are
    cut only when no unstyled span is long enough.
    """
    over = len(plain_text(spans)) - (width or 0)
    if width is None or over <= 0:
        return spans
    longest = max(
        range(len(spans)),
        key=lambda index: (spans[index].style is None, len(spans[index].text)),
    )
    if len(spans[longest].text) - over - len(ELLIPSIS) < SHORTEST_CUT:
        longest = max(range(len(spans)), key=lambda index: len(spans[index].text))
    text = spans[longest].text
    keep = len(text) - over - len(ELLIPSIS)
    if keep < SHORTEST_CUT:
        return _cut_end(spans, width)
    cut = Span(text[:keep].rstrip() + ELLIPSIS, spans[longest].style)
    return [*spans[:longest], cut, *spans[longest + 1 :]]


def _cut_end(spans: Line, width: int) -> Line:
    kept: Line = []
    room = width - len(ELLIPSIS)
    for span in spans:
        if len(span.text) >= room:
            kept.append(Span(span.text[:room].rstrip() + ELLIPSIS, span.style))
            break
        kept.append(span)
        room -= len(span.text)
    return kept


def pack(pieces: list[Line], width: int | None, separator: str = " · ") -> list[Line]:
    """Short pieces joined onto as few lines as `width` allows, in order."""
    lines: list[Line] = []
    for piece in pieces:
        if lines and width is not None:
            joined = (
                len(plain_text(lines[-1])) + len(separator) + len(plain_text(piece))
            )
            if joined <= width:
                lines[-1] = [*lines[-1], Span(separator, "dim"), *piece]
                continue
        lines.append(list(piece))
    return lines


def fill_rows(
    build: Callable[[Limits], Document],
    limits: Limits,
    most: dict[str, int],
    budget: int,
) -> Document:
    """The document built with limits grown or shrunk to fill `budget` rows.

    `most` names the limits in order of importance, with the most each could
    use: while over budget, the least important that saves a row gets one less
    (never under one, or under where it started if that was none); then, while
    under, the most important that still fits gets one more.
    """
    bounds = {name: (min(1, getattr(limits, name)), top) for name, top in most.items()}
    document = build(limits)
    while (over := rows(document)) > budget:
        smaller = _step(build, limits, bounds, -1, lambda d: rows(d) < over)
        if smaller is None:
            break
        limits, document = smaller
    # More of anything never takes fewer rows: a count that did not fit once
    # is not tried again, which saves most of the builds.
    full: set[str] = set()

    def fits(document: Document) -> bool:
        return rows(document) <= budget

    while grown := _step(build, limits, bounds, 1, fits, full):
        limits, document = grown
    return document


def _step(
    build: Callable[[Limits], Document],
    limits: Limits,
    bounds: dict[str, tuple[int, int]],
    by: int,
    better: Callable[[Document], bool],
    full: set[str] | None = None,
) -> tuple[Limits, Document] | None:
    """Limits one apart from these on one count, within its bounds, first
    that builds `better`."""
    names = list(bounds) if by > 0 else list(reversed(bounds))
    for name in names:
        value = getattr(limits, name) + by
        lowest, highest = bounds[name]
        if value < lowest or value > highest or (full and name in full):
            continue
        trial = replace(limits, **{name: value})
        document = build(trial)
        if better(document):
            return trial, document
        if full is not None:
            full.add(name)
    return None


def rows(document: Document) -> int:
    """Rows the document takes once its lines fit the width: one a line."""
    from farley.render.plain import write_plain

    return write_plain(document).count("\n")
