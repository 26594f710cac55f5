//! Buku IV Quick Win: the acceleration programs to start within about a year. The programs marked as quick
//! wins in the workbook, each in full; while none is marked, a clearly titled provisional list of the programs
//! whose budget starts in the masterplan's first year.

use super::build::Builder;
use super::texts::B;
use crate::i18n::format_rupiah;
use crate::model::Program;

pub fn build(b: &mut Builder<'_>) -> Result<(), String> {
    let wb = b.workbook;
    let first_year = wb.profile.period_start;
    b.paragraph(b.t(B::QuickWinsIntro));
    let marked: Vec<&Program> = wb.programs.iter().filter(|p| p.quick_win).collect();
    let programs = if marked.is_empty() {
        let title = B::ChFirstYear.fill(b.lang, &[&first_year.to_string()]);
        b.chapter(title);
        b.notice(B::FirstYearNotice.fill(b.lang, &[&first_year.to_string()]));
        let first_budgeted = |p: &&Program| p.budget.iter().map(|l| l.year).min() == Some(first_year);
        b.programs_in_order(wb.programs.iter().filter(first_budgeted))
    } else {
        b.chapter(b.t(B::ChMarkedQuickWins));
        let total = marked.iter().fold(0i64, |s, p| s.saturating_add(p.total_cost()));
        b.paragraph(B::MarkedIntro.fill(b.lang, &[&marked.len().to_string(), &format_rupiah(total)]));
        b.programs_in_order(marked)
    };
    if programs.is_empty() {
        b.paragraph(b.t(B::NoPrograms));
        return Ok(());
    }
    b.section(b.t(B::QuickWinTable));
    b.program_table(b.t(B::QuickWinTable), &programs);
    b.section(b.t(B::ProgramDetails));
    for p in programs {
        b.program_details(p);
    }
    Ok(())
}
