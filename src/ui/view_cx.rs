//! [`ViewCx`]: what a view gets each frame, and the only way a view hands an edit back to the app.

use crate::i18n::Lang;
use crate::model::{Edit, Problem};
use crate::store::{Checked, Session};

/// An edit a view hands back: checked already at the field it came from, or left to the commit to check.
/// Either way the rules run once (again only when the workbook changed in between).
#[derive(Debug)]
pub enum Handed {
    Edit(Edit),
    Checked(Checked),
}

/// What a view gets each frame: the language, the workbook to read, and where to put its edits.
pub struct ViewCx<'a> {
    pub lang: Lang,
    pub session: &'a Session,
    handed: &'a mut Vec<Handed>,
    /// False for read-only workbooks: views disable their inputs.
    pub editable: bool,
    /// Presenting with money hidden: views show no amounts (`ui::quick_wins::money` shows dots).
    pub hide_money: bool,
}

impl<'a> ViewCx<'a> {
    /// An editable context showing money; the app sets `editable` and `hide_money` as the workbook and the
    /// presentation want.
    pub fn new(lang: Lang, session: &'a Session, handed: &'a mut Vec<Handed>) -> Self {
        ViewCx { lang, session, handed, editable: true, hide_money: false }
    }

    /// Hand an edit to the app; the commit checks it, and a refusal shows in the status line.
    pub fn push(&mut self, edit: Edit) {
        self.handed.push(Handed::Edit(edit));
    }

    /// Check an edit here, for a view that shows the problem beside its field: refused, it is not handed on;
    /// accepted, the commit does not check it again.
    pub fn propose(&mut self, edit: Edit) -> Result<(), Vec<Problem>> {
        let checked = self.session.checked(edit)?;
        self.handed.push(Handed::Checked(checked));
        Ok(())
    }
}
