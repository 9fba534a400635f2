"""The schema as an ordered list of migrations; a shipped one is never edited."""

# Each entry upgrades the file from version N to N + 1 (its position + 1).
# SQLite's user_version holds the number of entries applied.

CORE = """
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    nickname TEXT,
    company TEXT,
    title TEXT,
    location TEXT,
    met_how TEXT,
    met_on TEXT,
    introduced_by INTEGER REFERENCES people (id) ON DELETE SET NULL,
    cadence TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX people_by_name ON people (name COLLATE NOCASE);
CREATE INDEX people_by_company ON people (company COLLATE NOCASE);
CREATE INDEX people_by_introducer ON people (introduced_by);

CREATE TABLE contact_points (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('email', 'phone', 'url')),
    value TEXT NOT NULL,
    normalized TEXT NOT NULL,
    label TEXT
);
CREATE UNIQUE INDEX one_person_per_email ON contact_points (normalized)
    WHERE kind = 'email';
CREATE INDEX contact_points_by_value ON contact_points (kind, normalized);
CREATE INDEX contact_points_by_person ON contact_points (person_id);

CREATE TABLE facts (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    category TEXT NOT NULL CHECK (
        category IN ('family', 'interests', 'work', 'preferences', 'avoid', 'other')
    ),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    learned_on TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX facts_by_person ON facts (person_id, category);

CREATE TABLE important_dates (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
    year INTEGER,
    UNIQUE (person_id, label)
);
CREATE INDEX important_dates_by_day ON important_dates (month, day);

CREATE TABLE tags (
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    tag TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (person_id, tag)
) WITHOUT ROWID;
CREATE INDEX tags_by_tag ON tags (tag, person_id);

CREATE TABLE relationships (
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    other_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    relation TEXT NOT NULL,
    PRIMARY KEY (person_id, other_id, relation),
    CHECK (person_id <> other_id)
) WITHOUT ROWID;
CREATE INDEX relationships_by_other ON relationships (other_id);

CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('meeting', 'call', 'email', 'message', 'other')),
    happened_at TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX notes_by_date ON notes (happened_at);

CREATE TABLE note_people (
    note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (person_id, note_id)
) WITHOUT ROWID;
CREATE INDEX note_people_by_note ON note_people (note_id);

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    starts_at TEXT NOT NULL,
    starts_utc TEXT NOT NULL,
    place TEXT,
    topic TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX meetings_by_time ON meetings (starts_utc);

CREATE TABLE meeting_people (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (person_id, meeting_id)
) WITHOUT ROWID;
CREATE INDEX meeting_people_by_meeting ON meeting_people (meeting_id);

CREATE TABLE reminders (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    due_on TEXT,
    anchor_on TEXT,
    recurrence TEXT,
    they_owe INTEGER NOT NULL DEFAULT 0,
    done_at TEXT,
    note_id INTEGER REFERENCES notes (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX reminders_by_person ON reminders (person_id, done_at);
CREATE INDEX reminders_open_by_due ON reminders (due_on) WHERE done_at IS NULL;
CREATE INDEX reminders_by_note ON reminders (note_id);
"""

# The search index holds one row per person, note, fact and reminder. Its rowid
# encodes both: id * 4 + kind (0 person, 1 note, 2 fact, 3 reminder), so that a
# row is found by rowid instead of by scanning the index.
PERSON_BODY = """coalesce({p}.nickname, '') || ' ' || coalesce({p}.company, '') || ' '
    || coalesce({p}.title, '') || ' ' || coalesce({p}.location, '') || ' '
    || coalesce(
        (SELECT group_concat(tag, ' ') FROM tags WHERE person_id = {p}.id), ''
    )"""

