//! The programs' cost per masterplan year and dimension, split into the APBD part and the other sources.

use super::money::{FinanceError, Overflowing, checked};
use crate::model::{FundingSource, Id, ProgramStatus, Workbook};

/// The programs' cost in one year: the APBD part and the other sources.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cost {
    pub apbd: i64,
    pub other: i64,
}

impl Cost {
    pub fn total(self) -> i64 {
        self.apbd + self.other
    }
}

/// The programs' cost per masterplan year, per dimension and in total, split into the APBD part (funding
/// source APBD) and the other sources (APBN, DAK, the province, KPBU, CSR, private, Dana Desa, other: DAK is
/// named apart in the program table, so it is not counted as the regency's own APBD). Dropped programs cost
/// nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProgramCosts {
    pub years: Vec<i32>,
    /// In the workbook's dimension order; each has one cost per year.
    pub by_dimension: Vec<(Id, Vec<Cost>)>,
    /// Every counted program, per year.
    pub total: Vec<Cost>,
}

impl ProgramCosts {
    pub fn in_year(&self, year: i32) -> Cost {
        self.years.iter().position(|y| *y == year).map_or_else(Cost::default, |at| self.total[at])
    }
}

pub fn program_costs(workbook: &Workbook) -> Result<ProgramCosts, FinanceError> {
    let years: Vec<i32> = workbook.profile.years().collect();
    let first = workbook.profile.period_start;
    let mut by_dimension: Vec<Vec<[i128; 2]>> = vec![vec![[0; 2]; years.len()]; workbook.dimensions.len()];
    let mut total: Vec<[i128; 2]> = vec![[0; 2]; years.len()];
    for program in workbook.programs.iter().filter(|p| p.status != ProgramStatus::Dropped) {
        let row = workbook
            .dimension_of(program.element_id)
            .and_then(|d| workbook.dimensions.iter().position(|x| x.id == d.id));
        for line in &program.budget {
            let Some(column) = usize::try_from(line.year - first).ok().filter(|c| *c < years.len()) else {
                continue;
            };
            let part = usize::from(line.source != FundingSource::Apbd);
            total[column][part] += i128::from(line.amount);
            if let Some(row) = row {
                by_dimension[row][column][part] += i128::from(line.amount);
            }
        }
    }
    let costs = |cells: &[[i128; 2]]| -> Result<Vec<Cost>, FinanceError> {
        cells
            .iter()
            .zip(&years)
            .map(|(c, &year)| {
                Ok(Cost {
                    apbd: checked(c[0], || Overflowing::ProgramCost, year)?,
                    other: checked(c[1], || Overflowing::ProgramCost, year)?,
                })
            })
            .collect()
    };
    let by_dimension = workbook
        .dimensions
        .iter()
        .zip(&by_dimension)
        .map(|(d, cells)| Ok((d.id, costs(cells)?)))
        .collect::<Result<_, FinanceError>>()?;
    Ok(ProgramCosts { total: costs(&total)?, by_dimension, years })
}
