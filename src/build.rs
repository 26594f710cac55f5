//! Build script: turns the translation table `assets/i18n/texts.tsv` into the `Text` enum that
//! `src/i18n/strings.rs` includes. The table is data, kept out of the code; the enum keeps a missing key a
//! compile error. Every malformed line stops the build with its line number.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

const TABLE: &str = "assets/i18n/texts.tsv";

fn main() {
    println!("cargo::rerun-if-changed={TABLE}");
    println!("cargo::rerun-if-changed=src/build.rs");
    let table = fs::read_to_string(TABLE).unwrap_or_else(|e| panic!("{TABLE}: {e}"));
    let entries = parse(&table).unwrap_or_else(|e| panic!("{TABLE}:{e}"));
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("texts.rs");
    fs::write(&out, generate(&entries)).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

struct Entry {
    key: String,
    id: String,
    en: String,
}

/// The table's entries, in order, or `line: what is wrong`.
fn parse(table: &str) -> Result<Vec<Entry>, String> {
    let mut entries = Vec::new();
    let mut keys = HashSet::new();
    for (index, line) in table.lines().enumerate() {
        let number = index + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [key, id, en] = fields[..] else {
            return Err(format!("{number}: expected Key<TAB>Indonesian<TAB>English, found {} fields", fields.len()));
        };
        let is_identifier = key.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && key.chars().all(|c| c.is_ascii_alphanumeric());
        if !is_identifier {
            return Err(format!("{number}: the key {key:?} is not a CamelCase identifier"));
        }
        if !keys.insert(key.to_string()) {
            return Err(format!("{number}: the key {key} appears twice"));
        }
        let id = unescape(id).map_err(|e| format!("{number}: {e}"))?;
        let en = unescape(en).map_err(|e| format!("{number}: {e}"))?;
        entries.push(Entry { key: key.to_string(), id, en });
    }
    Ok(entries)
}

/// `\n`, `\t` and `\\` to their characters; any other backslash is a mistake.
fn unescape(field: &str) -> Result<String, String> {
    let mut text = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            text.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => text.push('\n'),
            Some('t') => text.push('\t'),
            Some('\\') => text.push('\\'),
            other => return Err(format!("unknown escape \\{}", other.map(String::from).unwrap_or_default())),
        }
    }
    Ok(text)
}

fn generate(entries: &[Entry]) -> String {
    let mut code = String::from(
        "/// A user-visible text. `{}` marks where arguments go, in order.\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Text {\n",
    );
    for entry in entries {
        let _ = writeln!(code, "    {},", entry.key);
    }
    code.push_str("}\n\nimpl Text {\n    pub const ALL: &'static [Text] = &[\n");
    for entry in entries {
        let _ = writeln!(code, "        Text::{},", entry.key);
    }
    code.push_str(
        "    ];\n\n    /// (Indonesian, English).\n    pub fn pair(self) -> (&'static str, &'static str) {\n        \
         match self {\n",
    );
    for entry in entries {
        let _ = writeln!(code, "            Text::{} => ({:?}, {:?}),", entry.key, entry.id, entry.en);
    }
    code.push_str("        }\n    }\n}\n");
    code
}