SEARCH = f"""
CREATE VIRTUAL TABLE search_index USING fts5 (
    title, body, tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER people_indexed AFTER INSERT ON people BEGIN
    INSERT INTO search_index (rowid, title, body)
    VALUES (new.id * 4, new.name, {PERSON_BODY.format(p="new")});
END;
CREATE TRIGGER people_reindexed
AFTER UPDATE OF name, nickname, company, title, location ON people BEGIN
    UPDATE search_index SET title = new.name, body = {PERSON_BODY.format(p="new")}
    WHERE rowid = new.id * 4;
END;
CREATE TRIGGER people_unindexed AFTER DELETE ON people BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4;
END;
CREATE TRIGGER tags_added AFTER INSERT ON tags BEGIN
    UPDATE search_index SET body = (
        SELECT {PERSON_BODY.format(p="people")} FROM people WHERE id = new.person_id
    ) WHERE rowid = new.person_id * 4;
END;
CREATE TRIGGER tags_removed AFTER DELETE ON tags BEGIN
    UPDATE search_index SET body = (
        SELECT {PERSON_BODY.format(p="people")} FROM people WHERE id = old.person_id
    ) WHERE rowid = old.person_id * 4;
END;

CREATE TRIGGER notes_indexed AFTER INSERT ON notes BEGIN
    INSERT INTO search_index (rowid, title, body) VALUES (new.id * 4 + 1, '', new.text);
END;
CREATE TRIGGER notes_reindexed AFTER UPDATE OF text ON notes BEGIN
    UPDATE search_index SET body = new.text WHERE rowid = new.id * 4 + 1;
END;
CREATE TRIGGER notes_unindexed AFTER DELETE ON notes BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 1;
END;

CREATE TRIGGER facts_indexed AFTER INSERT ON facts BEGIN
    INSERT INTO search_index (rowid, title, body)
    VALUES (new.id * 4 + 2, new.key, new.value);
END;
CREATE TRIGGER facts_reindexed AFTER UPDATE OF key, value ON facts BEGIN
    UPDATE search_index SET title = new.key, body = new.value
    WHERE rowid = new.id * 4 + 2;
END;
CREATE TRIGGER facts_unindexed AFTER DELETE ON facts BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 2;
END;

CREATE TRIGGER reminders_indexed AFTER INSERT ON reminders BEGIN
    INSERT INTO search_index (rowid, title, body)
    VALUES (new.id * 4 + 3, '', new.text);
END;
CREATE TRIGGER reminders_reindexed AFTER UPDATE OF text ON reminders BEGIN
    UPDATE search_index SET body = new.text WHERE rowid = new.id * 4 + 3;
END;
CREATE TRIGGER reminders_unindexed AFTER DELETE ON reminders BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 3;
END;

INSERT INTO search_index (rowid, title, body)
    SELECT id * 4, name, {PERSON_BODY.format(p="people")} FROM people;
INSERT INTO search_index (rowid, title, body) SELECT id * 4 + 1, '', text FROM notes;
INSERT INTO search_index (rowid, title, body)
    SELECT id * 4 + 2, key, value FROM facts;
INSERT INTO search_index (rowid, title, body)
    SELECT id * 4 + 3, '', text FROM reminders;

ALTER TABLE people ADD COLUMN snoozed_until TEXT;
CREATE TABLE tag_cadences (
    tag TEXT PRIMARY KEY COLLATE NOCASE,
    cadence TEXT NOT NULL
);
"""

IMPORT_BATCHES = """
CREATE TABLE import_batches (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    format TEXT NOT NULL,
    created_at TEXT NOT NULL,
    added INTEGER NOT NULL DEFAULT 0,
    merged INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    undone_at TEXT
);

-- What a batch changed, so that it can be taken back out: a row it inserted
-- (column IS NULL) or a column of an existing row it filled (old_value kept).
CREATE TABLE import_changes (
    batch_id INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    table_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    column_name TEXT,
    old_value TEXT
);
CREATE INDEX import_changes_by_batch ON import_changes (batch_id);
"""

# The day each note happened, kept beside each of its people, so that the last
# contact with everyone is read from one index instead of from every note.
NOTE_DATES = """
ALTER TABLE note_people ADD COLUMN happened_at TEXT;
UPDATE note_people
    SET happened_at = (SELECT happened_at FROM notes WHERE id = note_people.note_id);
CREATE INDEX note_people_by_date ON note_people (person_id, happened_at);

CREATE TRIGGER note_people_dated AFTER INSERT ON note_people BEGIN
    UPDATE note_people
        SET happened_at = (SELECT happened_at FROM notes WHERE id = new.note_id)
        WHERE person_id = new.person_id AND note_id = new.note_id;
END;
CREATE TRIGGER notes_redated AFTER UPDATE OF happened_at ON notes BEGIN
    UPDATE note_people SET happened_at = new.happened_at WHERE note_id = new.id;
END;
"""

