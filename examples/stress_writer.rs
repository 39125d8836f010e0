//! The child process of tests/durability.rs: writes records through the real store and prints
//! `ACK <kind> <id> <token>` only once the store call has returned Ok (committed), so that a
//! parent killing it at any moment knows exactly which records must have survived.
//!
//! ```text
//! stress_writer write <db> <tag> <saves>   wait for the start signal, open or join a shift,
//!                                          then save records (<saves> = 0: until killed)
//! stress_writer open <db>                  wait for the start signal, open the file once,
//!                                          print OPENED
//! ```
//! The start signal: the writer prints `READY` (so the parent knows it is loaded and waiting)
//! and then blocks until its stdin is closed. A parent that starts several writers waits for
//! every `READY` before closing their stdins, so that they really begin together.
//! Every record carries its token (`<tag>-<n>`) in a text field, so the parent can find it.
//! A save that fails prints `ERR <kind> <token> <error>` and is tried again with the same draft,
//! as a form that keeps what was typed would be; the tests expect no ERR line at all. A writer
//! given a number of saves ends with `DONE <saves> <slowest save in ms>`.

use std::io::{Read, Write};
use std::path::Path;
use std::thread::sleep;
use std::time::{Duration as StdDuration, Instant};

use anyhow::{Context, Result, bail};
use chrono::{DateTime, Duration, NaiveDate, Utc};

use dutydesk::domain::followup::{FollowupDraft, Kind as FollowupKind};
use dutydesk::domain::gate::{EarlyLeaveDraft, OutKind, VisitDraft, VisitId};
use dutydesk::domain::hazard::{HazardDraft, HazardKind};
use dutydesk::domain::incident::{
    Bullying, IncidentDraft, IncidentId, InvolvedDraft, PlaceRef, Role, Severity, Source, Status,
};
use dutydesk::domain::patrol::{CheckDraft, ItemAnswer, ItemResult};
use dutydesk::domain::people::{StudentDraft, StudentId};
use dutydesk::domain::schedule::RoundKey;
use dutydesk::domain::shift::{DutyRole, MemberRef, Shift, ShiftDraft};
use dutydesk::domain::staff::StaffRole;
use dutydesk::store::{Actor, GateEntry, Refusal, Store, StoreError};

/// Items on every patrol check this writer saves; the parent checks each check has them all.
const CHECKLIST: [&str; 5] = [
    "doors locked",
    "lights off",
    "no one left inside",
    "fire exit clear",
    "windows shut",
];
/// The two students every incident names (an incident must never be stored without them).
const STUDENTS: [(&str, &str); 2] = [
    ("STRESS-1", "Stress Initiator"),
    ("STRESS-2", "Stress Target"),
];
/// How often one save is tried with the same draft before the writer gives up.
const TRIES: u32 = 20;

fn main() -> Result<()> {
    // Warnings (busy retries) and migrations go to stderr, where the parent counts them.
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_max_level(tracing::Level::INFO)
        .init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["open", db] => {
            wait_for_start()?;
            open_once(Path::new(db))
        }
        ["write", db, tag, saves] => {
            let saves: u64 = saves.parse().context("saves: a number")?;
            wait_for_start()?;
            Writer::start(Path::new(db), tag)?.run(saves)
        }
        _ => bail!("usage: stress_writer write <db> <tag> <saves> | stress_writer open <db>"),
    }
}

/// Says `READY`, then waits for the parent's start signal: its end of stdin being closed.
fn wait_for_start() -> Result<()> {
    {
        let mut out = std::io::stdout().lock();
        writeln!(out, "READY")?;
        out.flush()?;
    }
    let mut signal = Vec::new();
    std::io::stdin().read_to_end(&mut signal)?;
    Ok(())
}

/// The start-up race: every child, released together, opens the file once.
fn open_once(db: &Path) -> Result<()> {
    match Store::open(db, Utc::now().date_naive()) {
        Ok(store) => {
            let version = store.schema_version()?;
            println!("OPENED version={version} created={}", store.was_created());
            Ok(())
        }
        Err(e) => {
            println!("ERR open - {e}");
            bail!("open failed: {e}")
        }
    }
}

struct Writer {
    store: Store,
    actor: Actor,
    students: [StudentId; 2],
    today: NaiveDate,
    tag: String,
    /// The number of the next save, the last part of its token.
    seq: u64,
    last_incident: Option<IncidentId>,
    last_visit: Option<VisitId>,
}

