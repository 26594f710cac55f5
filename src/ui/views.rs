//! The views of the left navigation, in their order.

use crate::i18n::Text;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// The masterplan at a glance and the books' checklist (`ui::home`); the app opens on it.
    #[default]
    Home,
    Profile,
    Programs,
    Readiness,
    Finance,
    Strategy,
    QuickWins,
    /// Monitoring and evaluation after the signing (`ui::monev`).
    Monev,
    Export,
    /// Every recorded change with who, when and where it came from (`ui::journal`).
    Journal,
}

impl View {
    pub const ALL: [View; 10] = [
        View::Home,
        View::Profile,
        View::Programs,
        View::Readiness,
        View::Finance,
        View::Strategy,
        View::QuickWins,
        View::Monev,
        View::Export,
        View::Journal,
    ];

    pub fn label(self) -> Text {
        match self {
            View::Home => Text::NavHome,
            View::Profile => Text::NavProfile,
            View::Programs => Text::NavPrograms,
            View::Readiness => Text::NavReadiness,
            View::Finance => Text::NavFinance,
            View::Strategy => Text::NavStrategy,
            View::QuickWins => Text::NavQuickWins,
            View::Monev => Text::NavMonev,
            View::Export => Text::NavExport,
            View::Journal => Text::NavHistory,
        }
    }
}
