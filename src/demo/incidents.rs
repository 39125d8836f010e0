//! The demo's incidents as they happen: how many a day brings (more in busy weeks, few at
//! weekends), when (noon most of all) and where (quiet corners, toilets and stairwells most of
//! all, from the config's places), what kind, how serious, and who was involved in which role.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::calendar;
use super::odds::{self, AFTER_SCHOOL, BUCKETS, NOON};
use super::text::{self, say};
use super::{Event, Sim};
use crate::domain::incident::{
    Bullying, IncidentDraft, IncidentId, InvolvedDraft, PlaceRef, Role, Severity, Source, Status,
};
use crate::domain::patrol::CheckId;
use crate::domain::schedule::RoundKey;

/// An incident to enter; a duplicate is entered again by mistake and voided later.
#[derive(Debug)]
pub struct Plan {
    pub draft: IncidentDraft,
    pub duplicate_of: Option<IncidentId>,
}

impl Sim<'_> {
    pub(super) fn plan_incidents(&mut self, day: NaiveDate) {
        let n = self.rng.poisson(0.9 * calendar::intensity(day));
        for _ in 0..n {
            let school = calendar::is_school_day(day);
            let weights: Vec<f64> = BUCKETS
                .iter()
                .map(|b| if b.3 && !school { 0.0 } else { b.2 })
                .collect();
            let bucket = self.rng.weighted(&weights).unwrap_or(NOON);
            let (lo, hi, ..) = BUCKETS[bucket];
            let when = self.tz.at(day, 0, 0, self.rng.range(lo * 60, hi * 60));
            let place = self.place_for(bucket);
            let source = [
                Source::Patrol,
                Source::Student,
                Source::Staff,
                Source::Parent,
                Source::Camera,
            ];
            let source = source[self
                .rng
                .weighted(&[0.25, 0.28, 0.2, 0.15, 0.12])
                .unwrap_or(0)];
            let Some(draft) = self.draft_incident(day, when, place, source, None) else {
                continue;
            };
            let entry = match source {
                Source::Parent => self.office(when + Duration::hours(14)),
                Source::Student => self.later(when, 10, 180),
                _ => self.later(when, 5, 45),
            };
            let plan = Plan {
                draft,
                duplicate_of: None,
            };
            self.at(entry, Event::Incident(Box::new(plan)));
        }
    }

    /// A patrol found students doing something: the incident carries over the place, the time
    /// and the check, as the patrol screen does.
    pub(super) fn incident_from_check(
        &mut self,
        check: CheckId,
        key: &RoundKey,
        at: DateTime<Utc>,
        note: &str,
        category: &str,
    ) {
        let place = PlaceRef::Config(key.place.clone());
        let check = Some(check);
        let category = category.to_owned();
        let Some(mut draft) = self.draft_with(key.day, at, place, Source::Patrol, check, category)
        else {
            return;
        };
        draft.immediate_action = format!("{note} {}", draft.immediate_action);
        let entry = self.later(at, 5, 20);
        self.at(
            entry,
            Event::Incident(Box::new(Plan {
                draft,
                duplicate_of: None,
            })),
        );
    }

    /// A place for an incident in this part of the day: the config's places weighted by how
    /// quiet they are, or one of a few places typed in.
    pub(super) fn place_for(&mut self, bucket: usize) -> PlaceRef {
        let cfg = self.cfg;
        let mut weights: Vec<f64> = cfg
            .places
            .iter()
            .map(|p| odds::quiet(&p.id) * odds::fits(&p.id, bucket))
            .collect();
        let typed = match bucket {
            1 | 3 => 1.2,
            AFTER_SCHOOL => 0.8,
            _ => 0.1,
        };
        weights.push(typed);
        match self.rng.weighted(&weights) {
            Some(i) if i < cfg.places.len() => PlaceRef::Config(cfg.places[i].id.clone()),
            _ => {
                let which = if bucket == AFTER_SCHOOL {
                    2
                } else {
                    self.rng.below(text::TYPED_PLACES.len())
                };
                PlaceRef::Text(say(self.lang, text::TYPED_PLACES[which]).to_owned())
            }
        }
    }

    pub(super) fn place_name(&self, place: &PlaceRef) -> String {
        match place {
            PlaceRef::Config(id) => self.cfg.place_name(id, self.lang).into_owned(),
            PlaceRef::Text(t) => t.clone(),
        }
    }

    pub(super) fn category(&mut self) -> String {
        let cfg = self.cfg;
        let weights: Vec<f64> = cfg
            .categories
            .iter()
            .map(|c| odds::category_weight(&c.id))
            .collect();
        self.rng
            .weighted(&weights)
            .and_then(|i| cfg.categories.get(i))
            .map_or_else(|| "other".to_owned(), |c| c.id.clone())
    }

    /// A whole incident as a duty teacher would enter it; none if no students can be found.
    pub(super) fn draft_incident(
        &mut self,
        day: NaiveDate,
        when: DateTime<Utc>,
        place: PlaceRef,
        source: Source,
        from_check: Option<CheckId>,
    ) -> Option<IncidentDraft> {
        let category = self.category();
        self.draft_with(day, when, place, source, from_check, category)
    }

    pub(super) fn draft_with(
        &mut self,
        day: NaiveDate,
        when: DateTime<Utc>,
        place: PlaceRef,
        source: Source,
        from_check: Option<CheckId>,
        category: String,
    ) -> Option<IncidentDraft> {
        let severity = Severity::ALL[self
            .rng
            .weighted(&odds::severity_weights(&category))
            .unwrap_or(0)];
        let people = self.involve(day, &category, &place);
        if people.is_empty() {
            return None;
        }
        let names = |role: Role| -> Vec<&str> {
            people
                .iter()
                .filter(|(_, r)| *r == role)
                .map(|(p, _)| self.school.pupils[*p].name.as_str())
                .collect()
        };
        let sep = say(self.lang, ("、", ", "));
        let (initiators, targets) = (names(Role::Initiator), names(Role::Target));
        // Who did it ({a}) and to whom ({b}); in a fight, one side and the other.
        let (a, b) = match (initiators.as_slice(), targets.as_slice()) {
            ([first, rest @ ..], []) if !rest.is_empty() => ((*first).to_owned(), rest.join(sep)),
            ([], _) => (names(Role::Witness).join(sep), targets.join(sep)),
            _ => (initiators.join(sep), targets.join(sep)),
        };
        let b = if b.is_empty() {
            self.school.pupils[people[people.len() - 1].0].name.clone()
        } else {
            b
        };
        let place_name = self.place_name(&place);
        let story = text::story_of(&category);
        let fill = |p| text::fill(say(self.lang, p), &a, &b, &place_name);
        let (narrative, words, action) =
            (fill(story.narrative), fill(story.words), fill(story.action));
        let students = self.measures(&people, severity, when);
        let pending = odds::maybe_bullying(&category);
        Some(IncidentDraft {
            occurred_at: when,
            place,
            category,
            severity,
            source,
            narrative,
            child_words: words,
            immediate_action: action,
            bullying: if pending {
                Bullying::Pending
            } else {
                Bullying::No
            },
            bullying_on: (!pending).then_some(day),
            status: if self.rng.chance(0.4) {
                Status::Investigating
            } else {
                Status::Open
            },
            students,
            from_check,
        })
    }

    /// The measures for each student by the weight of the incident (the config lists them from
    /// lightest to heaviest), and when their parents were told.
    fn measures(
        &mut self,
        people: &[(usize, Role)],
        severity: Severity,
        when: DateTime<Utc>,
    ) -> Vec<InvolvedDraft> {
        let ids: Vec<String> = self.cfg.measures.iter().map(|m| m.id.clone()).collect();
        let mut heavy: Vec<usize> = match severity {
            Severity::Minor => vec![0],
            Severity::Moderate => vec![0, 1],
            Severity::Serious => vec![1, 2],
            Severity::Critical => vec![2, 3, 4],
        };
        if severity == Severity::Serious && self.rng.chance(0.4) {
            heavy.push(3);
        }
        if severity == Severity::Critical && self.rng.chance(0.3) {
            heavy.push(5);
        }
        people
            .iter()
            .map(|&(p, role)| {
                let measures = if role == Role::Initiator {
                    heavy.iter().filter_map(|i| ids.get(*i).cloned()).collect()
                } else {
                    Vec::new()
                };
                let told = matches!(role, Role::Target | Role::Initiator)
                    && (severity != Severity::Minor || self.rng.chance(0.5));
                let at = self.later(when, 30, 300).min(self.now);
                InvolvedDraft {
                    student: self.school.pupils[p].id,
                    role,
                    measures,
                    parents_told_at: told.then_some(at),
                    parents_told_by: told.then(|| self.school.class_teacher(p)),
                }
            })
            .collect()
    }

    /// Who was involved, in which role: students of one class (or a dormitory's boys or girls),
    /// with the school's repeat initiators and repeat targets turning up more than their share.
    fn involve(&mut self, day: NaiveDate, category: &str, place: &PlaceRef) -> Vec<(usize, Role)> {
        let id = place.id().unwrap_or("");
        let male = if id.contains("boy") {
            Some(true)
        } else if id.contains("girl") {
            Some(false)
        } else {
            None
        };
        let classes = self.school.classes_on(day);
        let Some(&class) = self.rng.pick(&classes) else {
            return Vec::new();
        };
        let mut out: Vec<(usize, Role)> = Vec::new();
        for role in odds::roles(&mut self.rng, category) {
            let special = match role {
                Role::Initiator if self.rng.chance(0.3) => self.school.troubled.clone(),
                Role::Target if self.rng.chance(0.25) => self.school.vulnerable.clone(),
                _ => Vec::new(),
            };
            let near = if self.rng.chance(0.2) {
                self.near(class)
            } else {
                class
            };
            let pool = if special.is_empty() {
                self.school.classes[near].members.clone()
            } else {
                special
            };
            for _ in 0..12 {
                let Some(&p) = self.rng.pick(&pool) else {
                    break;
                };
                let pupil = &self.school.pupils[p];
                let ok = male.is_none_or(|m| m == pupil.male)
                    && classes.contains(&pupil.class)
                    && !out.iter().any(|(q, _)| *q == p);
                if ok {
                    out.push((p, role));
                    break;
                }
            }
        }
        out
    }

    /// A class of the same grade next to `class`.
    fn near(&mut self, class: usize) -> usize {
        let grade_start = class / 12 * 12;
        grade_start
            + self
                .rng
                .below(12)
                .min(self.school.classes.len().saturating_sub(grade_start + 1))
    }
}
