"""Full-text search over people, notes, facts and reminders, whatever is typed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from farley.dates.format import from_iso, to_iso
from farley.domain.models import PersonRef
from farley.errors import InvalidInput
from farley.store import Store

# The index's rowid is id * 4 + kind; see farley/store/schema.py.
KINDS = ("person", "note", "fact", "reminder")
# Private-use characters around matched words: they never occur in typed text.
MARK_START, MARK_END = "\ue000", "\ue001"
# Ranking costs about a microsecond per matching row, so a word found in most
# notes is not ranked: past this many hits the newest ones are shown instead.
RANK_CAP = 2000
DEFAULT_LIMIT = 20
SNIPPET_WORDS = 12
_OPERATORS = ("AND", "OR", "NOT")
_PHRASE = re.compile(r'((?<!\S)-)?"([^"]*)"')
# Scripts written without spaces between words: a typed word is usually the
# start of a longer token (李 of 李小龍), so it is searched as a prefix.
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]"
)
# The role of each piece of a query: an operator, a term, or a term to leave out.
_OPERATOR, _TERM, _UNWANTED = "operator", "term", "unwanted"
Item = tuple[str, str]


@dataclass(slots=True)
class SearchHit:
    """One match: what it is, about whom, when, and the text around the words."""

    kind: str
    id: int
    people: list[PersonRef]
    on: date | datetime | None
    title: str
    snippet: str
    label: str | None = None


@dataclass(slots=True)
class SearchResult:
    query: str
    expression: str | None = None  # what FTS5 was asked; None: no word to search
    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0
    # More than RANK_CAP hits: `hits` are the newest, not the best ranked.
    more: bool = False


def check_kind(kind: str) -> int:
    """The index kind number of "note", "fact", "person" or "reminder"."""
    cleaned = kind.strip().lower()
    cleaned = {"people": "person"}.get(cleaned, cleaned.removesuffix("s"))
    if cleaned not in KINDS:
        raise InvalidInput(f'"{kind}" is not a kind: use one of {", ".join(KINDS)}')
    return KINDS.index(cleaned)


# The MATCH expression


def match_expression(query: str) -> str | None:
    """An FTS5 expression for what was typed, or None when no word is in it.

    Phrases in double quotes stay phrases, word* stays a prefix, AND/OR/NOT
    between two terms stay operators (anywhere else they are dropped), and
    -word leaves out what has that word; everything else is quoted as a plain
    token, so that no input can be an FTS5 syntax error.
    """
    items = _items(query)
    wanted = [item for item in items if item[0] != _UNWANTED]
    unwanted = [text for role, text in items if role == _UNWANTED]
    if not any(role == _TERM for role, _ in wanted):
        # Nothing to leave it out of: -budget alone is the word budget.
        wanted, unwanted = wanted + [(_TERM, text) for text in unwanted], []
    terms = _placed_operators(wanted)
    if not terms:
        return None
    if not unwanted:
        return " ".join(terms)
    return f"({' '.join(terms)}) NOT " + " NOT ".join(unwanted)


def _items(query: str) -> list[Item]:
    """The query's phrases, operators and terms, in order."""
    items: list[Item] = []
    position = 0
    for found in _PHRASE.finditer(query):
        items += _chunks(query[position : found.start()])
        items += _term(found[2], phrase=True, unwanted=bool(found[1]))
        position = found.end()
    return items + _chunks(query[position:])


def _chunks(text: str) -> list[Item]:
    """An item for each whitespace-separated chunk worth searching."""
    items: list[Item] = []
    for chunk in text.replace('"', " ").split():
        if chunk in _OPERATORS:
            items.append((_OPERATOR, chunk))
        else:
            items += _term(chunk.lstrip("-"), False, chunk.startswith("-"))
    return items


def _term(text: str, phrase: bool, unwanted: bool) -> list[Item]:
    if not any(char.isalnum() for char in text):
        return []
    role = _UNWANTED if unwanted else _TERM
    if not phrase and (text.endswith("*") or _UNSPACED.search(text)):
        return [(role, f'"{text.rstrip("*")}"*')]
    return [(role, f'"{text}"')]


def _placed_operators(items: list[Item]) -> list[str]:
    """Keep an operator only between two terms; only operators: they are words."""
    if all(role == _OPERATOR for role, _ in items):
        return [f'"{text}"' for _, text in items]
    terms: list[str] = []
    for role, text in items:
        if role == _TERM or (terms and terms[-1] not in _OPERATORS):
            terms.append(text)
    if terms[-1] in _OPERATORS:
        terms.pop()
    return terms


def nothing_to_search(query: str) -> InvalidInput:
    """The error for a query without a single word in it."""
    if not query.replace('"', "").strip():
        return InvalidInput(
            'nothing to search for: type a word, "a phrase" or a prefix like budg*'
        )
    return InvalidInput(
        f"nothing to search for in {query.strip()}: emoji and other symbols are not "
        "indexed, only words; type a word, e.g. farley search budget"
    )


# Running it