# A run of rows a batch inserted, noted once instead of row by row: from row_id
# to last_id, each made at the time in old_value (its own, or its person's).
IMPORT_RANGES = """
ALTER TABLE import_changes ADD COLUMN last_id INTEGER;
"""

# Keeping in touch, read from one index instead of from everyone's notes. A
# person's clock holds their latest note or meeting, ahead ones included (so
# that it changes on writes only), the day the clock runs from, the cadence
# that counts for them and the day they fall due. A contact still ahead makes
# the stored days too late: the domain works those few people out afresh.
# TOUCH_STEP and TOUCH_REFRESH are the domain's too, and frozen with this.

# One cadence step of {days} days or {months} months on from the day {since}.
# A month on from 31 Jan is 28 Feb, as in Recurrence.add_to (SQLite: 3 Mar).
TOUCH_STEP = """CASE WHEN {months} = 0 THEN date({since}, '+' || {days} || ' days')
    ELSE min(date({since}, '+' || {months} || ' months'),
        date({since}, 'start of month', '+' || ({months} + 1) || ' months', '-1 day'))
    END"""

# {what} of the cadence that counts for {person}: their own, else the shortest
# of their tags'. It is read as describe() writes it ("every week", "every 3
# months") and matched to a unit; a text written any other way is no cadence.
_CADENCE = """(SELECT {what} FROM (
    SELECT w.rank, w.cadence, w.n * u.days AS days, w.n * u.months AS months,
        w.n * u.approx AS approx
    FROM (
        SELECT rank, cadence, n, CASE n WHEN 1 THEN substr(cadence, 7)
            ELSE rtrim(substr(cadence, 8 + length(n)), 's') END AS unit
        FROM (
            SELECT rank, cadence, CASE WHEN cadence GLOB 'every [1-9]*'
                THEN CAST(substr(cadence, 7) AS INTEGER) ELSE 1 END AS n
            FROM (
                SELECT 0 AS rank, cadence FROM people WHERE id = {person}
                UNION ALL
                SELECT 1, c.cadence FROM tags t JOIN tag_cadences c ON c.tag = t.tag
                WHERE t.person_id = {person}
            )
        )
    ) w JOIN touch_units u ON u.unit = w.unit
    WHERE w.cadence = CASE w.n WHEN 1 THEN 'every ' || u.unit
        ELSE 'every ' || w.n || ' ' || u.unit || 's' END
        AND w.n * u.approx <= 365250
) s ORDER BY s.rank, s.approx LIMIT 1)"""

_LAST_CONTACT = """nullif(max(
    coalesce((SELECT max(happened_at) FROM note_people WHERE person_id = {person}), ''),
    coalesce((SELECT max(m.starts_at) FROM meeting_people mp
        JOIN meetings m ON m.id = mp.meeting_id WHERE mp.person_id = {person}), '')
), '')"""

# The clocks of the people {which} picks out (a condition on p.id), afresh,
# in one statement: the cadence comes out of its subquery as a JSON array.
TOUCH_REFRESH = f"""
WITH found AS MATERIALIZED (
    SELECT p.id, p.created_at, p.snoozed_until,
        {_LAST_CONTACT.format(person="p.id")} AS contacted_at,
        {_CADENCE.format(person="p.id", what="json_array(s.cadence, s.days, s.months)")}
            AS rule
    FROM people p WHERE {{which}}
), dated AS MATERIALIZED (
    SELECT id, contacted_at, snoozed_until,
        coalesce(substr(contacted_at, 1, 10), substr(created_at, 1, 10)) AS since,
        json_extract(rule, '$[0]') AS cadence, json_extract(rule, '$[1]') AS days,
        json_extract(rule, '$[2]') AS months
    FROM found
)
INSERT OR REPLACE INTO touch_clocks
    (person_id, contacted_at, since, cadence, days, months, due_on, snoozed_until)
SELECT id, contacted_at, since, cadence, days, months,
    {TOUCH_STEP.format(since="since", days="days", months="months")}, snoozed_until
FROM dated
"""

_RECOUNTED = _LAST_CONTACT.format(person="new.person_id")
_RECADENCED = _CADENCE.format(
    person="new.person_id", what="s.cadence, s.days, s.months"
)
_DUE_ON = TOUCH_STEP.format(since="new.since", days="new.days", months="new.months")
_BACKFILL = TOUCH_REFRESH.format(which="1")

