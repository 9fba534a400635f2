"""What each part of one person's brief shows within its limits, most telling first."""

from __future__ import annotations

from datetime import date

from farley.domain.brief import FactEntry, PersonBrief
from farley.domain.models import PersonRef, Reminder
from farley.domain.occasions import Occasion

# Yearly dates that rank before the others when not all can be shown.
PERSONAL_DATES = ("birthday", "anniversary", "wedding anniversary")


def new_facts(brief: PersonBrief) -> set[int]:
    """The ids of the facts learned since the last meeting."""
    since = brief.since_last_met
    return {f.id for f in since.facts} if since else set()


def shown_facts(brief: PersonBrief, limit: int, other: int) -> list[FactEntry]:
    """The facts that matter most, in their groups: family, then what is new;
    facts of category other apart, up to `other` of them, new first."""
    entries = [e for group in brief.facts.values() for e in group]
    new = new_facts(brief)
    ranked = sorted(
        range(len(entries)),
        key=lambda i: (
            entries[i].fact.category != "family",
            entries[i].fact.id not in new,
            i,
        ),
    )
    main = [i for i in ranked if entries[i].fact.category != "other"]
    rest = [i for i in ranked if entries[i].fact.category == "other"]
    return [entries[i] for i in sorted(main[:limit] + rest[:other])]


def shown_dates(brief: PersonBrief, limit: int) -> list[Occasion]:
    """Birthdays and anniversaries first, then the other dates; shown by date."""
    ranked = sorted(brief.dates, key=lambda o: (o.label not in PERSONAL_DATES, o.on))
    return sorted(ranked[:limit], key=lambda o: o.on)


def shown_reminders(brief: PersonBrief, limit: int, today: date) -> list[Reminder]:
    """Overdue first, then what you owe, then what they owe; at least one of
    each side when there is one, since what they owe you matters as much."""
    ordered = sorted(
        [*brief.you_owe, *brief.they_owe],
        key=lambda r: (not r.is_overdue(today), r.they_owe),
    )
    shown = ordered[:limit]
    for side in (brief.you_owe, brief.they_owe):
        ids = {r.id for r in side}
        if ids and not any(r.id in ids for r in shown):
            first = next(r for r in ordered if r.id in ids)
            shown = [*shown[: max(len(shown) - 1, 1)], first]
    kept = {r.id for r in shown}
    return [r for r in ordered if r.id in kept]


def shown_asks(brief: PersonBrief, limit: int, previews: str) -> list[str]:
    """The things to ask about, first those nothing else shows: a question
    left out here is still read whole in `previews`, the notes as the screen
    shows them, but a fact or a question cut from its preview would be lost."""
    asks = brief.ask_about
    ranked = sorted(range(len(asks)), key=lambda i: (asks[i] in previews, i))
    return [asks[i] for i in sorted(ranked[:limit])]


def facts_left_out(brief: PersonBrief, facts: int, other: int, asks: list[str]) -> int:
    """Facts not shown: past the first `facts`, past the first `other` of
    category other, or offered to ask about and not among the `asks` shown."""
    others = len(brief.facts.get("other", []))
    hidden = max(sum(map(len, brief.facts.values())) - others - facts, 0)
    hidden += max(others - other, 0)
    return hidden + sum(
        1 for ask in brief.ask_about if ask not in asks and not _is_question(brief, ask)
    )


def questions_left_out(brief: PersonBrief, asks: list[str], previews: str) -> int:
    """Questions neither among the `asks` shown nor read whole in `previews`."""
    return sum(
        1
        for ask in brief.ask_about
        if ask not in asks and ask not in previews and _is_question(brief, ask)
    )


def _is_question(brief: PersonBrief, ask: str) -> bool:
    """Whether an ask is a note's question; the others are facts, offered to
    ask about in the domain."""
    return any(ask in note.text for note in brief.notes)


def left_out_text(
    whose: str, counts: list[tuple[int, str, str]], person: PersonRef, width: int | None
) -> str | None:
    """The closing line for what was left out, shortened in its counts, never
    in its command: "28 more" when they do not fit, the id for the name."""
    left = [f"{n} {one if n == 1 else many}" for n, one, many in counts if n > 0]
    if not left:
        return None
    named = f"farley show {typed(person.name)}"
    numbered = f"farley show {person.id}"
    total = f"{sum(n for n, _, _ in counts if n > 0)} more"
    tries = [(", ".join(left), named), (", ".join(left), numbered)]
    tries += [(total, named), (total, numbered)]
    for said, command in tries:
        text = f"{whose}: {said} — {command}"
        if width is None or len(text) <= width:
            break
    return text


def typed(name: str) -> str:
    """A name as typed in a shell: quoted unless it is one plain word."""
    return name if name.isalnum() else f'"{name}"'
