-- 0007: legal hold on incidents (never purged while held), and the index purge uses to find
-- a day's old patrol checks without reading every row.
ALTER TABLE incident ADD COLUMN legal_hold TEXT;
CREATE INDEX patrol_check_day ON patrol_check (day);
