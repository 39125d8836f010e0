//! Which terminal this is (the duty desk or the gate), the tabs each offers, and the key of
//! each tab.

use crate::action::Tab;

/// Which terminal this is: the duty desk (everything) or the gate (what a guard needs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Station {
    #[default]
    Desk,
    Gate,
}

impl Station {
    /// The tabs this station offers.
    pub fn tabs(self) -> &'static [Tab] {
        match self {
            Station::Desk => &[
                Tab::Now,
                Tab::Patrols,
                Tab::Incidents,
                Tab::Followups,
                Tab::Hazards,
                Tab::Gate,
                Tab::Shift,
                Tab::People,
            ],
            Station::Gate => &[Tab::Gate, Tab::Shift],
        }
    }

    /// The screen the station starts on and Esc returns to.
    pub fn home(self) -> Tab {
        match self {
            Station::Desk => Tab::Now,
            Station::Gate => Tab::Gate,
        }
    }
}

/// The key that opens a tab, everywhere outside forms.
pub fn tab_key(tab: Tab) -> char {
    match tab {
        Tab::Now => 'n',
        Tab::Patrols => 'p',
        Tab::Incidents => 'i',
        Tab::Followups => 'f',
        Tab::Hazards => 'h',
        Tab::Gate => 'g',
        Tab::Shift => 's',
        Tab::People => 'w',
    }
}
