"""What each part of one person's brief shows within its limits, most telling first."""

from __future__ import annotations

from datetime import date

from farley.domain.brief import FactEntry, PersonBrief
from farley.domain.models import Reminder
from farley.domain.occasions import Occasion

# Yearly dates that rank before the others when not all can be shown.
PERSONAL_DATES = ("birthday", "anniversary", "wedding anniversary")


def new_facts(brief: PersonBrief) -> set[int]:
    """The ids of the facts learned since the last meeting."""
    since = brief.since_last_met
    return {f.id for f in since.facts} if since else set()


def shown_facts(brief: PersonBrief, limit: int) -> list[FactEntry]:
    """The facts that matter most, in their groups: family, then what is new;
    facts of category other come last."""
    entries = [e for group in brief.facts.values() for e in group]
    new = new_facts(brief)
    ranked = sorted(
        range(len(entries)),
        key=lambda i: (
            entries[i].fact.category == "other",
            entries[i].fact.category != "family",
            entries[i].fact.id not in new,
            i,
        ),
    )
    return [entries[i] for i in sorted(ranked[:limit])]


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


def shown_asks(brief: PersonBrief, limit: int, notes: int) -> list[str]:
    """The things to ask about, first those nothing else shows: a question
    left out here stays in the preview of its note (one of the first `notes`),
    a fact would be lost."""
    asks = brief.ask_about
    previews = [note.text for note in brief.notes[:notes]]
    ranked = sorted(
        range(len(asks)),
        key=lambda i: (any(asks[i] in text for text in previews), i),
    )
    return [asks[i] for i in sorted(ranked[:limit])]


def facts_left_out(brief: PersonBrief, facts: int, asks: list[str]) -> int:
    """Facts neither among the first `facts` nor among the `asks` shown; an ask
    found in no note is taken for a fact, since questions come from the notes."""
    hidden = max(sum(map(len, brief.facts.values())) - facts, 0)
    texts = [note.text for note in brief.notes]
    return hidden + sum(
        1
        for ask in brief.ask_about
        if ask not in asks and not any(ask in text for text in texts)
    )
