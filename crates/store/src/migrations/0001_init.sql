-- 0001: staff, shifts, patrol checks and the reasons for missed rounds.
-- Times are UTC RFC 3339 text ('2026-11-30T07:42:10.123Z'); days are local 'YYYY-MM-DD'.
-- Nothing here is ever deleted by the app: a newer check or reason supersedes an older one.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE staff (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
    role       TEXT NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX staff_name ON staff (name);

CREATE TABLE shift (
    id         INTEGER PRIMARY KEY,
    day        TEXT NOT NULL,
    opened_at  TEXT NOT NULL,
    closed_at  TEXT,
    version    INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX shift_day ON shift (day);
-- At most one shift is open at a time, whichever terminal opens it.
CREATE UNIQUE INDEX shift_one_open ON shift ((closed_at IS NULL)) WHERE closed_at IS NULL;

CREATE TABLE shift_member (
    shift_id INTEGER NOT NULL REFERENCES shift (id),
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    role     TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (shift_id, position)
) STRICT;
CREATE INDEX shift_member_staff ON shift_member (staff_id);

CREATE TABLE patrol_check (
    id         INTEGER PRIMARY KEY,
    day        TEXT NOT NULL,
    slot       TEXT NOT NULL,
    rep        INTEGER NOT NULL,
    place      TEXT NOT NULL,
    shift_id   INTEGER NOT NULL REFERENCES shift (id),
    checked_by INTEGER NOT NULL REFERENCES staff (id),
    checked_at TEXT NOT NULL,
    complete   INTEGER NOT NULL CHECK (complete IN (0, 1)),
    problems   INTEGER NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    replaces   INTEGER REFERENCES patrol_check (id)
) STRICT;
CREATE INDEX patrol_check_round ON patrol_check (day, slot, rep, place, id);

CREATE TABLE patrol_item (
    check_id INTEGER NOT NULL REFERENCES patrol_check (id),
    position INTEGER NOT NULL,
    text     TEXT NOT NULL,
    result   TEXT NOT NULL CHECK (result IN ('unset', 'ok', 'problem', 'na')),
    note     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (check_id, position)
) STRICT;

CREATE TABLE round_exception (
    id       INTEGER PRIMARY KEY,
    day      TEXT NOT NULL,
    slot     TEXT NOT NULL,
    rep      INTEGER NOT NULL,
    place    TEXT NOT NULL,
    reason   TEXT NOT NULL CHECK (length(reason) >= 1),
    shift_id INTEGER NOT NULL REFERENCES shift (id),
    made_by  INTEGER NOT NULL REFERENCES staff (id),
    made_at  TEXT NOT NULL
) STRICT;
CREATE INDEX round_exception_round ON round_exception (day, slot, rep, place, id);
