-- 0006: staff accounts (a role and a PIN hash), and the audit trail.
-- A staff member without an access role has no account and cannot sign in.
ALTER TABLE staff ADD COLUMN access TEXT
    CHECK (access IN ('guard', 'teacher', 'leader', 'safeguarding', 'admin'));
ALTER TABLE staff ADD COLUMN pin_hash TEXT;
ALTER TABLE staff ADD COLUMN failed_pins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff ADD COLUMN locked_until TEXT;

-- Append-only: who did what to which record, when, at which terminal and why. Each row's hash
-- covers its own fields and the previous row's hash, so a row changed or removed behind the
-- program's back breaks the chain from there on (`dutydesk check` finds the first such row).
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    staff_id  INTEGER REFERENCES staff (id),
    who       TEXT NOT NULL,
    terminal  TEXT NOT NULL,
    action    TEXT NOT NULL,
    kind      TEXT NOT NULL,
    record_id INTEGER,
    why       TEXT NOT NULL DEFAULT '',
    prev      TEXT NOT NULL,
    hash      TEXT NOT NULL
) STRICT;
CREATE INDEX audit_kind_record ON audit (kind, record_id);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
