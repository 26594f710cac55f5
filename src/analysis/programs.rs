//! Finding, sorting and summing programs: the filter of the program table, board and roadmap, the cost
//! per element and the yearly cost per dimension. An [`ProgramIndex`] precomputes what every filter pass
//! needs (folded search text, sort keys) once per workbook revision, so filtering 10,000 programs is a
//! linear scan over small rows.

use std::cmp::Ordering;

use unicode_normalization::UnicodeNormalization;

use crate::model::{FundingSource, Id, Program, ProgramStatus, Workbook};

/// Lower case without diacritics, for searching: "Pelayanan Publik" and "pelayanan publik" match, so do
/// "Ekonomi" and "Ékonomi".
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        // Nearly all text is plain ASCII: skip the Unicode decomposition.
        return text.to_ascii_lowercase();
    }
    text.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

/// What the user narrowed the list to. `None` means "all".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProgramFilter {
    pub dimension: Option<Id>,
    pub element: Option<Id>,
    /// `Some(None)` selects programs without an agency.
    pub agency: Option<Option<Id>>,
    /// Programs running in this year.
    pub year: Option<i32>,
    /// Programs with money from this source.
    pub source: Option<FundingSource>,
    pub status: Option<ProgramStatus>,
    pub text: String,
}

impl ProgramFilter {
    pub fn is_empty(&self) -> bool {
        *self == ProgramFilter::default()
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    #[default]
    Position,
    Code,
    Name,
    Dimension,
    Element,
    Agency,
    Years,
    Cost,
    Sources,
    QuickWin,
    Status,
}

/// What one program contributes to filtering and sorting, computed once per revision.
#[derive(Clone, Debug)]
struct IndexRow {
    search: String,
    code: String,
    name: String,
    dimension: Option<Id>,
    dimension_order: i64,
    element_order: (i64, i64),
    agency: String,
    cost: i64,
    sources: u16,
}

/// Precomputed search and sort data for every program of one workbook revision.
#[derive(Clone, Debug, Default)]
pub struct ProgramIndex {
    rows: Vec<IndexRow>,
}

impl ProgramIndex {
    pub fn new(workbook: &Workbook) -> Self {
        // Folded once per agency, not once per program.
        let agencies: std::collections::HashMap<Id, (String, String)> = workbook
            .agencies
            .iter()
            .map(|a| (a.id, (format!("{}\n{}", fold(&a.name), fold(&a.short_name)), fold(a.label()))))
            .collect();
        let rows = workbook
            .programs
            .iter()
            .map(|p| {
                let element = workbook.element(p.element_id);
                let dimension = element.and_then(|e| workbook.dimension(e.dimension_id));
                let agency = p.agency_id.and_then(|a| agencies.get(&a));
                let mut search = String::new();
                for part in [p.code.as_str(), &p.name, &p.description, &p.location] {
                    search.push_str(&fold(part));
                    search.push('\n');
                }
                if let Some((words, _)) = agency {
                    search.push_str(words);
                }
                IndexRow {
                    search,
                    code: fold(&p.code),
                    name: fold(&p.name),
                    dimension: dimension.map(|d| d.id),
                    dimension_order: dimension.map_or(i64::MAX, |d| d.position),
                    element_order: (
                        dimension.map_or(i64::MAX, |d| d.position),
                        element.map_or(i64::MAX, |e| e.position),
                    ),
                    agency: agency.map_or_else(String::new, |(_, label)| label.clone()),
                    cost: p.total_cost(),
                    sources: p.source_bits(),
                }
            })
            .collect();
        ProgramIndex { rows }
    }