TOUCH_CLOCKS = f"""
CREATE TABLE touch_units (
    unit TEXT PRIMARY KEY,
    days INTEGER NOT NULL,
    months INTEGER NOT NULL,
    approx REAL NOT NULL
);
INSERT INTO touch_units (unit, days, months, approx) VALUES
    ('day', 1, 0, 1.0), ('week', 7, 0, 7.0),
    ('month', 0, 1, 30.44), ('year', 0, 12, 365.25);

CREATE TABLE touch_clocks (
    person_id INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    contacted_at TEXT,
    since TEXT NOT NULL,
    cadence TEXT,
    days INTEGER,
    months INTEGER,
    due_on TEXT,
    snoozed_until TEXT
);

-- Inserting a person's id into one of these views works out their last
-- contact, or their cadence, again: each rule is written once, here.
CREATE VIEW touch_recount (person_id) AS SELECT NULL;
CREATE TRIGGER touch_recounted INSTEAD OF INSERT ON touch_recount BEGIN
    UPDATE touch_clocks SET contacted_at = {_RECOUNTED} WHERE person_id = new.person_id;
END;
CREATE VIEW touch_recadence (person_id) AS SELECT NULL;
CREATE TRIGGER touch_recadenced INSTEAD OF INSERT ON touch_recadence BEGIN
    UPDATE touch_clocks SET (cadence, days, months) = {_RECADENCED}
    WHERE person_id = new.person_id;
END;

CREATE TRIGGER touch_clocks_contacted AFTER UPDATE OF contacted_at ON touch_clocks
BEGIN
    UPDATE touch_clocks SET since = coalesce(substr(new.contacted_at, 1, 10),
        (SELECT substr(created_at, 1, 10) FROM people WHERE id = new.person_id))
    WHERE person_id = new.person_id;
END;
CREATE TRIGGER touch_clocks_due AFTER UPDATE OF since, days, months ON touch_clocks
BEGIN
    UPDATE touch_clocks
    SET due_on = {_DUE_ON} WHERE person_id = new.person_id;
END;

{_BACKFILL};
CREATE INDEX touch_clocks_by_due ON touch_clocks (due_on);
CREATE INDEX touch_clocks_by_since ON touch_clocks (since);
CREATE INDEX touch_clocks_snoozed ON touch_clocks (snoozed_until)
    WHERE snoozed_until IS NOT NULL;
-- What farley stats counts of open reminders, without reading the rows.
CREATE INDEX reminders_open_by_owing ON reminders (they_owe, due_on, person_id)
    WHERE done_at IS NULL;

CREATE TRIGGER people_clocked AFTER INSERT ON people BEGIN
    INSERT OR REPLACE INTO touch_clocks (person_id, since, snoozed_until)
    VALUES (new.id, substr(new.created_at, 1, 10), new.snoozed_until);
    INSERT INTO touch_recadence (person_id) VALUES (new.id);
END;
CREATE TRIGGER people_reclocked AFTER UPDATE OF created_at ON people BEGIN
    UPDATE touch_clocks
    SET since = coalesce(substr(contacted_at, 1, 10), substr(new.created_at, 1, 10))
    WHERE person_id = new.id;
END;
CREATE TRIGGER people_recadenced AFTER UPDATE OF cadence ON people BEGIN
    INSERT INTO touch_recadence (person_id) VALUES (new.id);
END;
CREATE TRIGGER people_snoozed AFTER UPDATE OF snoozed_until ON people BEGIN
    UPDATE touch_clocks SET snoozed_until = new.snoozed_until WHERE person_id = new.id;
END;

CREATE TRIGGER note_people_touched AFTER INSERT ON note_people
WHEN new.happened_at IS NOT NULL BEGIN
    UPDATE touch_clocks SET contacted_at = new.happened_at
    WHERE person_id = new.person_id AND coalesce(contacted_at, '') < new.happened_at;
END;
CREATE TRIGGER note_people_retouched AFTER UPDATE OF happened_at ON note_people
BEGIN
    UPDATE touch_clocks SET contacted_at = new.happened_at
    WHERE person_id = new.person_id AND coalesce(contacted_at, '') < new.happened_at;
    INSERT INTO touch_recount (person_id) SELECT new.person_id
    WHERE old.happened_at
        = (SELECT contacted_at FROM touch_clocks WHERE person_id = new.person_id);
END;
CREATE TRIGGER note_people_untouched AFTER DELETE ON note_people
WHEN old.happened_at
    = (SELECT contacted_at FROM touch_clocks WHERE person_id = old.person_id) BEGIN
    INSERT INTO touch_recount (person_id) VALUES (old.person_id);
END;
CREATE TRIGGER note_people_moved AFTER UPDATE OF person_id ON note_people BEGIN
    INSERT INTO touch_recount (person_id) VALUES (old.person_id), (new.person_id);
END;

CREATE TRIGGER meeting_people_touched AFTER INSERT ON meeting_people BEGIN
    UPDATE touch_clocks
    SET contacted_at = (SELECT starts_at FROM meetings WHERE id = new.meeting_id)
    WHERE person_id = new.person_id AND coalesce(contacted_at, '')
        < (SELECT starts_at FROM meetings WHERE id = new.meeting_id);
END;
CREATE TRIGGER meeting_people_untouched AFTER DELETE ON meeting_people BEGIN
    INSERT INTO touch_recount (person_id) VALUES (old.person_id);
END;
CREATE TRIGGER meeting_people_moved AFTER UPDATE OF person_id ON meeting_people
BEGIN
    INSERT INTO touch_recount (person_id) VALUES (old.person_id), (new.person_id);
END;
CREATE TRIGGER meetings_moved AFTER UPDATE OF starts_at ON meetings BEGIN
    INSERT INTO touch_recount (person_id)
    SELECT person_id FROM meeting_people WHERE meeting_id = new.id;
END;

CREATE TRIGGER tags_recadenced AFTER INSERT ON tags
WHEN EXISTS (SELECT 1 FROM tag_cadences WHERE tag = new.tag) BEGIN
    INSERT INTO touch_recadence (person_id) VALUES (new.person_id);
END;
CREATE TRIGGER tags_uncadenced AFTER DELETE ON tags
WHEN EXISTS (SELECT 1 FROM tag_cadences WHERE tag = old.tag) BEGIN
    INSERT INTO touch_recadence (person_id) VALUES (old.person_id);
END;
CREATE TRIGGER tag_cadences_added AFTER INSERT ON tag_cadences BEGIN
    INSERT INTO touch_recadence (person_id)
    SELECT person_id FROM tags WHERE tag = new.tag;
END;
CREATE TRIGGER tag_cadences_changed AFTER UPDATE ON tag_cadences BEGIN
    INSERT INTO touch_recadence (person_id)
    SELECT DISTINCT person_id FROM tags WHERE tag IN (old.tag, new.tag);
END;
CREATE TRIGGER tag_cadences_removed AFTER DELETE ON tag_cadences BEGIN
    INSERT INTO touch_recadence (person_id)
    SELECT person_id FROM tags WHERE tag = old.tag;
END;
"""

