"""Lines that fit a width: cut with an ellipsis, or short pieces packed together."""

from __future__ import annotations

from farley.render.document import Line, Span, plain_text

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
