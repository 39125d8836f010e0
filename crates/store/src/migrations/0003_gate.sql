-- 0003: the gate. Visitors (for repeat visits), each visit with its sign-in and sign-out, the
-- watchlist, and students leaving early. ID numbers are kept whole only if the school's policy
-- says so; otherwise only the last four characters and whether the number was valid.

CREATE TABLE visitor (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
    phone        TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    doc_type     TEXT NOT NULL DEFAULT 'none',
    doc_last4    TEXT NOT NULL DEFAULT '',
    doc_full     TEXT,
    doc_verified INTEGER NOT NULL DEFAULT 0 CHECK (doc_verified IN (0, 1)),
    purpose      TEXT NOT NULL DEFAULT '',
    host         INTEGER REFERENCES staff (id),
    plate        TEXT NOT NULL DEFAULT '',
    last_seen_at TEXT NOT NULL,
    created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX visitor_name ON visitor (name);
CREATE INDEX visitor_phone ON visitor (phone);
CREATE INDEX visitor_seen ON visitor (last_seen_at);

CREATE TABLE watch (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL DEFAULT '',
    doc_number TEXT NOT NULL DEFAULT '',
    plate      TEXT NOT NULL DEFAULT '',
    reason     TEXT NOT NULL CHECK (length(reason) >= 1),
    until      TEXT,
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    created_by INTEGER NOT NULL REFERENCES staff (id),
    version    INTEGER NOT NULL DEFAULT 1,
    CHECK (name != '' OR doc_number != '' OR plate != '')
) STRICT;

CREATE TABLE visit (
    id             INTEGER PRIMARY KEY,
    visitor_id     INTEGER NOT NULL REFERENCES visitor (id),
    name           TEXT NOT NULL,
    phone          TEXT NOT NULL DEFAULT '',
    organisation   TEXT NOT NULL DEFAULT '',
    doc_type       TEXT NOT NULL DEFAULT 'none',
    doc_last4      TEXT NOT NULL DEFAULT '',
    doc_full       TEXT,
    doc_verified   INTEGER NOT NULL DEFAULT 0,
    purpose        TEXT NOT NULL,
    host           INTEGER REFERENCES staff (id),
    host_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (host_confirmed IN (0, 1)),
    plate          TEXT NOT NULL DEFAULT '',
    pass_no        TEXT NOT NULL DEFAULT '',
    -- 'in' on campus, 'out' signed out, 'refused' turned away at the gate.
    status         TEXT NOT NULL CHECK (status IN ('in', 'out', 'refused')),
    time_in        TEXT NOT NULL,
    time_out       TEXT,
    -- How the visit ended: 'signed_out', or 'left_unsigned' when found gone at the end of the day.
    out_kind       TEXT,
    out_note       TEXT NOT NULL DEFAULT '',
    out_by         INTEGER REFERENCES staff (id),
    watch_id       INTEGER REFERENCES watch (id),
    admit_reason   TEXT NOT NULL DEFAULT '',
    shift_id       INTEGER NOT NULL REFERENCES shift (id),
    made_by        INTEGER NOT NULL REFERENCES staff (id),
    version        INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX visit_time_in ON visit (time_in);
CREATE INDEX visit_on_campus ON visit (status, time_in) WHERE status = 'in';

CREATE TABLE early_leave (
    id                INTEGER PRIMARY KEY,
    student_id        INTEGER NOT NULL REFERENCES student (id),
    approved_by       INTEGER NOT NULL REFERENCES staff (id),
    slip_seen         INTEGER NOT NULL CHECK (slip_seen IN (0, 1)),
    teacher_confirmed INTEGER NOT NULL CHECK (teacher_confirmed IN (0, 1)),
    collected_by      TEXT NOT NULL DEFAULT '',
    relation          TEXT NOT NULL DEFAULT '',
    phone             TEXT NOT NULL DEFAULT '',
    time_out          TEXT NOT NULL,
    time_back         TEXT,
    note              TEXT NOT NULL DEFAULT '',
    shift_id          INTEGER NOT NULL REFERENCES shift (id),
    made_by           INTEGER NOT NULL REFERENCES staff (id),
    version           INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX early_leave_out ON early_leave (time_out);
