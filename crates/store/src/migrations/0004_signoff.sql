-- 0004: the shift's handover note and the leader's sign-off.
ALTER TABLE shift ADD COLUMN handover_note TEXT NOT NULL DEFAULT '';
ALTER TABLE shift ADD COLUMN signed_off_at TEXT;
ALTER TABLE shift ADD COLUMN signed_off_by INTEGER REFERENCES staff (id);
