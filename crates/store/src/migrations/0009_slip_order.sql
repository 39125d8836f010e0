-- 0009: the mailbox slips already dealt with, newest first, read along this index and stopped at
-- the list's limit (the status index cannot give that order for two statuses at once).
CREATE INDEX report_slip_received ON report_slip (received_on, id);
