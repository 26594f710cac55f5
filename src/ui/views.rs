//! The views of the left navigation. Views that later work fills say plainly what they will hold.

use crate::i18n::Text;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Profile,
    Programs,
    Readiness,
    Finance,
    QuickWins,
    Export,
}

impl View {
    pub const ALL: [View; 6] =
        [View::Profile, View::Programs, View::Readiness, View::Finance, View::QuickWins, View::Export];

    pub fn label(self) -> Text {
        match self {
            View::Profile => Text::NavProfile,
            View::Programs => Text::NavPrograms,
            View::Readiness => Text::NavReadiness,
            View::Finance => Text::NavFinance,
            View::QuickWins => Text::NavQuickWins,
            View::Export => Text::NavExport,
        }
    }

    /// For views not built yet: what they will hold, so nobody mistakes an empty screen for missing data.
    pub fn plan(self) -> Option<Text> {
        match self {
            View::Profile | View::Programs | View::Readiness | View::Finance => None,
            View::QuickWins => Some(Text::PlanQuickWins),
            View::Export => Some(Text::PlanExport),
        }
    }
}