impl Writer {
    /// Opens the file and joins the open shift, or opens one.
    fn start(db: &Path, tag: &str) -> Result<Writer> {
        let today = Utc::now().date_naive();
        let mut store = Store::open(db, today).with_context(|| format!("open {}", db.display()))?;
        let shift = join_shift(&mut store, today)?;
        let staff = shift
            .members
            .first()
            .context("the shift has a member")?
            .staff;
        let actor = Actor {
            shift: shift.id,
            staff,
        };
        // The same two students for every writer: importing them again changes nothing.
        let drafts: Vec<StudentDraft> = STUDENTS
            .iter()
            .map(|(number, name)| StudentDraft {
                number: (*number).into(),
                name: (*name).into(),
                class_name: "9-9".into(),
                gender: String::new(),
            })
            .collect();
        store.import_students(&drafts, Utc::now())?;
        let all = store.students()?;
        let find = |number: &str| {
            all.iter()
                .find(|s| s.number == number)
                .map(|s| s.id)
                .context("an imported student")
        };
        let students = [find(STUDENTS[0].0)?, find(STUDENTS[1].0)?];
        Ok(Writer {
            store,
            actor,
            students,
            today,
            tag: tag.to_owned(),
            seq: 0,
            last_incident: None,
            last_visit: None,
        })
    }

    /// Saves records of every kind in turn, `saves` of them (0: until killed), then prints
    /// `DONE <saves> <slowest save in ms>`.
    fn run(mut self, saves: u64) -> Result<()> {
        let mut slowest = StdDuration::ZERO;
        while saves == 0 || self.seq < saves {
            let token = format!("{}-{}", self.tag, self.seq);
            let started = Instant::now();
            let (kind, id) = self.save_one(&token)?;
            slowest = slowest.max(started.elapsed());
            ack(kind, id, &token)?;
            self.seq += 1;
        }
        println!("DONE {} {}", self.seq, slowest.as_millis());
        Ok(())
    }

    /// One save of the kind whose turn it is; returns its kind and the record's id.
    fn save_one(&mut self, token: &str) -> Result<(&'static str, i64)> {
        let now = Utc::now();
        match self.seq % 7 {
            0 => self.save_incident(token, now),
            1 => self.save_followup(token, now),
            2 => self.save_check(token, now),
            3 => self.save_hazard(token, now),
            4 => self.save_visit(token, now),
            5 => self.save_sign_out(token, now),
            _ => self.save_early_leave(token, now),
        }
    }

    fn save_incident(&mut self, token: &str, now: DateTime<Utc>) -> Result<(&'static str, i64)> {
        let draft = self.incident(token, now);
        let (today, actor) = (self.today, self.actor);
        let id = retry("incident", token, || {
            self.store.create_incident(&draft, actor, now, today)
        })?;
        self.last_incident = Some(id);
        Ok(("incident", id.0))
    }

    fn save_followup(&mut self, token: &str, now: DateTime<Utc>) -> Result<(&'static str, i64)> {
        let Some(incident) = self.last_incident else {
            bail!("a follow-up needs an incident first")
        };
        let drafts = self.followups(incident, token, now);
        let actor = self.actor;
        let ids = retry("followup", token, || {
            self.store.create_followups(&drafts, actor, now)
        })?;
        Ok(("followup", ids.first().map_or(0, |f| f.0)))
    }

    fn save_check(&mut self, token: &str, now: DateTime<Utc>) -> Result<(&'static str, i64)> {
        let draft = self.check(token);
        let actor = self.actor;
        let id = retry("check", token, || self.store.save_check(&draft, actor, now))?;
        Ok(("check", id.0))
    }

    fn save_hazard(&mut self, token: &str, now: DateTime<Utc>) -> Result<(&'static str, i64)> {
        let draft = hazard(token);
        let (due, actor) = (self.today + Duration::days(7), self.actor);
        let id = retry("hazard", token, || {
            self.store.create_hazard(&draft, due, actor, now)
        })?;
        Ok(("hazard", id.0))
    }

    fn save_visit(&mut self, token: &str, now: DateTime<Utc>) -> Result<(&'static str, i64)> {
        let draft = visit(token);
        let actor = self.actor;
        let id = retry("visit", token, || {
            self.store.sign_in(&draft, &GateEntry::Admitted, actor, now)
        })?;
        self.last_visit = Some(id);
        Ok(("visit", id.0))
    }

    fn save_sign_out(&mut self, token: &str, now: DateTime<Utc>) -> Result<(&'static str, i64)> {
        let Some(visit) = self.last_visit else {
            bail!("a sign-out needs a visit first")
        };
        let actor = self.actor;
        // Version 1: the visit as signed in, unchanged since by anyone.
        retry("visit_out", token, || {
            self.store
                .sign_out(visit, 1, now, OutKind::SignedOut, token, actor)
        })?;
        Ok(("visit_out", visit.0))
    }

