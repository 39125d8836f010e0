//! The demo's gate day by day: the suppliers every school morning, couriers most days, inspectors
//! and contractors now and then, parents and one-off guests; the watched turned away (or, once,
//! let in with a reason); visitors signed out, and the odd one who left without signing out.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::calendar::{self, DayKind};
use super::gate_words as words;
use super::names;
use super::text::say;
use super::{Event, Sim, Who};
use crate::domain::gate::{Document, OutKind, VisitDraft, VisitId, WatchDraft};
use crate::domain::idcard::DocType;
use crate::i18n::Lang;
use crate::store::{GateEntry, StoreError};

/// How the guard lets a person in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    Admit,
    /// Let in despite watchlist entry `n`, with the reason the demo gives.
    Despite(usize),
    Refuse(usize),
}

#[derive(Debug)]
pub struct VisitPlan {
    person: usize,
    purpose: Option<String>,
    stay: i64,
    admission: Admission,
    unsigned: bool,
}

impl Sim<'_> {
    pub(super) fn plan_gate(&mut self, day: NaiveDate) {
        let kind = calendar::kind(day);
        let school = matches!(kind, DayKind::School { .. });
        self.plan_regulars(day, school);
        if school {
            for _ in 0..self.rng.poisson(4.0) {
                self.plan_parent(day);
            }
            for _ in 0..self.rng.poisson(0.4) {
                self.plan_guest(day);
            }
            for _ in 0..self.rng.poisson(2.5) {
                self.plan_leave(day);
            }
        }
        self.plan_watched(day, school);
    }

    fn plan_visit(
        &mut self,
        day: NaiveDate,
        person: usize,
        from: (u32, u32),
        stay: (i64, i64),
        purpose: Option<String>,
    ) {
        let at = self.tz.at(day, from.0, from.1, self.rng.range(0, 90 * 60));
        let stay = self.rng.range(stay.0, stay.1);
        let unsigned = if self.gate.special[3] == Some(day) {
            self.gate.special[3] = None;
            true
        } else {
            self.rng.chance(0.012)
        };
        let plan = VisitPlan {
            person,
            purpose,
            stay,
            admission: Admission::Admit,
            unsigned,
        };
        self.at(at, Event::Visit(plan));
    }

    /// Suppliers every school morning, couriers most days, inspectors and contractors now and then.
    fn plan_regulars(&mut self, day: NaiveDate, school: bool) {
        if school {
            for i in 0..self.gate.suppliers.len() {
                let d = self.gate.suppliers[i][self.rng.below(self.gate.suppliers[i].len())];
                self.plan_visit(day, d, (6, 55), (15, 40), None);
            }
        }
        for i in 0..self.gate.couriers.len() {
            if self.rng.chance(if school { 0.7 } else { 0.25 }) {
                let c = self.gate.couriers[i];
                self.plan_visit(day, c, (10, 0), (5, 15), None);
            }
        }
        let groups = [
            (false, if school { 1.0 / 25.0 } else { 0.0 }),
            (true, if school { 1.0 / 20.0 } else { 1.0 / 8.0 }),
        ];
        for (contractors, p) in groups {
            let n = if contractors {
                self.gate.contractors.len()
            } else {
                self.gate.officials.len()
            };
            for i in 0..n {
                if !self.rng.chance(p) {
                    continue;
                }
                let team = if contractors {
                    self.gate.contractors[i].clone()
                } else {
                    self.gate.officials[i].clone()
                };
                let stay = if contractors { (120, 300) } else { (60, 180) };
                for person in team.into_iter().take(1 + self.rng.below(2)) {
                    self.plan_visit(day, person, (9, 0), stay, None);
                }
            }
        }
    }

    /// A parent, some far more often than others, bringing something or seeing the class teacher.
    fn plan_parent(&mut self, day: NaiveDate) {
        let n = self.gate.parents.len();
        let i = if self.rng.chance(0.5) {
            self.rng.below(n.min(30))
        } else {
            self.rng.below(n)
        };
        let Some(&(person, child)) = self.gate.parents.get(i) else {
            return;
        };
        let pupil = &self.school.pupils[child];
        let class = &self.school.classes[pupil.class].name;
        let what = say(
            self.lang,
            words::PARENT_PURPOSE[self.rng.below(words::PARENT_PURPOSE.len())],
        );
        let purpose = match self.lang {
            Lang::Zh => format!("{what}（{}，{class}）", pupil.name),
            Lang::En => format!("{what} ({}, {class})", pupil.name),
        };
        self.plan_visit(day, person, (8, 30), (10, 60), Some(purpose));
    }

    /// Someone who comes once: a student teacher, a visiting teacher, a job candidate.
    fn plan_guest(&mut self, day: NaiveDate) {
        let r = &words::GUESTS[self.rng.below(words::GUESTS.len())];
        let host = self.rng.pick(&self.school.staff.teachers).copied();
        let mut rng = self.rng.fork(0);
        let p = self.gate.regular(&mut rng, r, host);
        self.plan_visit(day, p, (8, 30), (30, 240), None);
    }

    /// The watched come back now and then, and surely on the special days.
    fn plan_watched(&mut self, day: NaiveDate, school: bool) {
        if day <= self.first {
            return;
        }
        let special = self.gate.special;
        let tries = [
            (
                0,
                (16, 20),
                Admission::Refuse(0),
                special[0] == Some(day) || (school && self.rng.chance(1.0 / 50.0)),
            ),
            (
                2,
                (10, 0),
                Admission::Despite(2),
                special[1] == Some(day) || (school && self.rng.chance(1.0 / 150.0)),
            ),
            (
                1,
                (16, 50),
                Admission::Refuse(1),
                special[2] == Some(day) || (school && self.rng.chance(1.0 / 70.0)),
            ),
            (
                2,
                (9, 30),
                Admission::Refuse(2),
                school && self.rng.chance(1.0 / 90.0),
            ),
        ];
        for (who, (h, m), admission, comes) in tries {
            if comes {
                let at = self.tz.at(day, h, m, self.rng.range(0, 40 * 60));
                let person = self.gate.watched[who];
                let stay = self.rng.range(30, 60);
                let plan = VisitPlan {
                    person,
                    purpose: None,
                    stay,
                    admission,
                    unsigned: false,
                };
                self.at(at, Event::Visit(plan));
            }
        }
    }

    pub(super) fn watchlist(&mut self, at: DateTime<Utc>) -> Result<(), StoreError> {
        let Some(actor) = self.actor(Who::Leader) else {
            return Ok(());
        };
        for (i, reason) in words::WATCH.iter().enumerate() {
            let p = &self.gate.people[self.gate.watched[i]];
            let draft = WatchDraft {
                name: if i == 1 {
                    String::new()
                } else {
                    p.name.clone()
                },
                doc_number: match (&p.doc, i) {
                    (Some((DocType::ResidentId, n)), 0) => n.clone(),
                    _ => String::new(),
                },
                plate: if i == 1 {
                    p.plate.clone()
                } else {
                    String::new()
                },
                reason: say(self.lang, *reason).to_owned(),
                until: None,
            };
            let id = self.store.add_watch(&draft, actor, at)?;
            self.gate.watch_ids.push(id);
            self.sum.watch += 1;
        }
        Ok(())
    }

    pub(super) fn visit(&mut self, at: DateTime<Utc>, plan: &VisitPlan) -> Result<(), StoreError> {
        let Some(entry) = self.gate_entry(plan.admission) else {
            return Ok(());
        };
        let Some(actor) = self.actor(Who::Guard) else {
            return Ok(());
        };
        let day = self.tz.local(at).date();
        let pass_no = self.gate.next_pass(day);
        let confirmed = self.rng.chance(0.9);
        let draft = self.visit_draft(plan, pass_no, confirmed);
        let id = self.store.sign_in(&draft, &entry, actor, at)?;
        if self.gate.people[plan.person].visitor.is_none() {
            let visitor = self.store.visit(id)?.visitor;
            self.gate.people[plan.person].visitor = Some(visitor);
        }
        self.sum.visits += 1;
        match plan.admission {
            Admission::Refuse(_) => {
                self.sum.refused += 1;
                return Ok(());
            }
            Admission::Despite(_) => self.sum.admitted_despite += 1,
            Admission::Admit => {}
        }
        let out = if plan.unsigned {
            let ends = self.tz.utc(day.and_time(self.cfg.gate.day_ends));
            self.later(ends.max(at), 5, 25)
        } else {
            at + Duration::minutes(plan.stay)
        };
        self.at(out, Event::SignOut(id, plan.unsigned));
        Ok(())
    }

    /// How the guard lets the person in; `None` when the watchlist entry the plan names was not
    /// made.
    fn gate_entry(&mut self, admission: Admission) -> Option<GateEntry> {
        Some(match admission {
            Admission::Admit => GateEntry::Admitted,
            Admission::Despite(w) => {
                let &watch = self.gate.watch_ids.get(w)?;
                let pick = self.rng.below(words::DESPITE.len());
                let reason = say(self.lang, words::DESPITE[pick]).to_owned();
                GateEntry::AdmittedDespite { watch, reason }
            }
            Admission::Refuse(w) => {
                let &watch = self.gate.watch_ids.get(w)?;
                GateEntry::Refused { watch }
            }
        })
    }

    /// The sign-in of the plan's person, with what the guard typed from their document.
    fn visit_draft(&self, plan: &VisitPlan, pass_no: String, confirmed: bool) -> VisitDraft {
        let p = &self.gate.people[plan.person];
        let document = match &p.doc {
            Some((t, number)) => Document {
                doc_type: Some(*t),
                last4: names::last4(number),
                full: self.gate.store_full.then(|| number.clone()),
                verified: *t == DocType::ResidentId,
            },
            None => Document::default(),
        };
        VisitDraft {
            visitor: p.visitor,
            name: p.name.clone(),
            phone: p.phone.clone(),
            organisation: p.org.clone(),
            document,
            typed_number: p.doc.as_ref().map(|(_, n)| n.clone()).unwrap_or_default(),
            purpose: plan.purpose.clone().unwrap_or_else(|| p.purpose.clone()),
            host: p.host,
            host_confirmed: p.host.is_some() && confirmed,
            plate: p.plate.clone(),
            pass_no,
        }
    }

    pub(super) fn sign_out(
        &mut self,
        at: DateTime<Utc>,
        id: VisitId,
        unsigned: bool,
    ) -> Result<(), StoreError> {
        let Some(actor) = self.actor(Who::Guard) else {
            return Ok(());
        };
        let (kind, note) = if unsigned {
            let note = say(
                self.lang,
                words::UNSIGNED[self.rng.below(words::UNSIGNED.len())],
            );
            (OutKind::LeftUnsigned, note)
        } else {
            (OutKind::SignedOut, "")
        };
        self.store.sign_out(id, 1, at, kind, note, actor)?;
        self.sum.left_unsigned += usize::from(unsigned);
        Ok(())
    }
}
