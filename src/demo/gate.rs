//! The demo's gate population: the suppliers' drivers, couriers, inspectors, contractors,
//! parents (each with a child at the school) and the three people on the watchlist, made once so
//! that the same people come back (repeat visitors); and the days sure to show the watchlist.

use chrono::NaiveDate;

use super::calendar;
use super::gate_words::{self as words, Regular};
use super::names;
use super::rng::Rng;
use super::school::School;
use super::text::{Pair, say};
use crate::domain::gate::{VisitorId, WatchId};
use crate::domain::idcard::DocType;
use crate::domain::staff::StaffId;
use crate::i18n::Lang;

/// Someone who comes to the gate, as they give their details.
#[derive(Debug, Clone)]
pub(super) struct Person {
    pub(super) name: String,
    pub(super) phone: String,
    pub(super) doc: Option<(DocType, String)>,
    pub(super) plate: String,
    pub(super) org: String,
    pub(super) purpose: String,
    pub(super) host: Option<StaffId>,
    /// Known to the gate after the first visit.
    pub(super) visitor: Option<VisitorId>,
}

/// The gate's people and what the demo has shown there so far.
#[derive(Debug)]
pub struct Gate {
    pub(super) people: Vec<Person>,
    pub(super) suppliers: Vec<Vec<usize>>,
    pub(super) couriers: Vec<usize>,
    pub(super) officials: Vec<Vec<usize>>,
    pub(super) contractors: Vec<Vec<usize>>,
    pub(super) parents: Vec<(usize, usize)>,
    pub(super) watched: [usize; 3],
    pub(super) watch_ids: Vec<WatchId>,
    pub(super) passes: (NaiveDate, u32),
    pub(super) store_full: bool,
    pub(super) lang: Lang,
    pub(super) today: NaiveDate,
    /// Days on which the watchlist and an unsigned visit are sure to be seen (refusal, admission
    /// despite a match, the vendor's van, left without signing out), so a short demo has them.
    pub(super) special: [Option<NaiveDate>; 4],
}

pub(super) fn surname_of(name: &str) -> String {
    if name.starts_with("欧阳") {
        "欧阳".to_owned()
    } else {
        name.chars().take(1).collect()
    }
}

impl Gate {
    pub fn new(
        rng: &mut Rng,
        school: &School,
        lang: Lang,
        first: NaiveDate,
        today: NaiveDate,
        store_full: bool,
    ) -> Gate {
        let mut gate = Gate {
            people: Vec::new(),
            suppliers: Vec::new(),
            couriers: Vec::new(),
            officials: Vec::new(),
            contractors: Vec::new(),
            parents: Vec::new(),
            watched: [0; 3],
            watch_ids: Vec::new(),
            passes: (first, 0),
            store_full,
            lang,
            today,
            special: specials(first, today),
        };
        let staff = &school.staff;
        let safety = staff.safety.first().copied();
        let head = staff.leaders.first().copied();
        for r in &words::SUPPLIERS {
            let drivers = (0..2).map(|_| gate.regular(rng, r, safety)).collect();
            gate.suppliers.push(drivers);
        }
        for r in &words::COURIERS {
            let courier = gate.regular(rng, r, None);
            gate.couriers.push(courier);
        }
        for r in &words::OFFICIALS {
            let team = (0..2).map(|_| gate.regular(rng, r, head)).collect();
            gate.officials.push(team);
        }
        for r in &words::CONTRACTORS {
            let crew = (0..2).map(|_| gate.regular(rng, r, safety)).collect();
            gate.contractors.push(crew);
        }
        for _ in 0..250 {
            let child = rng.below(school.pupils.len());
            let male = rng.chance(0.5);
            let name = format!(
                "{}{}",
                surname_of(&school.pupils[child].name),
                names::given(rng, male)
            );
            let host = Some(school.class_teacher(child));
            let person = gate.person(rng, name, male, ("", ""), host, false);
            gate.parents.push((person, child));
        }
        let watch_purposes: [(Pair, Option<StaffId>); 3] = [
            (("找孩子", "To see my child"), None),
            (("送货", "Delivery"), None),
            (
                ("办理离职手续", "Employment papers"),
                staff.leaders.get(1).copied(),
            ),
        ];
        for (i, (purpose, host)) in watch_purposes.into_iter().enumerate() {
            let name = names::full(rng, true);
            let p = gate.person(rng, name, true, purpose, host, i == 1);
            gate.watched[i] = p;
        }
        gate
    }

    pub(super) fn regular(&mut self, rng: &mut Rng, r: &Regular, host: Option<StaffId>) -> usize {
        let male = rng.chance(0.7);
        let name = names::full(rng, male);
        let p = self.person(rng, name, male, r.purpose, host, r.car);
        say(self.lang, r.org).clone_into(&mut self.people[p].org);
        p
    }

    fn person(
        &mut self,
        rng: &mut Rng,
        name: String,
        male: bool,
        purpose: Pair,
        host: Option<StaffId>,
        car: bool,
    ) -> usize {
        let r = rng.unit();
        let doc = if r < 0.92 {
            Some((
                DocType::ResidentId,
                names::resident_id(rng, male, self.today, (24, 62)),
            ))
        } else if r < 0.95 {
            Some((
                DocType::Passport,
                format!("E{:08}", rng.range(0, 99_999_999)),
            ))
        } else {
            None
        };
        self.people.push(Person {
            name,
            phone: names::mobile(rng),
            doc,
            plate: if car {
                names::plate(rng)
            } else {
                String::new()
            },
            org: String::new(),
            purpose: say(self.lang, purpose).to_owned(),
            host,
            visitor: None,
        });
        self.people.len() - 1
    }

    /// How many different visitors have come.
    pub fn visitors(&self) -> usize {
        self.people.iter().filter(|p| p.visitor.is_some()).count()
    }

    pub(super) fn next_pass(&mut self, day: NaiveDate) -> String {
        if self.passes.0 != day {
            self.passes = (day, 0);
        }
        self.passes.1 += 1;
        format!("A{:03}", self.passes.1)
    }
}

/// The special days: school days before today, near the end (else any day before today).
fn specials(first: NaiveDate, today: NaiveDate) -> [Option<NaiveDate>; 4] {
    let before: Vec<NaiveDate> = first.iter_days().take_while(|d| *d < today).collect();
    let school: Vec<NaiveDate> = before
        .iter()
        .copied()
        .filter(|d| calendar::is_school_day(*d))
        .collect();
    let days = if school.is_empty() { before } else { school };
    let n = days.len();
    let back = |k: usize| days.get(n.saturating_sub(k)).copied();
    [back(2), back(4), days.get(n / 2).copied(), back(3)]
}