    fn save_early_leave(&mut self, token: &str, now: DateTime<Utc>) -> Result<(&'static str, i64)> {
        let draft = EarlyLeaveDraft {
            student: self.students[1],
            approved_by: self.actor.staff,
            slip_seen: true,
            teacher_confirmed: true,
            collected_by: "Stress Parent".into(),
            relation: "mother".into(),
            phone: String::new(),
            time_out: now,
            note: token.into(),
        };
        let actor = self.actor;
        let id = retry("early_leave", token, || {
            self.store.add_early_leave(&draft, actor)
        })?;
        Ok(("early_leave", id.0))
    }

    fn incident(&self, token: &str, now: DateTime<Utc>) -> IncidentDraft {
        let involved = |student, role| InvolvedDraft {
            student,
            role,
            measures: vec!["talk".into()],
            parents_told_at: None,
            parents_told_by: None,
        };
        IncidentDraft {
            occurred_at: now,
            place: PlaceRef::Text("stress corridor".into()),
            category: "verbal".into(),
            severity: Severity::Minor,
            source: Source::Staff,
            narrative: token.into(),
            child_words: String::new(),
            immediate_action: String::new(),
            bullying: Bullying::Pending,
            bullying_on: None,
            status: Status::Open,
            students: vec![
                involved(self.students[0], Role::Initiator),
                involved(self.students[1], Role::Target),
            ],
            from_check: None,
        }
    }

    fn followups(
        &self,
        incident: IncidentId,
        token: &str,
        now: DateTime<Utc>,
    ) -> Vec<FollowupDraft> {
        [
            (FollowupKind::Counselling, self.students[0]),
            (FollowupKind::ParentContact, self.students[1]),
        ]
        .into_iter()
        .map(|(kind, student)| FollowupDraft {
            kind,
            incident: Some(incident),
            hazard: None,
            student: Some(student),
            note: token.into(),
            owner: self.actor.staff,
            due_at: now + Duration::days(1),
        })
        .collect()
    }

    /// A check of a round of its own (the token is the place), so it never replaces another.
    fn check(&self, token: &str) -> CheckDraft {
        CheckDraft {
            round: RoundKey {
                day: self.today,
                slot: "stress".into(),
                rep: 1,
                place: token.into(),
            },
            items: (0..)
                .zip(CHECKLIST)
                .map(|(i, text): (u32, &str)| ItemAnswer {
                    text: text.into(),
                    result: if i % 2 == 0 {
                        ItemResult::Ok
                    } else {
                        ItemResult::Problem
                    },
                    note: String::new(),
                })
                .collect(),
            note: token.into(),
            replaces: None,
        }
    }
}

/// The open shift, or a new one; another terminal may open it at the same moment, in which
/// case this one joins theirs.
fn join_shift(store: &mut Store, today: NaiveDate) -> Result<Shift> {
    if let Some(shift) = store.open_shift()? {
        return Ok(shift);
    }
    let draft = ShiftDraft {
        day: today,
        members: vec![(
            MemberRef::New {
                name: "Stress Teacher".into(),
                role: StaffRole::Teacher,
            },
            DutyRole::DutyTeacher,
        )],
    };
    match store.start_shift(&draft, Utc::now()) {
        Ok(shift) => Ok(shift),
        Err(StoreError::Refused(Refusal::ShiftAlreadyOpen)) => {
            store.open_shift()?.context("a shift was open a moment ago")
        }
        Err(e) => Err(e.into()),
    }
}

fn hazard(token: &str) -> HazardDraft {
    HazardDraft {
        kind: HazardKind::Safety,
        place: PlaceRef::Text("stress yard".into()),
        description: token.into(),
        risk: "low".into(),
        owner: None,
        steps: String::new(),
        from_check: None,
    }
}

fn visit(token: &str) -> VisitDraft {
    VisitDraft {
        name: "Stress Visitor".into(),
        purpose: token.into(),
        ..VisitDraft::default()
    }
}

/// Runs one save, trying the same draft again after a failure (saying so on stdout).
fn retry<T>(kind: &str, token: &str, mut save: impl FnMut() -> Result<T, StoreError>) -> Result<T> {
    let mut tries = 0;
    loop {
        tries += 1;
        match save() {
            Ok(v) => return Ok(v),
            Err(e) => {
                let mut out = std::io::stdout().lock();
                writeln!(out, "ERR {kind} {token} {e}")?;
                out.flush()?;
                if tries >= TRIES {
                    bail!("{kind} {token}: gave up after {tries} tries: {e}");
                }
                sleep(StdDuration::from_millis(100));
            }
        }
    }
}

/// Says "saved" for one record: one line, flushed at once (one write, under the pipe's atomic
/// size, so a kill never leaves half a line that parses).
fn ack(kind: &str, id: i64, token: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "ACK {kind} {id} {token}")?;
    out.flush()?;
    Ok(())
}
