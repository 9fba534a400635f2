"""A small document model that every view builds and every output format writes."""

from __future__ import annotations

from dataclasses import dataclass, field

# Styles are names, not colours: each output decides how (and whether) to show them.
STYLES = ("strong", "dim", "warn", "danger", "good", "accent", "match")


# The parts below are made without repr and eq: nothing prints or compares
# them, and each generated method costs every command's start.
@dataclass(slots=True, repr=False, eq=False)
class Span:
    text: str
    style: str | None = None


Line = list[Span]


def line(*parts: str | Span) -> Line:
    """A line from plain strings and styled spans."""
    return [part if isinstance(part, Span) else Span(part) for part in parts]


@dataclass(slots=True, repr=False, eq=False)
class Section:
    """A titled block of lines; `tone` marks one that must stand out.

    `inline` puts a one-line section on its title's line, where the output has
    lines to save (Markdown keeps its headings).
    `bullets` marks each line as an item of a list; each output draws its own.
    """

    title: str | None
    lines: list[Line] = field(default_factory=list)
    tone: str | None = None
    inline: bool = False
    bullets: bool = False


@dataclass(slots=True, repr=False, eq=False)
class Table:
    columns: list[str]
    rows: list[list[Line]] = field(default_factory=list)
    title: str | None = None


@dataclass(slots=True, repr=False, eq=False)
class Document:
    """What a command prints: a heading, then sections and tables in order."""

    heading: Line | None = None
    blocks: list[Section | Table] = field(default_factory=list)
    compact: bool = False  # no blank line between blocks

    def add(self, block: Section | Table) -> None:
        if isinstance(block, Section) and not block.lines:
            return
        if isinstance(block, Table) and not block.rows:
            return
        self.blocks.append(block)


def plain_text(spans: Line) -> str:
    return "".join(span.text for span in spans)


def match_spans(text: str, start: str, end: str) -> Line:
    """Split text holding `start`...`end` markers into plain and matched spans."""
    spans: Line = []
    rest = text
    while start in rest:
        before, _, after = rest.partition(start)
        matched, _, rest = after.partition(end)
        spans += [Span(before), Span(matched, "match")]
    spans.append(Span(rest))
    return [span for span in spans if span.text]