def search(
    store: Store,
    query: str,
    person_id: int | None = None,
    since: date | None = None,
    kind: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> SearchResult:
    """The best hits for `query` (the newest when there are very many)."""
    expression = match_expression(query)
    if expression is None:
        raise nothing_to_search(query)
    result = SearchResult(query, expression)
    kind_number = check_kind(kind) if kind else None
    where, params = _filters(expression, person_id, since, kind_number)
    result.total = store.value(
        f"SELECT count(*) FROM (SELECT 1 FROM search_index WHERE {where} LIMIT ?)",
        (*params, RANK_CAP + 1),
    )
    result.more = result.total > RANK_CAP
    order = _order(result.more, person_id is not None)
    rows = store.query(
        f"""SELECT rowid, highlight(search_index, 0, ?, ?) AS title,
            snippet(search_index, 1, ?, ?, '…', ?) AS snippet
        FROM search_index WHERE {where} ORDER BY {order} LIMIT ?""",
        (MARK_START, MARK_END, MARK_START, MARK_END, SNIPPET_WORDS, *params, limit),
    )
    result.hits = _hydrate(store, rows)
    result.total = min(result.total, RANK_CAP)
    return result


def _order(more: bool, one_person: bool) -> str:
    if more:
        return "rowid DESC"
    # FTS5 sorts by rank itself, but runs the whole query again for each rowid
    # of a person's: their few hits are cheaper sorted afterwards.
    return "bm25(search_index)" if one_person else "rank"


def _filters(
    expression: str, person_id: int | None, since: date | None, kind: int | None
) -> tuple[str, list[Any]]:
    where, params = ["search_index MATCH ?"], [expression]
    if kind is not None:
        where.append("rowid % 4 = ?")
        params.append(kind)
    if person_id is not None:
        # The person's own rows, few, looked up by rowid: never a scan of all hits.
        where.append(f"rowid IN ({_rows_of_person(kind)})")
        params += [person_id] * (1 if kind is not None else 4)
    if since is not None:
        where.append(f"({_DATE_OF_ROW}) >= ?")
        params.append(to_iso(since))
    return " AND ".join(where), params


_PERSON_ROWS = (
    "SELECT ? * 4",
    "SELECT note_id * 4 + 1 FROM note_people WHERE person_id = ?",
    "SELECT id * 4 + 2 FROM facts WHERE person_id = ?",
    "SELECT id * 4 + 3 FROM reminders WHERE person_id = ?",
)
_DATE_OF_ROW = """CASE search_index.rowid % 4
    WHEN 0 THEN (SELECT created_at FROM people WHERE id = search_index.rowid / 4)
    WHEN 1 THEN (SELECT happened_at FROM notes WHERE id = search_index.rowid / 4)
    WHEN 2 THEN (SELECT learned_on FROM facts WHERE id = search_index.rowid / 4)
    ELSE (SELECT created_at FROM reminders WHERE id = search_index.rowid / 4) END"""


def _rows_of_person(kind: int | None) -> str:
    if kind is not None:
        return _PERSON_ROWS[kind]
    return " UNION ALL ".join(_PERSON_ROWS)


# Who and when each hit is about


def _hydrate(store: Store, rows: list[Any]) -> list[SearchHit]:
    ids: dict[int, list[int]] = {number: [] for number in range(len(KINDS))}
    for row in rows:
        ids[row["rowid"] % 4].append(row["rowid"] // 4)
    details = {
        0: _people_details(store, ids[0]),
        1: _note_details(store, ids[1]),
        2: _fact_details(store, ids[2]),
        3: _reminder_details(store, ids[3]),
    }
    hits = []
    for row in rows:
        number, item_id = row["rowid"] % 4, row["rowid"] // 4
        people, on, label = details[number].get(item_id, ([], None, None))
        hits.append(
            SearchHit(
                KINDS[number], item_id, people, on, row["title"], row["snippet"], label
            )
        )
    return hits


Details = dict[int, tuple[list[PersonRef], date | datetime | None, str | None]]


def _marks(ids: list[int]) -> str:
    return ", ".join("?" for _ in ids)


def _ref(row: Any, prefix: str = "") -> PersonRef:
    return PersonRef(row[f"{prefix}id"], row[f"{prefix}name"], row[f"{prefix}company"])


def _people_details(store: Store, ids: list[int]) -> Details:
    rows = store.query(
        f"SELECT id, name, company, created_at FROM people WHERE id IN ({_marks(ids)})",
        ids,
    )
    return {r["id"]: ([_ref(r)], from_iso(r["created_at"]), None) for r in rows}


def _note_details(store: Store, ids: list[int]) -> Details:
    details: Details = {}
    rows = store.query(
        f"SELECT id, kind, happened_at FROM notes WHERE id IN ({_marks(ids)})", ids
    )
    for row in rows:
        details[row["id"]] = ([], from_iso(row["happened_at"]), row["kind"])
    people = store.query(
        f"""SELECT np.note_id, p.id AS p_id, p.name AS p_name, p.company AS p_company
        FROM note_people np JOIN people p ON p.id = np.person_id
        WHERE np.note_id IN ({_marks(ids)}) ORDER BY np.note_id, p.id""",
        ids,
    )
    for row in people:
        details[row["note_id"]][0].append(_ref(row, "p_"))
    return details


def _fact_details(store: Store, ids: list[int]) -> Details:
    rows = store.query(
        f"""SELECT f.id AS fact_id, f.category, f.learned_on, p.id, p.name, p.company
        FROM facts f JOIN people p ON p.id = f.person_id
        WHERE f.id IN ({_marks(ids)})""",
        ids,
    )
    return {
        r["fact_id"]: ([_ref(r)], from_iso(r["learned_on"]), r["category"])
        for r in rows
    }


def _reminder_details(store: Store, ids: list[int]) -> Details:
    rows = store.query(
        f"""SELECT r.id AS reminder_id, r.created_at, r.done_at, r.they_owe,
            p.id, p.name, p.company
        FROM reminders r JOIN people p ON p.id = r.person_id
        WHERE r.id IN ({_marks(ids)})""",
        ids,
    )
    return {r["reminder_id"]: _reminder_detail(r) for r in rows}


def _reminder_detail(row: Any) -> tuple[list[PersonRef], date | datetime, str]:
    state = "done" if row["done_at"] else "open"
    label = f"{state}, they owe" if row["they_owe"] else state
    return [_ref(row)], from_iso(row["created_at"]), label
