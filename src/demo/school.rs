//! The demo school's people: about 2,000 students in 36 classes (grades 7–9, twelve classes
//! each), and a staff in every role, with the rotas that put them on duty.

use std::collections::HashMap;
use std::collections::HashSet;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::names;
use super::rng::Rng;
use super::text::{self, say};
use crate::domain::people::{StudentDraft, StudentId};
use crate::domain::staff::{StaffDraft, StaffId, StaffRole};
use crate::i18n::Lang;
use crate::store::{Store, StoreError};

const GRADES: usize = 3;
const CLASSES_PER_GRADE: usize = 12;

/// A student as the demo knows them.
#[derive(Debug, Clone)]
pub struct Pupil {
    pub id: StudentId,
    pub name: String,
    pub class: usize,
    pub male: bool,
}

#[derive(Debug, Clone)]
pub struct Class {
    pub name: String,
    /// The September this class started grade 7.
    pub entry_year: i32,
    pub members: Vec<usize>,
    pub teacher: StaffId,
}

/// Staff by what they do on duty and after it.
#[derive(Debug, Clone, Default)]
pub struct Staffing {
    /// Teachers on the duty-teacher rota.
    pub duty_teachers: Vec<StaffId>,
    pub teachers: Vec<StaffId>,
    pub leaders: Vec<StaffId>,
    pub guards: Vec<StaffId>,
    pub dorm: Vec<StaffId>,
    pub counsellors: Vec<StaffId>,
    pub safety: Vec<StaffId>,
    pub count: usize,
}

#[derive(Debug, Clone)]
pub struct School {
    pub pupils: Vec<Pupil>,
    pub classes: Vec<Class>,
    pub staff: Staffing,
    /// Students who start trouble again and again (the period report lists them).
    pub troubled: Vec<usize>,
    /// Students who are picked on again and again, or followed by the counsellor.
    pub vulnerable: Vec<usize>,
    /// Students who often go home sick.
    pub sickly: Vec<usize>,
    /// Where each student is in `pupils` (looked up, never iterated: the order stays fixed).
    index: HashMap<StudentId, usize>,
}

/// The September the current school year started in.
pub fn school_year(day: NaiveDate) -> i32 {
    if day.month() >= 8 {
        day.year()
    } else {
        day.year() - 1
    }
}

impl School {
    /// Makes the school and stores its people: students in one import, staff one by one.
    pub fn build(
        store: &mut Store,
        rng: &mut Rng,
        lang: Lang,
        today: NaiveDate,
        at: DateTime<Utc>,
    ) -> Result<School, StoreError> {
        // The order of the draws from `rng` makes the demo: staff, then students, then the
        // students who keep turning up.
        let (class_teachers, staff) = hire_staff(store, rng, at)?;
        let (pupils, classes) = enrol_students(store, rng, lang, today, at, &class_teachers)?;
        let mut sample =
            |n: usize| -> Vec<usize> { (0..n).map(|_| rng.below(pupils.len())).collect() };
        let (troubled, vulnerable, sickly) = (sample(30), sample(40), sample(20));
        let index = pupils.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
        Ok(School {
            pupils,
            classes,
            staff,
            troubled,
            vulnerable,
            sickly,
            index,
        })
    }

    /// Classes that were at the school on `day` (a class is there for three school years);
    /// all of them for a day before the oldest class started, whose students are the ones known.
    pub fn classes_on(&self, day: NaiveDate) -> Vec<usize> {
        let year = school_year(day);
        let there: Vec<usize> = (0..self.classes.len())
            .filter(|c| {
                let e = self.classes[*c].entry_year;
                e <= year && year <= e + 2
            })
            .collect();
        if there.is_empty() {
            (0..self.classes.len()).collect()
        } else {
            there
        }
    }

    /// The index in `pupils` of a stored student.
    pub fn pupil(&self, id: StudentId) -> Option<usize> {
        self.index.get(&id).copied()
    }

    pub fn class_teacher(&self, pupil: usize) -> StaffId {
        self.classes[self.pupils[pupil].class].teacher
    }
}