    pub fn cost(&self, index: usize) -> i64 {
        self.rows.get(index).map_or(0, |r| r.cost)
    }
}

fn matches(program: &Program, row: &IndexRow, filter: &ProgramFilter, words: &[String]) -> bool {
    filter.dimension.is_none_or(|d| row.dimension == Some(d))
        && filter.element.is_none_or(|e| program.element_id == e)
        && filter.agency.is_none_or(|a| program.agency_id == a)
        && filter.year.is_none_or(|y| (program.start_year..=program.end_year).contains(&y))
        && filter.source.is_none_or(|s| row.sources & s.bit() != 0)
        && filter.status.is_none_or(|s| program.status == s)
        && words.iter().all(|w| row.search.contains(w.as_str()))
}

/// Indices into `workbook.programs` of the programs that pass `filter`, sorted by `key`. Ties keep the
/// workbook's own order, so the list never jumps around between frames.
pub fn select(
    workbook: &Workbook,
    index: &ProgramIndex,
    filter: &ProgramFilter,
    key: SortKey,
    ascending: bool,
) -> Vec<usize> {
    let words: Vec<String> = fold(&filter.text).split_whitespace().map(str::to_string).collect();
    let mut chosen: Vec<usize> = workbook
        .programs
        .iter()
        .zip(&index.rows)
        .enumerate()
        .filter(|(_, (p, row))| matches(p, row, filter, &words))
        .map(|(i, _)| i)
        .collect();
    if key != SortKey::Position {
        let programs = &workbook.programs;
        let rows = &index.rows;
        let compare = |a: &usize, b: &usize| -> Ordering {
            let (pa, pb, ra, rb) = (&programs[*a], &programs[*b], &rows[*a], &rows[*b]);
            match key {
                SortKey::Position => Ordering::Equal,
                SortKey::Code => ra.code.cmp(&rb.code),
                SortKey::Name => ra.name.cmp(&rb.name),
                SortKey::Dimension => ra.dimension_order.cmp(&rb.dimension_order),
                SortKey::Element => ra.element_order.cmp(&rb.element_order),
                SortKey::Agency => ra.agency.cmp(&rb.agency),
                SortKey::Years => (pa.start_year, pa.end_year).cmp(&(pb.start_year, pb.end_year)),
                SortKey::Cost => ra.cost.cmp(&rb.cost),
                SortKey::Sources => ra.sources.count_ones().cmp(&rb.sources.count_ones()),
                SortKey::QuickWin => pa.quick_win.cmp(&pb.quick_win),
                SortKey::Status => pa.status.cmp(&pb.status),
            }
        };
        chosen.sort_by(|a, b| {
            let order = compare(a, b);
            if ascending { order } else { order.reverse() }
        });
    }
    chosen
}

/// The total cost of the chosen programs.
pub fn total_cost(index: &ProgramIndex, chosen: &[usize]) -> i64 {
    chosen.iter().fold(0i64, |sum, &i| sum.saturating_add(index.cost(i)))
}

/// Count and cost of programs per element, in the workbook's element order.
pub fn per_element(workbook: &Workbook, chosen: &[usize]) -> Vec<(Id, usize, i64)> {
    let mut totals: Vec<(Id, usize, i64)> = workbook.elements.iter().map(|e| (e.id, 0, 0)).collect();
    for &i in chosen {
        let program = &workbook.programs[i];
        if let Some(slot) = totals.iter_mut().find(|t| t.0 == program.element_id) {
            slot.1 += 1;
            slot.2 = slot.2.saturating_add(program.total_cost());
        }
    }
    totals
}

/// Cost per dimension (rows, in dimension order) and masterplan year (columns, from the period start).
pub fn yearly_cost_by_dimension(workbook: &Workbook, chosen: &[usize]) -> Vec<Vec<i64>> {
    let period = &workbook.profile;
    let years = (period.period_end - period.period_start + 1).max(0) as usize;
    let mut table = vec![vec![0i64; years]; workbook.dimensions.len()];
    for &i in chosen {
        let program = &workbook.programs[i];
        let Some(row) = workbook
            .dimension_of(program.element_id)
            .and_then(|d| workbook.dimensions.iter().position(|x| x.id == d.id))
        else {
            continue;
        };
        for line in &program.budget {
            let column = line.year - period.period_start;
            if (0..years as i32).contains(&column) {
                let cell = &mut table[row][column as usize];
                *cell = cell.saturating_add(line.amount);
            }
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Agency, BudgetLine, Change, new_id};
    use crate::seed::new_workbook;

    fn workbook() -> Workbook {
        let mut wb = new_workbook("Kabupaten Uji", 2022);
        let agency = Agency {
            id: new_id(),
            code: "2.16.01".into(),
            name: "Dinas Komunikasi dan Informatika".into(),
            short_name: "Diskominfo".into(),
            position: 0,
        };
        wb.apply(&Change::PutAgency(agency.clone()));
        let line = |year, source, amount| BudgetLine { year, source, amount };
        let programs = [
            (
                "GOV-01",
                "E-office untuk semua OPD",
                0,
                Some(agency.id),
                2022,
                2024,
                vec![
                    line(2022, FundingSource::Apbd, 100),
                    line(2023, FundingSource::Apbd, 200),
                    line(2023, FundingSource::Apbn, 50),
                ],
            ),
            ("BRD-01", "Promosi desa wisata Ékologi", 3, None, 2025, 2026, vec![line(2025, FundingSource::Csr, 70)]),
            ("GOV-02", "Aplikasi pengaduan", 1, Some(agency.id), 2023, 2023, vec![line(2023, FundingSource::Apbd, 30)]),
        ];
        for (position, (code, name, element, agency, start, end, budget)) in programs.into_iter().enumerate() {
            let element_id = wb.elements[element].id;
            let mut program = wb.new_program(Some(element_id), name);
            program.code = code.into();
            program.agency_id = agency;
            program.location = "Andoolo".into();
            (program.start_year, program.end_year) = (start, end);
            program.budget = budget;
            program.quick_win = position == 2;
            wb.apply(&Change::PutProgram(program));
        }
        wb
    }

    fn codes(wb: &Workbook, chosen: &[usize]) -> Vec<String> {
        chosen.iter().map(|&i| wb.programs[i].code.clone()).collect()
    }

    #[test]
    fn folding_ignores_case_and_diacritics() {
        assert_eq!(fold("Ékologi ÀNDOOLO"), "ekologi andoolo");
    }

    #[test]
    fn filters_combine_and_text_ignores_case_and_accents() {
        let wb = workbook();
        let index = ProgramIndex::new(&wb);
        let all = select(&wb, &index, &ProgramFilter::default(), SortKey::Position, true);
        assert_eq!(codes(&wb, &all), ["GOV-01", "BRD-01", "GOV-02"]);
        assert_eq!(total_cost(&index, &all), 450);

        let text = ProgramFilter { text: "EKOLOGI".into(), ..Default::default() };
        assert_eq!(codes(&wb, &select(&wb, &index, &text, SortKey::Position, true)), ["BRD-01"]);
        let agency_words = ProgramFilter { text: "diskominfo aplikasi".into(), ..Default::default() };
        assert_eq!(codes(&wb, &select(&wb, &index, &agency_words, SortKey::Position, true)), ["GOV-02"]);

        let governance = ProgramFilter { dimension: Some(wb.dimensions[0].id), ..Default::default() };
        assert_eq!(codes(&wb, &select(&wb, &index, &governance, SortKey::Position, true)), ["GOV-01", "GOV-02"]);
        let year = ProgramFilter { year: Some(2024), ..Default::default() };
        assert_eq!(codes(&wb, &select(&wb, &index, &year, SortKey::Position, true)), ["GOV-01"]);
        let apbn = ProgramFilter { source: Some(FundingSource::Apbn), ..Default::default() };
        assert_eq!(codes(&wb, &select(&wb, &index, &apbn, SortKey::Position, true)), ["GOV-01"]);
        let no_agency = ProgramFilter { agency: Some(None), ..Default::default() };
        assert_eq!(codes(&wb, &select(&wb, &index, &no_agency, SortKey::Position, true)), ["BRD-01"]);
        let element = ProgramFilter { element: Some(wb.elements[1].id), ..Default::default() };
        assert_eq!(codes(&wb, &select(&wb, &index, &element, SortKey::Position, true)), ["GOV-02"]);
    }

    #[test]
    fn sorting_by_cost_and_name_both_ways() {
        let wb = workbook();
        let index = ProgramIndex::new(&wb);
        let all = ProgramFilter::default();
        assert_eq!(codes(&wb, &select(&wb, &index, &all, SortKey::Cost, true)), ["GOV-02", "BRD-01", "GOV-01"]);
        assert_eq!(codes(&wb, &select(&wb, &index, &all, SortKey::Cost, false)), ["GOV-01", "BRD-01", "GOV-02"]);
        assert_eq!(codes(&wb, &select(&wb, &index, &all, SortKey::Code, true)), ["BRD-01", "GOV-01", "GOV-02"]);
        assert_eq!(codes(&wb, &select(&wb, &index, &all, SortKey::QuickWin, false))[0], "GOV-02");
    }

    #[test]
    fn yearly_cost_per_dimension_matches_hand_sums() {
        let wb = workbook();
        let index = ProgramIndex::new(&wb);
        let all = select(&wb, &index, &ProgramFilter::default(), SortKey::Position, true);
        let table = yearly_cost_by_dimension(&wb, &all);
        assert_eq!(table.len(), 6);
        // Governance: 2022 = 100; 2023 = 200 + 50 + 30 = 280; nothing later.
        assert_eq!(table[0], vec![100, 280, 0, 0, 0, 0, 0, 0, 0, 0]);
        // Branding (element 3 belongs to the second dimension): 70 in 2025.
        assert_eq!(table[1], vec![0, 0, 0, 70, 0, 0, 0, 0, 0, 0]);
        assert!(table[2..].iter().all(|row| row.iter().all(|v| *v == 0)));

        let per = per_element(&wb, &all);
        assert_eq!(per[0].1, 1);
        assert_eq!(per[0].2, 350);
        assert_eq!(per[1], (wb.elements[1].id, 1, 30));
        assert_eq!(per[3], (wb.elements[3].id, 1, 70));
    }
}
