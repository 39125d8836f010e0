//! The special-attention register's rows. Each entry's review is a follow-up owned by the
//! responsible teacher, made in the same transaction.

use chrono::{DateTime, Duration, Utc};
use rusqlite::params;

use super::audit::{self, Act};
use super::followup::insert_followups;
use super::{Actor, Store, StoreError, time};
use domain::attention::{self, Attention, AttentionDraft, AttentionId};
use domain::followup::{FollowupDraft, Kind};
use domain::people::StudentId;
use domain::staff::StaffId;

const SELECT: &str = "SELECT a.id, a.student_id, s.name, s.class_name, a.reasons, a.teacher_id, t.name, \
     a.review_days, a.next_review, a.note, a.created_at, a.ended_at, a.version \
     FROM attention a JOIN student s ON s.id = a.student_id JOIN staff t ON t.id = a.teacher_id";

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Attention> {
    let reasons: String = r.get(4)?;
    let next: String = r.get(8)?;
    let created: String = r.get(10)?;
    let ended: Option<String> = r.get(11)?;
    Ok(Attention {
        id: AttentionId(r.get(0)?),
        student: StudentId(r.get(1)?),
        student_name: r.get(2)?,
        class_name: r.get(3)?,
        reasons: attention::split(&reasons),
        teacher: StaffId(r.get(5)?),
        teacher_name: r.get(6)?,
        review_days: r.get(7)?,
        next_review: chrono::NaiveDate::parse_from_str(&next, "%Y-%m-%d").unwrap_or_default(),
        note: r.get(9)?,
        created_at: time::parse_ts(&created)?,
        ended_at: ended.as_deref().map(time::parse_ts).transpose()?,
        version: r.get(12)?,
    })
}

/// Reviews are made as follow-ups for this many days ahead (about a term)…
const TERM_DAYS: i64 = 120;
/// …and at most this many at once.
const REVIEWS_AHEAD: i64 = 6;

impl Store {
    /// Puts a student on the register, with the reviews of the coming term as follow-ups for
    /// the teacher (`review_note` is their text, in the school's language).
    pub fn add_attention(
        &mut self,
        d: &AttentionDraft,
        review_note: &str,
        actor: Actor,
        now: DateTime<Utc>,
    ) -> Result<AttentionId, StoreError> {
        let due = now + Duration::days(i64::from(d.review_days));
        self.write(|tx| {
            tx.execute(
                "INSERT INTO attention (student_id, reasons, note, teacher_id, review_days, next_review, \
                 created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    d.student.0,
                    attention::join(&d.reasons),
                    d.note,
                    d.teacher.0,
                    d.review_days,
                    time::day(due.date_naive()),
                    time::ts(now),
                    actor.staff.0
                ],
            )?;
            let id = tx.last_insert_rowid();
            // The reviews of the coming term (four months), each a follow-up for the teacher.
            let reviews: Vec<FollowupDraft> = (1..=REVIEWS_AHEAD)
                .map(|k| i64::from(d.review_days) * k)
                .take_while(|days| *days <= TERM_DAYS || *days == i64::from(d.review_days))
                .map(|days| FollowupDraft {
                    kind: Kind::Counselling,
                    incident: None,
                    hazard: None,
                    student: Some(d.student),
                    note: review_note.to_owned(),
                    owner: d.teacher,
                    due_at: now + Duration::days(days),
                })
                .collect();
            insert_followups(tx, &reviews, actor, now)?;
            audit::note(tx, now, Act::Create, "attention", Some(id), Some(actor.staff), "")?;
            Ok(AttentionId(id))
        })
    }

    /// The register: current entries first (by next review), then ended ones.
    pub fn attention_list(&self, current_only: bool) -> Result<Vec<Attention>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT} WHERE ?1 = 0 OR a.ended_at IS NULL \
             ORDER BY a.ended_at IS NOT NULL, a.next_review, a.id"
        ))?;
        let rows = stmt.query_map([current_only], read)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The students on the register now (for the quiet hint beside their name).
    pub fn attention_students(&self) -> Result<Vec<StudentId>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT DISTINCT student_id FROM attention WHERE ended_at IS NULL")?;
        let rows = stmt.query_map([], |r| Ok(StudentId(r.get(0)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Takes an entry off the register (it is kept, ended, with the reason).
    pub fn end_attention(
        &mut self,
        id: AttentionId,
        version: i64,
        reason: &str,
        actor: Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE attention SET ended_at = ?1, end_reason = ?2, version = version + 1 \
                 WHERE id = ?3 AND version = ?4 AND ended_at IS NULL",
                params![time::ts(now), reason, id.0, version],
            )?;
            if n == 0 {
                return Err(StoreError::ChangedElsewhere);
            }
            audit::note(
                tx,
                now,
                Act::Correct,
                "attention",
                Some(id.0),
                Some(actor.staff),
                reason,
            )
        })
    }
}
