//! Saturating sums of money tables as the views show them: the total of a row and the totals per column.

/// The saturating sum of `values`.
pub fn sum(values: &[i64]) -> i64 {
    values.iter().fold(0i64, |s, v| s.saturating_add(*v))
}

/// The saturating total of each of the first `columns` columns over all `rows`.
pub fn column_totals(rows: &[Vec<i64>], columns: usize) -> Vec<i64> {
    let mut totals = vec![0i64; columns];
    for row in rows {
        for (total, value) in totals.iter_mut().zip(row) {
            *total = total.saturating_add(*value);
        }
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_saturate_and_columns_add_up() {
        assert_eq!(sum(&[]), 0);
        assert_eq!(sum(&[3, 4, -2]), 5);
        assert_eq!(sum(&[i64::MAX, 1]), i64::MAX);
        let rows = vec![vec![1, 2, 3], vec![10, 20, 30]];
        assert_eq!(column_totals(&rows, 3), vec![11, 22, 33]);
        assert_eq!(column_totals(&rows, 2), vec![11, 22]);
        assert_eq!(column_totals(&[vec![i64::MAX], vec![5]], 1), vec![i64::MAX]);
    }
}
