//! [`ViewCx`]: what a view gets each frame, and the only way a view hands an edit back to the app.

use crate::i18n::Lang;
use crate::model::Edit;
use crate::store::Session;

/// What a view gets each frame: the language, the workbook to read, and where to put its edits.
pub struct ViewCx<'a> {
    pub lang: Lang,
    pub session: &'a Session,
    pub edits: &'a mut Vec<Edit>,
    /// False for read-only workbooks: views disable their inputs.
    pub editable: bool,
    /// Presenting with money hidden: views show no amounts (`ui::quick_wins::money` shows dots).
    pub hide_money: bool,
}
