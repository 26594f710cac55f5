//! Edits checked once, at the field they came from. A view that shows a problem beside its field checks the
//! edit there ([`Session::checked`]); the commit then trusts that check, unless the workbook changed in
//! between (another edit of the same frame, an undo), in which case it checks again. Scope and read-only
//! are enforced by every commit regardless.

use super::{CommitError, Session};
use crate::model::{Edit, Problem};

/// An edit that passed the rules against the workbook at `revision`. Only [`Session::checked`] makes one.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    edit: Edit,
    revision: u64,
}

impl Checked {
    pub fn edit(&self) -> &Edit {
        &self.edit
    }
}

impl Session {
    /// The edit checked against the rules now, or the problems that refuse it (the first one names its field).
    pub fn checked(&self, edit: Edit) -> Result<Checked, Vec<Problem>> {
        let problems = self.check(&edit);
        if problems.is_empty() { Ok(Checked { edit, revision: self.revision }) } else { Err(problems) }
    }

    /// Commit a checked edit: not checked again when the workbook is still the one it was checked against.
    pub fn commit_checked(&mut self, checked: Checked) -> Result<(), CommitError> {
        let still_valid = checked.revision == self.revision;
        self.commit_edit(checked.edit, !still_valid)
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Text;
    use crate::model::{Change, Edit, Field, Program};
    use crate::seed::new_workbook;
    use crate::store::{CommitError, Session};

    fn session(dir: &tempfile::TempDir) -> Session {
        Session::create(&dir.path().join("t.smartcity"), &new_workbook("Kabupaten Uji", 2022), "t").unwrap()
    }

    fn put(program: Program) -> Edit {
        Edit::one(Text::AddProgram, Change::PutProgram(program))
    }

    fn program(session: &Session, code: &str, name: &str) -> Program {
        Program { code: code.to_string(), ..session.workbook().new_program(None, name) }
    }

    #[test]
    fn a_checked_edit_commits_and_a_refused_one_names_its_field() {
        let dir = tempfile::tempdir().unwrap();
        let mut session = session(&dir);
        let refused = session.checked(put(program(&session, "A.1", ""))).unwrap_err();
        assert_eq!(refused[0].field, Field::ProgramName);
        let checked = session.checked(put(program(&session, "A.1", "Satu"))).unwrap();
        session.commit_checked(checked).unwrap();
        assert_eq!(session.workbook().programs.len(), 1);
    }

    #[test]
    fn a_check_made_before_the_workbook_changed_is_made_again() {
        let dir = tempfile::tempdir().unwrap();
        let mut session = session(&dir);
        // Both fine alone; once the first is in, the second's code is taken.
        let first = put(program(&session, "A.1", "Satu"));
        let second = session.checked(put(program(&session, "a.1", "Dua"))).unwrap();
        session.commit(first).unwrap();
        match session.commit_checked(second) {
            Err(CommitError::Invalid(problems)) => assert_eq!(problems[0].field, Field::ProgramCode),
            other => panic!("a stale check must be made again: {other:?}"),
        }
        assert_eq!(session.workbook().programs.len(), 1);
    }
}
