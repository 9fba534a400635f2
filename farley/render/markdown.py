"""Documents as Markdown, to paste into meeting notes or a document."""

from __future__ import annotations

from farley.render.document import Document, Line, Section, Table

_WRAP = {"strong": "**", "danger": "**", "warn": "**", "match": "**"}


def write_markdown(document: Document) -> str:
    parts: list[str] = []
    if document.heading:
        parts.append("# " + _text(document.heading))
    for block in document.blocks:
        parts.append(_section(block) if isinstance(block, Section) else _table(block))
    return "\n\n".join(parts) + "\n"


def _text(line: Line) -> str:
    out = []
    for span in line:
        text = _escape(span.text)
        wrap = _WRAP.get(span.style or "", "")
        core = text.strip()
        if wrap and core:
            lead, trail = (
                text[: len(text) - len(text.lstrip())],
                text[len(text.rstrip()) :],
            )
            text = f"{lead}{wrap}{core}{wrap}{trail}"
        out.append(text)
    return "".join(out)


def _escape(text: str) -> str:
    for char in "\\`*_[]#|":
        text = text.replace(char, "\\" + char)
    return text


def _section(section: Section) -> str:
    title = section.title or ""
    if section.tone == "danger":
        title = f"⚠ {title}"
    lines = [f"## {title}"] if title else []
    lines += [f"- {_text(line)}" for line in section.lines]
    return "\n".join(lines)


def _table(table: Table) -> str:
    head = "| " + " | ".join(table.columns) + " |"
    rule = "|" + "|".join(" --- " for _ in table.columns) + "|"
    body = ["| " + " | ".join(_text(cell) for cell in row) + " |" for row in table.rows]
    title = [f"## {table.title}", ""] if table.title else []
    return "\n".join([*title, head, rule, *body])