/// Stores the staff, role by role: the class teachers (one a class), and everyone else.
fn hire_staff(
    store: &mut Store,
    rng: &mut Rng,
    at: DateTime<Utc>,
) -> Result<(Vec<StaffId>, Staffing), StoreError> {
    let staff_names = &mut HashSet::new();
    let mut add = |rng: &mut Rng, role: StaffRole, n: usize| -> Result<Vec<StaffId>, StoreError> {
        let mut ids = Vec::with_capacity(n);
        for _ in 0..n {
            let name = unique_name(rng, staff_names);
            ids.push(store_staff(store, name, role, at)?);
        }
        Ok(ids)
    };
    let class_teachers = add(rng, StaffRole::ClassTeacher, GRADES * CLASSES_PER_GRADE)?;
    let teachers = add(rng, StaffRole::Teacher, 90)?;
    let staff = Staffing {
        duty_teachers: teachers.iter().copied().step_by(3).collect(),
        leaders: add(rng, StaffRole::Leader, 6)?,
        guards: add(rng, StaffRole::Guard, 6)?,
        dorm: add(rng, StaffRole::DormStaff, 6)?,
        counsellors: add(rng, StaffRole::Counsellor, 2)?,
        safety: add(rng, StaffRole::SafetyOfficer, 1)?,
        count: 0,
        teachers,
    };
    let others = add(rng, StaffRole::Other, 3)?;
    let staff = Staffing {
        count: class_teachers.len()
            + staff.teachers.len()
            + staff.leaders.len()
            + staff.guards.len()
            + staff.dorm.len()
            + staff.counsellors.len()
            + staff.safety.len()
            + others.len(),
        ..staff
    };
    Ok((class_teachers, staff))
}

/// Stores the students in one import, and puts each in their class.
fn enrol_students(
    store: &mut Store,
    rng: &mut Rng,
    lang: Lang,
    today: NaiveDate,
    at: DateTime<Utc>,
    class_teachers: &[StaffId],
) -> Result<(Vec<Pupil>, Vec<Class>), StoreError> {
    let (drafts, mut classes, males) = students(rng, lang, today, class_teachers);
    store.import_students(&drafts, at)?;
    let ids: HashMap<String, StudentId> = store
        .students()?
        .into_iter()
        .map(|s| (s.number, s.id))
        .collect();
    let mut pupils = Vec::with_capacity(drafts.len());
    for (d, (class, male)) in drafts.into_iter().zip(males) {
        let Some(id) = ids.get(&d.number) else {
            continue;
        };
        classes[class].members.push(pupils.len());
        pupils.push(Pupil {
            id: *id,
            name: d.name,
            class,
            male,
        });
    }
    Ok((pupils, classes))
}

fn unique_name(rng: &mut Rng, taken: &mut HashSet<String>) -> String {
    loop {
        let male = rng.chance(0.45);
        let name = names::full(rng, male);
        if taken.insert(name.clone()) {
            return name;
        }
    }
}

fn store_staff(
    store: &mut Store,
    name: String,
    role: StaffRole,
    at: DateTime<Utc>,
) -> Result<StaffId, StoreError> {
    store.add_staff(&StaffDraft { name, role }, at)
}

/// The students, class by class: numbers `YYYYCCSS` (year of entry, class, seat), about 55 to
/// a class, a few more boys than girls. Also each one's class index and sex.
fn students(
    rng: &mut Rng,
    lang: Lang,
    today: NaiveDate,
    teachers: &[StaffId],
) -> (Vec<StudentDraft>, Vec<Class>, Vec<(usize, bool)>) {
    let year = school_year(today);
    let (mut drafts, mut classes, mut who) = (Vec::new(), Vec::new(), Vec::new());
    for grade in 0..GRADES {
        let entry_year = year - i32::try_from(grade).unwrap_or(0);
        for c in 1..=CLASSES_PER_GRADE {
            let index = classes.len();
            let name = text::class_name(lang, grade, c);
            for seat in 1..=rng.range(52, 58) {
                let male = rng.chance(0.52);
                drafts.push(StudentDraft {
                    number: format!("{entry_year}{c:02}{seat:02}"),
                    name: names::full(rng, male),
                    class_name: name.clone(),
                    gender: say(lang, if male { text::MALE } else { text::FEMALE }).to_owned(),
                });
                who.push((index, male));
            }
            classes.push(Class {
                name,
                entry_year,
                members: Vec::new(),
                teacher: teachers.get(index).copied().unwrap_or(StaffId(1)),
            });
        }
    }
    (drafts, classes, who)
}
