//! Placing the labels of a scatter chart so none covers another: each label tries the right of its mark,
//! then the left, above and below; a label with no free place that stays inside the plot is left out (the
//! chart's hover readout still names it). Pure geometry in pixels, so it is the same on screen and in files.

/// A box in pixels: left, top, right, bottom.
pub type Box = (i32, i32, i32, i32);

/// A label to place: its mark's centre and radius, and the label's width and height.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wanted {
    pub center: (i32, i32),
    pub radius: i32,
    pub size: (i32, i32),
}

fn overlaps(a: Box, b: Box) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

fn inside(a: Box, bounds: Box) -> bool {
    a.0 >= bounds.0 && a.1 >= bounds.1 && a.2 <= bounds.2 && a.3 <= bounds.3
}

/// The top-left corner of each label, in the order given (earlier labels win a contested place), or `None`
/// for a label that fits nowhere. `gap` is the space between a mark and its label.
pub fn place(wanted: &[Wanted], bounds: Box, gap: i32) -> Vec<Option<(i32, i32)>> {
    let mut taken: Vec<Box> = Vec::new();
    wanted
        .iter()
        .map(|w| {
            let ((x, y), r, (width, height)) = (w.center, w.radius, w.size);
            let candidates = [
                (x + r + gap, y - height / 2),
                (x - r - gap - width, y - height / 2),
                (x - width / 2, y - r - gap - height),
                (x - width / 2, y + r + gap),
            ];
            let free = candidates.into_iter().find(|&(left, top)| {
                let b = (left, top, left + width, top + height);
                inside(b, bounds) && !taken.iter().any(|t| overlaps(*t, b))
            })?;
            taken.push((free.0, free.1, free.0 + width, free.1 + height));
            Some(free)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOUNDS: Box = (0, 0, 400, 300);

    fn label(center: (i32, i32)) -> Wanted {
        Wanted { center, radius: 10, size: (60, 14) }
    }

    #[test]
    fn a_lone_label_goes_to_the_right_of_its_mark() {
        assert_eq!(place(&[label((100, 100))], BOUNDS, 2), [Some((112, 93))]);
    }

    #[test]
    fn labels_of_marks_on_one_spot_take_the_right_left_above_and_below_then_give_up() {
        let placed = place(&[label((100, 100)); 5], BOUNDS, 2);
        assert_eq!(placed, [Some((112, 93)), Some((28, 93)), Some((70, 74)), Some((70, 112)), None]);
        let boxes: Vec<Box> = placed.iter().flatten().map(|&(l, t)| (l, t, l + 60, t + 14)).collect();
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!overlaps(*a, *b), "{a:?} and {b:?}");
            }
        }
    }

    #[test]
    fn a_label_at_the_right_edge_goes_to_the_left() {
        assert_eq!(place(&[label((380, 100))], BOUNDS, 2), [Some((308, 93))]);
    }
}
