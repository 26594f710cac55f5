//! The APBD line tree: the budget lines values are typed on, in the current layout and the layout before 2021.
//!
//! Values are typed per budget line, year and kind (budgeted or realised). The lines form
//! one tree in the current layout (Permendagri 90/2019, since the 2021 budget), read once from
//! `assets/seed/apbd-lines.json`: revenue (4: PAD with its parts, transfers with DBH, DAU, DAK, Dana Desa
//! and others, other legitimate revenue), spending (5: personnel, goods and services, interest, subsidies,
//! grants, social aid, capital, unforeseen, transfers paid) and net financing (6: receipts such as SiLPA and
//! loans, less disbursements such as loan principal). A value may be typed on any line, a sum line included:
//! a sum line's own value is its total, and children explain as much of it as they hold.
//!
//! **The layout before 2021** (Permendagri 13/2006 as amended by 21/2011) can be typed as it was published:
//! its lines are stored under `old:<code>` (e.g. `old:4.2` for Dana Perimbangan) and mapped onto the tree when
//! totals are formed, so a 2016-2031 series is continuous:
//! - an old line marked `whole` is the whole of its tree line and gives that line its value: PAD and its parts
//!   map one to one; Dana Perimbangan maps onto tree line 4.2.1, which groups DBH, DAU and DAK under
//!   transfers; single lines that moved (Dana Desa, the adjustment funds, interest, grants, capital...) too;
//! - an old line that is only a part of its tree line adds to it, less what its own old-layout children
//!   already explain. So Dana Desa, the adjustment funds and the provincial revenue sharing and aid, all under
//!   "lain-lain pendapatan" before 2021, move to transfers, and the rest of "lain-lain pendapatan" that was
//!   not broken down stays in 4.3; the personnel spending of belanja tidak langsung and of belanja langsung
//!   both add to personnel (5.1.1); goods and services and capital (from belanja langsung) and interest,
//!   subsidies, grants, social aid, revenue sharing, financial aid and unforeseen spending (from belanja tidak
//!   langsung) go to their own lines; what of belanja tidak langsung or langsung is not broken down stays in
//!   total spending (5) as not broken down.

use std::sync::OnceLock;

use serde::Deserialize;

use super::finance::LEGACY_PREFIX;
use crate::i18n::Lang;

/// One line of the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineDef {
    /// `4.1.2`: also the key values are stored under.
    pub code: String,
    pub name_id: String,
    pub name_en: String,
    /// A sum of its children.
    pub is_sum: bool,
    /// Counts against its parent (financing disbursements in net financing).
    pub negative: bool,
    pub parent: Option<usize>,
    /// 0 for the three roots (4, 5, 6).
    pub depth: usize,
}

/// One line of the layout before 2021, with where it goes in the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegacyLine {
    /// The code as published, e.g. `4.2` for Dana Perimbangan.
    pub code: String,
    /// `old:4.2`: the key values are stored under.
    pub key: String,
    pub name_id: String,
    pub name_en: String,
    /// Index of the tree line it maps onto.
    pub maps_to: usize,
    /// The whole of its tree line (its value becomes the line's value), or only a part that adds to it.
    pub whole: bool,
    pub negative: bool,
    /// Index of its parent in the old layout.
    pub parent: Option<usize>,
    pub depth: usize,
}

/// The lines the ratios read, as indices into [`LineTree::lines`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Roles {
    pub revenue: usize,
    pub pad: usize,
    pub spending: usize,
    pub personnel: usize,
    pub capital: usize,
    pub interest: usize,
    pub transfers_paid: usize,
    pub silpa: usize,
    pub loan_principal: usize,
    pub earmarked_revenue: Vec<usize>,
}

/// The APBD line tree with the old layout's mapping: reference data, the same in every workbook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineTree {
    /// Parents before their children, in the order they are shown.
    pub lines: Vec<LineDef>,
    pub legacy: Vec<LegacyLine>,
    pub roles: Roles,
    children: Vec<Vec<usize>>,
    legacy_children: Vec<Vec<usize>>,
}

