-- 0008: the special-attention register (重点关注学生): students who need particular care, why,
-- the teacher responsible and how often they are reviewed. Seen only by the leader on duty and
-- the safeguarding lead; its reviews are follow-ups owned by the responsible teacher.
CREATE TABLE attention (
    id          INTEGER PRIMARY KEY,
    student_id  INTEGER NOT NULL REFERENCES student (id),
    reasons     TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    teacher_id  INTEGER NOT NULL REFERENCES staff (id),
    review_days INTEGER NOT NULL CHECK (review_days BETWEEN 1 AND 365),
    next_review TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  INTEGER NOT NULL REFERENCES staff (id),
    ended_at    TEXT,
    end_reason  TEXT,
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX attention_student ON attention (student_id) WHERE ended_at IS NULL;
