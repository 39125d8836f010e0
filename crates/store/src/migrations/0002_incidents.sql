-- 0002: students, incidents with their students and measures, mailbox slips, follow-ups, the
-- hazard and dispute register, and one change log for corrections of any record.
-- Nothing is deleted: records are voided, closed or superseded, and every change is logged.

ALTER TABLE staff ADD COLUMN staff_no TEXT;
ALTER TABLE staff ADD COLUMN phone TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX staff_no_unique ON staff (staff_no) WHERE staff_no IS NOT NULL;

CREATE TABLE student (
    id         INTEGER PRIMARY KEY,
    student_no TEXT NOT NULL UNIQUE CHECK (length(student_no) BETWEEN 1 AND 20),
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
    class_name TEXT NOT NULL DEFAULT '',
    gender     TEXT NOT NULL DEFAULT '',
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX student_name ON student (name);
CREATE INDEX student_class ON student (class_name);

CREATE TABLE incident (
    id               INTEGER PRIMARY KEY,
    year             INTEGER NOT NULL,
    seq              INTEGER NOT NULL,
    number           TEXT NOT NULL UNIQUE,
    occurred_at      TEXT NOT NULL,
    entered_at       TEXT NOT NULL,
    entered_by       INTEGER NOT NULL REFERENCES staff (id),
    shift_id         INTEGER NOT NULL REFERENCES shift (id),
    place_id         TEXT,
    place_text       TEXT NOT NULL DEFAULT '',
    category         TEXT NOT NULL,
    severity         TEXT NOT NULL,
    source           TEXT NOT NULL,
    narrative        TEXT NOT NULL,
    child_words      TEXT NOT NULL DEFAULT '',
    immediate_action TEXT NOT NULL DEFAULT '',
    bullying         TEXT NOT NULL DEFAULT 'pending' CHECK (bullying IN ('pending', 'yes', 'no')),
    bullying_on      TEXT,
    status           TEXT NOT NULL DEFAULT 'open',
    from_check       INTEGER REFERENCES patrol_check (id),
    voided_at        TEXT,
    voided_by        INTEGER REFERENCES staff (id),
    void_reason      TEXT,
    version          INTEGER NOT NULL DEFAULT 1,
    UNIQUE (year, seq)
) STRICT;
CREATE INDEX incident_occurred ON incident (occurred_at);
CREATE INDEX incident_status ON incident (status, occurred_at);

CREATE TABLE incident_student (
    id              INTEGER PRIMARY KEY,
    incident_id     INTEGER NOT NULL REFERENCES incident (id),
    student_id      INTEGER NOT NULL REFERENCES student (id),
    role            TEXT NOT NULL CHECK (role IN ('initiator', 'target', 'witness', 'reporter')),
    measures        TEXT NOT NULL DEFAULT '',
    parents_told_at TEXT,
    parents_told_by INTEGER REFERENCES staff (id),
    position        INTEGER NOT NULL,
    -- A student taken off an incident by a correction stays here, marked.
    removed         INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1))
) STRICT;
CREATE INDEX incident_student_incident ON incident_student (incident_id, position);
CREATE INDEX incident_student_student ON incident_student (student_id);

CREATE TABLE report_slip (
    id          INTEGER PRIMARY KEY,
    received_on TEXT NOT NULL,
    text        TEXT NOT NULL CHECK (length(text) >= 1),
    entered_at  TEXT NOT NULL,
    entered_by  INTEGER NOT NULL REFERENCES staff (id),
    shift_id    INTEGER NOT NULL REFERENCES shift (id),
    status      TEXT NOT NULL DEFAULT 'unverified' CHECK (status IN ('unverified', 'merged', 'unfounded')),
    merged_into INTEGER REFERENCES incident (id),
    closed_note TEXT,
    closed_at   TEXT,
    closed_by   INTEGER REFERENCES staff (id),
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX report_slip_status ON report_slip (status, received_on);

CREATE TABLE hazard (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    place_id     TEXT,
    place_text   TEXT NOT NULL DEFAULT '',
    description  TEXT NOT NULL CHECK (length(description) >= 1),
    risk         TEXT NOT NULL,
    due_on       TEXT NOT NULL,
    owner        INTEGER REFERENCES staff (id),
    steps        TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'rectifying', 'rectified', 'verified')),
    rectified_at TEXT,
    verified_at  TEXT,
    verified_by  INTEGER REFERENCES staff (id),
    verified_check INTEGER REFERENCES patrol_check (id),
    from_check   INTEGER REFERENCES patrol_check (id),
    created_at   TEXT NOT NULL,
    created_by   INTEGER NOT NULL REFERENCES staff (id),
    shift_id     INTEGER NOT NULL REFERENCES shift (id),
    voided_at    TEXT,
    void_reason  TEXT,
    version      INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX hazard_status ON hazard (status, due_on);

CREATE TABLE followup (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    incident_id INTEGER REFERENCES incident (id),
    hazard_id   INTEGER REFERENCES hazard (id),
    student_id  INTEGER REFERENCES student (id),
    note        TEXT NOT NULL DEFAULT '',
    owner       INTEGER NOT NULL REFERENCES staff (id),
    due_at      TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
    outcome     TEXT NOT NULL DEFAULT '',
    done_at     TEXT,
    done_by     INTEGER REFERENCES staff (id),
    created_at  TEXT NOT NULL,
    created_by  INTEGER NOT NULL REFERENCES staff (id),
    shift_id    INTEGER NOT NULL REFERENCES shift (id),
    version     INTEGER NOT NULL DEFAULT 1,
    CHECK (incident_id IS NOT NULL OR hazard_id IS NOT NULL OR student_id IS NOT NULL)
) STRICT;
CREATE INDEX followup_due ON followup (status, due_at);
CREATE INDEX followup_incident ON followup (incident_id);
CREATE INDEX followup_hazard ON followup (hazard_id);
CREATE INDEX followup_student ON followup (student_id);

-- Who changed what in which record, when and why. `changes` is a JSON array of
-- {"field": …, "old": …, "new": …}; creation is logged too, with the reason "created".
CREATE TABLE change_log (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('incident', 'followup', 'hazard', 'slip')),
    record_id INTEGER NOT NULL,
    at        TEXT NOT NULL,
    by_staff  INTEGER NOT NULL REFERENCES staff (id),
    shift_id  INTEGER NOT NULL REFERENCES shift (id),
    action    TEXT NOT NULL,
    reason    TEXT NOT NULL DEFAULT '',
    changes   TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX change_log_record ON change_log (kind, record_id, id);
