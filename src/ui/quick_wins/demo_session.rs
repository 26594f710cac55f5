//! For the unit tests of the Quick Win view: the demo workbook saved in a temporary file, with its ranking for
//! the first masterplan year, and a view context on it.

use tempfile::TempDir;

use crate::analysis::quick_wins::{Ranked, Window, ranking};
use crate::i18n::Lang;
use crate::seed::demo_workbook;
use crate::store::Session;
use crate::ui::{Handed, ViewCx};

/// The demo workbook open as a session in a temporary folder (removed when this is dropped).
pub(super) struct DemoSession {
    _dir: TempDir,
    pub session: Session,
    /// The first masterplan year alone.
    pub window: Window,
    /// The ranking of `session` over `window`.
    pub ranked: Vec<Ranked>,
}

impl DemoSession {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let workbook = demo_workbook();
        let session = Session::create(&dir.path().join("t.smartcity"), &workbook, "test").unwrap();
        let window = Window { first_year: workbook.profile.period_start, years: 1 };
        let ranked = ranking(session.workbook(), window);
        DemoSession { _dir: dir, session, window, ranked }
    }

    /// An editable context in Indonesian with money shown, collecting edits into `edits`.
    pub fn cx<'a>(&'a self, edits: &'a mut Vec<Handed>) -> ViewCx<'a> {
        ViewCx::new(Lang::Id, &self.session, edits)
    }
}
