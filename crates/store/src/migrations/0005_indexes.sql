-- Indexes for the queries that run on every screen and report, so that their cost does not grow
-- with the years of records kept (see docs/PERFORMANCE.md).

-- What a shift did (its summary) and what changed after its sign-off.
CREATE INDEX change_log_shift ON change_log (shift_id, id);
CREATE INDEX change_log_at ON change_log (at);
CREATE INDEX incident_shift ON incident (shift_id);
CREATE INDEX followup_shift ON followup (shift_id);
CREATE INDEX hazard_shift ON hazard (shift_id);
CREATE INDEX report_slip_shift ON report_slip (shift_id);
CREATE INDEX hazard_created ON hazard (created_at);

-- Recent shifts and the shift before or after one.
CREATE INDEX shift_opened ON shift (opened_at, id);

-- A hazard is verified by a later patrol of its place.
CREATE INDEX patrol_check_place ON patrol_check (place, checked_at);