const LINES_JSON: &str = include_str!("../../assets/seed/apbd-lines.json");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TreeSeed {
    #[serde(rename = "_note")]
    _note: Option<String>,
    lines: Vec<LineSeed>,
    legacy: Vec<LegacySeed>,
    roles: RolesSeed,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LineSeed {
    code: String,
    name_id: String,
    name_en: String,
    #[serde(default)]
    sum: bool,
    #[serde(default)]
    negative: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LegacySeed {
    code: String,
    name_id: String,
    name_en: String,
    maps_to: String,
    whole: bool,
    #[serde(default)]
    negative: bool,
    #[serde(rename = "_note")]
    _note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RolesSeed {
    revenue: String,
    pad: String,
    spending: String,
    personnel: String,
    capital: String,
    interest: String,
    transfers_paid: String,
    silpa: String,
    loan_principal: String,
    earmarked_revenue: Vec<String>,
}

/// The parent code of `4.1.2` is `4.1`; a root has none.
fn parent_code(code: &str) -> Option<&str> {
    code.rfind('.').map(|at| &code[..at])
}

impl LineTree {
    /// The tree, read from the asset once. A broken asset is a bug caught by the tests.
    pub fn get() -> &'static LineTree {
        static TREE: OnceLock<LineTree> = OnceLock::new();
        TREE.get_or_init(|| LineTree::parse(LINES_JSON))
    }

    fn parse(json: &str) -> LineTree {
        let seed: TreeSeed = serde_json::from_str(json).expect("assets/seed/apbd-lines.json is valid");
        let mut lines: Vec<LineDef> = Vec::with_capacity(seed.lines.len());
        for line in seed.lines {
            let parent = parent_code(&line.code).map(|p| {
                lines
                    .iter()
                    .position(|l| l.code == p)
                    .unwrap_or_else(|| panic!("line {}: parent comes first", line.code))
            });
            lines.push(LineDef {
                depth: parent.map_or(0, |p| lines[p].depth + 1),
                code: line.code,
                name_id: line.name_id,
                name_en: line.name_en,
                is_sum: line.sum,
                negative: line.negative,
                parent,
            });
        }
        let find =
            |code: &str| lines.iter().position(|l| l.code == code).unwrap_or_else(|| panic!("no tree line {code}"));
        let mut legacy: Vec<LegacyLine> = Vec::with_capacity(seed.legacy.len());
        for line in seed.legacy {
            let parent = parent_code(&line.code).map(|p| {
                legacy
                    .iter()
                    .position(|l| l.code == p)
                    .unwrap_or_else(|| panic!("old line {}: parent first", line.code))
            });
            legacy.push(LegacyLine {
                key: format!("{LEGACY_PREFIX}{}", line.code),
                depth: parent.map_or(0, |p| legacy[p].depth + 1),
                maps_to: find(&line.maps_to),
                code: line.code,
                name_id: line.name_id,
                name_en: line.name_en,
                whole: line.whole,
                negative: line.negative,
                parent,
            });
        }
        let r = seed.roles;
        let roles = Roles {
            revenue: find(&r.revenue),
            pad: find(&r.pad),
            spending: find(&r.spending),
            personnel: find(&r.personnel),
            capital: find(&r.capital),
            interest: find(&r.interest),
            transfers_paid: find(&r.transfers_paid),
            silpa: find(&r.silpa),
            loan_principal: find(&r.loan_principal),
            earmarked_revenue: r.earmarked_revenue.iter().map(|c| find(c)).collect(),
        };
        let mut children = vec![Vec::new(); lines.len()];
        for (i, line) in lines.iter().enumerate() {
            if let Some(p) = line.parent {
                children[p].push(i);
            }
        }
        let mut legacy_children = vec![Vec::new(); legacy.len()];
        for (i, line) in legacy.iter().enumerate() {
            if let Some(p) = line.parent {
                legacy_children[p].push(i);
            }
        }
        LineTree { lines, legacy, roles, children, legacy_children }
    }

    /// The index of a tree line by its code.
    pub fn index(&self, code: &str) -> Option<usize> {
        self.lines.iter().position(|l| l.code == code)
    }

    /// The index of an old-layout line by its stored key (`old:4.2`).
    pub fn legacy_index(&self, key: &str) -> Option<usize> {
        self.legacy.iter().position(|l| l.key == key)
    }

    /// True for the code of a tree line or the key of an old-layout line.
    pub fn is_known(&self, key: &str) -> bool {
        self.index(key).is_some() || self.legacy_index(key).is_some()
    }

    pub fn children(&self, line: usize) -> &[usize] {
        &self.children[line]
    }

    pub fn legacy_children(&self, line: usize) -> &[usize] {
        &self.legacy_children[line]
    }

    /// The line's ancestors, nearest first.
    pub fn ancestors(&self, line: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.lines[line].parent, |&p| self.lines[p].parent)
    }

    /// True when `line` is `ancestor` or lies under it.
    pub fn is_within(&self, line: usize, ancestor: usize) -> bool {
        line == ancestor || self.ancestors(line).any(|a| a == ancestor)
    }

    /// The name of a tree or old-layout line in `lang`, or the key itself when it is not known.
    pub fn name(&self, key: &str, lang: Lang) -> String {
        let pick = |id: &str, en: &str| match lang {
            Lang::Id => id.to_string(),
            Lang::En => en.to_string(),
        };
        if let Some(i) = self.index(key) {
            pick(&self.lines[i].name_id, &self.lines[i].name_en)
        } else if let Some(i) = self.legacy_index(key) {
            pick(&self.legacy[i].name_id, &self.legacy[i].name_en)
        } else {
            key.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tree_is_well_formed() {
        let tree = LineTree::get();
        let codes: std::collections::HashSet<&str> = tree.lines.iter().map(|l| l.code.as_str()).collect();
        assert_eq!(codes.len(), tree.lines.len(), "codes are unique");
        for (i, line) in tree.lines.iter().enumerate() {
            assert_eq!(line.is_sum, !tree.children(i).is_empty(), "{}: sum exactly when it has children", line.code);
            assert!(!line.name_id.is_empty() && !line.name_en.is_empty(), "{}", line.code);
            assert!(!line.code.starts_with(LEGACY_PREFIX));
        }
        let roots: Vec<&str> = tree.lines.iter().filter(|l| l.parent.is_none()).map(|l| l.code.as_str()).collect();
        assert_eq!(roots, ["4", "5", "6"]);
        let negative: Vec<&str> = tree.lines.iter().filter(|l| l.negative).map(|l| l.code.as_str()).collect();
        assert_eq!(negative, ["6.2"]);
        // The lines the issue names exist.
        for code in ["4.1", "4.2", "4.2.1.1", "4.2.1.2", "4.2.1.3", "4.2.2", "4.3", "5.1.1", "5.1.2", "5.2", "5.4"] {
            assert!(tree.index(code).is_some(), "{code}");
        }
        let roles = &tree.roles;
        assert_eq!(tree.lines[roles.pad].code, "4.1");
        assert_eq!(tree.lines[roles.revenue].code, "4");
        assert!(tree.is_within(roles.personnel, roles.spending));
        assert!(tree.is_within(roles.silpa, tree.index("6").unwrap()));
    }

    #[test]
    fn every_old_line_maps_inside_the_tree_consistently() {
        let tree = LineTree::get();
        let mut whole_targets = std::collections::HashSet::new();
        for (i, old) in tree.legacy.iter().enumerate() {
            assert_eq!(old.key, format!("old:{}", old.code));
            assert!(tree.is_known(&old.key));
            if old.whole {
                assert!(whole_targets.insert(old.maps_to), "{}: two old lines are the whole of one line", old.code);
                // The detail of a whole line stays inside its tree line, so its own value is never counted
                // beside a child mapped elsewhere.
                let mut stack: Vec<usize> = tree.legacy_children(i).to_vec();
                while let Some(child) = stack.pop() {
                    assert!(
                        tree.is_within(tree.legacy[child].maps_to, old.maps_to),
                        "{} under {} maps outside {}",
                        tree.legacy[child].code,
                        old.code,
                        tree.lines[old.maps_to].code
                    );
                    stack.extend_from_slice(tree.legacy_children(child));
                }
            }
        }
        let target = |code: &str| tree.lines[tree.legacy[tree.legacy_index(code).unwrap()].maps_to].code.as_str();
        assert_eq!(target("old:4.2"), "4.2.1", "Dana Perimbangan");
        assert_eq!(target("old:4.2.2"), "4.2.1.2", "DAU");
        assert_eq!(target("old:4.3.6"), "4.2.2", "Dana Desa moves to transfers");
        assert_eq!(target("old:5.1"), "5", "belanja tidak langsung");
        assert_eq!(target("old:5.2"), "5", "belanja langsung");
        assert_eq!(target("old:5.1.1"), "5.1.1");
        assert_eq!(target("old:5.2.1"), "5.1.1");
        assert_eq!(target("old:5.2.3"), "5.2", "capital");
        assert!(tree.legacy[tree.legacy_index("old:6.2").unwrap()].negative);
        assert!(!tree.is_known("old:9.9") && !tree.is_known("4.9") && !tree.is_known(""));
    }
}
