//! The counts a shift's summary states, each from the gathered records alone: the same number
//! in the facts a person reads and the figures a program reads.

use super::ShiftSummary;
use domain::gate::VisitStatus;

impl ShiftSummary {
    /// Rounds whose window has come: made, late, partial or missed.
    pub fn rounds_due(&self) -> usize {
        let t = &self.tally;
        self.rounds.len() - t.upcoming - t.due
    }

    /// Rounds still to come (upcoming, or due and not yet made).
    pub fn rounds_to_come(&self) -> usize {
        self.tally.upcoming + self.tally.due
    }

    /// Rounds whose latest check found a problem.
    pub fn problem_rounds(&self) -> usize {
        self.rounds
            .iter()
            .filter(|r| r.check.as_ref().is_some_and(|c| c.problems > 0))
            .count()
    }

    /// Visitors let in (every visit but the refused ones).
    pub fn admitted(&self) -> usize {
        self.visits
            .iter()
            .filter(|v| v.status != VisitStatus::Refused)
            .count()
    }

    /// Visitors signed out.
    pub fn visitors_out(&self) -> usize {
        self.visits.iter().filter(|v| v.time_out.is_some()).count()
    }

    /// Visitors turned away at the gate.
    pub fn refused(&self) -> usize {
        self.visits.len() - self.admitted()
    }
}