# What a batch put in each column it filled, so that undo can tell whether
# someone has changed it since. No type: an id stays a number.
IMPORT_FILLED_VALUES = """
ALTER TABLE import_changes ADD COLUMN new_value;
"""

# Who a note is about first: the people it was written with are marked, so
# that a note about one person stays unmarked and old files need no rewrite.
# A note of several people on file already goes to the one its to-do lines
# were for, else to the one on file longest.
NOTE_MAIN_PEOPLE = """
ALTER TABLE note_people ADD COLUMN secondary INTEGER NOT NULL DEFAULT 0;
UPDATE note_people SET secondary = 1
WHERE note_id IN (SELECT note_id FROM note_people GROUP BY note_id HAVING count(*) > 1)
    AND person_id <> coalesce(
        (SELECT r.person_id FROM reminders r JOIN note_people o
            ON o.note_id = r.note_id AND o.person_id = r.person_id
            WHERE r.note_id = note_people.note_id ORDER BY r.id LIMIT 1),
        (SELECT min(person_id) FROM note_people o WHERE o.note_id = note_people.note_id)
    );
"""

MIGRATIONS: list[str] = [
    CORE,
    SEARCH,
    IMPORT_BATCHES,
    NOTE_DATES,
    IMPORT_RANGES,
    TOUCH_CLOCKS,
    IMPORT_FILLED_VALUES,
    NOTE_MAIN_PEOPLE,
]
LATEST = len(MIGRATIONS)
