"""Search results: each hit with whom, when, and its matched words highlighted."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from farley.domain.search import MARK_END, MARK_START, RANK_CAP, SearchHit
from farley.domain.search import SearchResult as Result
from farley.render.data import to_data
from farley.render.document import Document, Line, Section, Span, line, match_spans
from farley.render.labels import names, when_with_relative


def search_document(result: Result, now: datetime) -> Document:
    document = Document(heading=line(_summary(result)))
    lines: list[Line] = []
    for hit in result.hits:
        lines += hit_lines(hit, now)
    document.add(Section(None, lines))
    return document


def _summary(result: Result) -> str:
    shown, total, quoted = len(result.hits), result.total, f'"{result.query}"'
    if result.more:
        return (
            f"More than {RANK_CAP} hits for {quoted}: the {shown} newest "
            "(narrow with more words, --person, --since or --kind)"
        )
    if not total:
        return f"No hits for {quoted}."
    if shown < total:
        return f"{total} hits for {quoted}: the best {shown} (--limit for more)"
    return f"{total} hit{'s' if total > 1 else ''} for {quoted}"


def hit_lines(hit: SearchHit, now: datetime) -> list[Line]:
    """A heading (who, what, when) and the snippet with matches marked."""
    head: Line = _who(hit)
    detail = f"{hit.kind} ({hit.label})" if hit.label else hit.kind
    when = f", {when_with_relative(hit.on, now)}" if hit.on else ""
    head += [Span(f" · {detail}{when}", "dim"), Span(f"  #{hit.id}", "dim")]
    text = _text(hit)
    return [head, line("  ", *text)] if text else [head]


def _who(hit: SearchHit) -> Line:
    if hit.kind == "person":
        return [_strong(span) for span in _spans(hit.title)]
    return [Span(names(hit.people) or "(no one)", "strong")]


def _strong(span: Span) -> Span:
    return span if span.style == "match" else Span(span.text, "strong")


def _text(hit: SearchHit) -> Line:
    if hit.kind == "fact":
        return [*_spans(hit.title), Span(": "), *_spans(hit.snippet)]
    if hit.kind == "person" and MARK_START not in hit.snippet:
        return []
    return _spans(hit.snippet)


def _spans(text: str) -> Line:
    return match_spans(" ".join(text.split()), MARK_START, MARK_END)


def search_data(result: Result) -> dict[str, Any]:
    """The JSON form: plain title and snippet, with the matched words listed."""
    return {
        "query": result.query,
        "expression": result.expression,
        "total": result.total,
        "more": result.more,
        "hits": [_hit_data(hit) for hit in result.hits],
    }


def _hit_data(hit: SearchHit) -> dict[str, Any]:
    data = to_data(hit)
    spans = _spans(hit.title) + _spans(hit.snippet)
    data["title"] = _plain(hit.title)
    data["snippet"] = _plain(hit.snippet)
    data["matches"] = sorted({s.text for s in spans if s.style == "match"})
    return data


def _plain(text: str) -> str:
    return " ".join(text.replace(MARK_START, "").replace(MARK_END, "").split())
