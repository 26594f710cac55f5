//! The house rules of `src/` (issue 16), checked on the source text: no file over 600 lines (test files
//! included), no library function over 80, no `crate::`/`super::` path inside a function body (imports sit at the top of each file), and no import
//! cycle between files or between top-level folders. An import edge goes from a file to the file that defines
//! what it imports (re-exports followed); a folder's `mod.rs` and the files inside it are one room, so edges
//! between a module and its own descendants do not count, while siblings and cousins must not import each
//! other both ways. Test code (`#[cfg(test)]` modules, inline or in their own file) is exempt; `main.rs` and
//! `build.rs` are not part of the library. `HOUSE_SRC=<dir>` measures another tree (an older checkout).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 600;
const MAX_FN_LINES: usize = 80;

/// One library file: its module path (`ui::quick_wins::ranking`), its text with strings and comments blanked,
/// and which of its lines belong to test code.
struct SourceFile {
    path: PathBuf,
    module: Vec<String>,
    code: Vec<String>,
    test_lines: Vec<bool>,
}

fn src() -> PathBuf {
    std::env::var_os("HOUSE_SRC").map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), PathBuf::from)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn module_of(path: &Path) -> Vec<String> {
    let relative = path.strip_prefix(src()).unwrap().with_extension("");
    let mut parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The text with string, char literal and comment contents replaced by spaces, so braces and paths in them
/// do not count; line breaks are kept.
fn blank_literals(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !is_ident(chars.get(i.wrapping_sub(1))) {
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            out.push('"');
            i = j + 1;
            while i < chars.len() {
                if chars[i] == '"' && (0..hashes).all(|h| chars.get(i + 1 + h) == Some(&'#')) {
                    out.push('"');
                    i += 1 + hashes;
                    break;
                }
                out.push(blank(chars[i]));
                i += 1;
            }
        } else if c == '"' {
            out.push('"');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
            out.push('"');
            i += 1;
        } else if c == '\'' && !is_ident(chars.get(i.wrapping_sub(1))) {
            // A char literal ('x', '\n', '\u{..}'), not a lifetime ('a).
            let end = if next == Some('\\') {
                (i + 2..chars.len()).find(|&j| chars[j] == '\'')
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(end) => {
                    out.push('\'');
                    out.extend(std::iter::repeat_n(' ', end - i - 1));
                    out.push('\'');
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// The line where the block opened on `start`'s first `{` closes.
fn block_end(code: &[String], start: usize) -> usize {
    let mut depth = 0i32;
    let mut opened = false;
    for (n, line) in code.iter().enumerate().skip(start) {
        for c in line.chars() {
            match c {
                '{' => {
                    depth += 1;
                    opened = true;
                }
                '}' => depth -= 1,
                ';' if !opened && depth == 0 => return n,
                _ => {}
            }
            if opened && depth == 0 {
                return n;
            }
        }
    }
    code.len() - 1
}

fn load() -> Vec<SourceFile> {
    let mut paths = Vec::new();
    rust_files(&src(), &mut paths);
    paths.retain(|p| !matches!(p.file_name().and_then(|n| n.to_str()), Some("main.rs" | "build.rs")));
    paths.sort();
    let mut files: Vec<SourceFile> = paths
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).unwrap();
            let code: Vec<String> = blank_literals(&text).lines().map(str::to_string).collect();
            let test_lines = vec![false; code.len()];
            SourceFile { module: module_of(&path), path, code, test_lines }
        })
        .collect();
    // Test modules: inline blocks and files declared under #[cfg(test)].
    let mut test_modules = BTreeSet::new();
    for file in &mut files {
        let mut n = 0;
        while n < file.code.len() {
            if file.code[n].trim() == "#[cfg(test)]" {
                let decl = n + 1;
                let line = file.code.get(decl).map(|l| l.trim().to_string()).unwrap_or_default();
                if let Some(name) = line.strip_prefix("mod ").or_else(|| line.strip_prefix("pub mod "))
                    && let Some(name) = name.strip_suffix(';')
                {
                    let mut module = file.module.clone();
                    module.push(name.trim().to_string());
                    test_modules.insert(module);
                }
                let end = block_end(&file.code, decl);
                file.test_lines[n..=end].iter_mut().for_each(|t| *t = true);
                n = end;
            }
            n += 1;
        }
    }
    for file in &mut files {
        if test_modules.iter().any(|m| file.module.starts_with(m)) {
            file.test_lines.iter_mut().for_each(|t| *t = true);
        }
    }
    files
}

fn display(file: &SourceFile) -> String {
    file.path.strip_prefix(src()).unwrap().display().to_string()
}

fn is_use_line(line: &str) -> bool {
    let line = line.trim_start();
    let line = line.strip_prefix("pub ").unwrap_or(line);
    let line = line.strip_prefix("pub(crate) ").or_else(|| line.strip_prefix("pub(super) ")).unwrap_or(line);
    line.starts_with("use ")
}

/// The function starting on line `n`, if one does: a `fn` with a body.
fn function_name(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words.iter().position(|w| *w == "fn")?;
    let prefix_ok =
        words[..at].iter().all(|w| matches!(*w, "pub" | "pub(crate)" | "pub(super)" | "const" | "async" | "unsafe"));
    let name = words.get(at + 1)?.split(['(', '<']).next()?.to_string();
    (prefix_ok && !name.is_empty()).then_some(name)
}

#[test]
fn no_library_file_is_over_600_lines() {
    let long: Vec<String> = load()
        .iter()
        .filter(|f| f.code.len() > MAX_FILE_LINES)
        .map(|f| format!("{} ({} lines)", display(f), f.code.len()))
        .collect();
    assert!(long.is_empty(), "files over {MAX_FILE_LINES} lines: {long:#?}");
}

#[test]
fn no_library_function_is_over_80_lines() {
    let mut long = Vec::new();
    for file in load() {
        for (n, line) in file.code.iter().enumerate() {
            if file.test_lines[n] {
                continue;
            }
            if let Some(name) = function_name(line) {
                let end = block_end(&file.code, n);
                if end - n + 1 > MAX_FN_LINES {
                    long.push(format!("{}::{name} ({} lines)", display(&file), end - n + 1));
                }
            }
        }
    }
    assert!(long.is_empty(), "functions over {MAX_FN_LINES} lines: {long:#?}");
}

#[test]
fn paths_to_other_modules_are_imported_at_the_top() {
    let mut found = Vec::new();
    for file in load() {
        for (n, line) in file.code.iter().enumerate() {
            // `pub(in crate::x)` is a visibility, not a path to another module.
            if file.test_lines[n] || is_use_line(line) || line.contains("pub(in ") {
                continue;
            }
            if line.contains("crate::") || line.contains("super::") {
                found.push(format!("{}:{}: {}", display(&file), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "paths inside bodies: {found:#?}");
}

/// The `use` statements of the file's library code, joined across lines, each with whether it is public.
fn use_statements(file: &SourceFile) -> Vec<(bool, String)> {
    let mut statements = Vec::new();
    let mut n = 0;
    while n < file.code.len() {
        if !file.test_lines[n] && is_use_line(&file.code[n]) {
            let mut statement = String::new();
            while n < file.code.len() {
                statement.push_str(&file.code[n]);
                statement.push(' ');
                if file.code[n].contains(';') {
                    break;
                }
                n += 1;
            }
            let public = statement.trim_start().starts_with("pub");
            let start = statement.find("use ").unwrap() + 4;
            let mut tree = statement[start..].split_whitespace().collect::<Vec<_>>().join(" ");
            for (spaced, tight) in [(":: ", "::"), (" ::", "::"), ("{ ", "{"), (" }", "}"), (", ", ","), (" ,", ",")] {
                tree = tree.replace(spaced, tight);
            }
            statements.push((public, tree.trim_end_matches(';').trim().to_string()));
        }
        n += 1;
    }
    statements
}

/// `a::{b,c::{d}}` as the paths `a::b` and `a::c::d`.
fn expand(tree: &str) -> Vec<String> {
    let Some(open) = tree.find('{') else { return vec![tree.trim_end_matches("::self").to_string()] };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap()];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts.into_iter().filter(|p| !p.is_empty()).flat_map(|p| expand(&format!("{prefix}{p}"))).collect()
}

/// The library's modules, and the names each re-exports (`pub use x::Name`) with the path it re-exports.
struct Modules {
    known: BTreeSet<Vec<String>>,
    reexports: BTreeMap<Vec<String>, BTreeMap<String, String>>,
}

fn strip_alias(segment: &str) -> &str {
    segment.split(" as ").next().unwrap_or(segment)
}

/// The longest library module a `use` path of `module` names, and the segments after it.
fn longest_module<'p>(module: &[String], path: &'p str, modules: &Modules) -> Option<(Vec<String>, Vec<&'p str>)> {
    let mut segments: Vec<&str> = path.split("::").map(strip_alias).collect();
    let mut resolved: Vec<String> = match segments.first()? {
        &"crate" => Vec::new(),
        &"super" => {
            let mut base = module.to_vec();
            while segments.first() == Some(&"super") {
                segments.remove(0);
                base.pop();
            }
            segments.insert(0, "super");
            base
        }
        &"self" => module.to_vec(),
        first => {
            let mut child = module.to_vec();
            child.push(first.to_string());
            if !modules.known.contains(&child) {
                return None;
            }
            segments.insert(0, "self");
            module.to_vec()
        }
    };
    segments.remove(0);
    let mut best = (resolved.clone(), segments.clone());
    for (n, segment) in segments.iter().enumerate() {
        resolved.push(segment.to_string());
        if modules.known.contains(&resolved) {
            best = (resolved.clone(), segments[n + 1..].to_vec());
        }
    }
    Some(best)
}

/// The library module a `use` path of `module` points into, following re-exports to where a name is defined.
fn target(module: &[String], path: &str, modules: &Modules) -> Option<Vec<String>> {
    let (found, rest) = longest_module(module, path, modules)?;
    if let Some(name) = rest.first()
        && let Some(reexported) = modules.reexports.get(&found).and_then(|names| names.get(*name))
        && reexported != path
    {
        let further: String = rest[1..].iter().map(|s| format!("::{s}")).collect();
        if let Some(defined) = target(&found, &format!("{reexported}{further}"), modules) {
            return Some(defined);
        }
    }
    Some(found)
}

/// The import graph between library files, each edge from the importing file to the file that defines what
/// it imports (re-exports followed).
fn import_graph(files: &[SourceFile]) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let library: Vec<&SourceFile> = files.iter().filter(|f| !f.test_lines.iter().all(|t| *t)).collect();
    let mut modules = Modules { known: library.iter().map(|f| f.module.clone()).collect(), reexports: BTreeMap::new() };
    for file in &library {
        let names = modules.reexports.entry(file.module.clone()).or_default();
        for (public, statement) in use_statements(file) {
            for path in expand(&statement).into_iter().filter(|_| public) {
                let name = path.rsplit("::").next().unwrap_or(&path);
                let name = name.split(" as ").last().unwrap_or(name).to_string();
                names.insert(name, path.split(" as ").next().unwrap_or(&path).to_string());
            }
        }
    }
    let mut graph = BTreeMap::new();
    for file in &library {
        let edges: &mut BTreeSet<Vec<String>> = graph.entry(file.module.clone()).or_default();
        for (_, statement) in use_statements(file) {
            for path in expand(&statement) {
                if let Some(to) = target(&file.module, &path, &modules)
                    && !to.starts_with(&file.module)
                    && !file.module.starts_with(&to)
                {
                    edges.insert(to);
                }
            }
        }
    }
    graph
}

/// Every edge that lies on a cycle, as `from -> to`.
fn edges_on_cycles(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<String> {
    let reaches = |from: &Vec<String>, to: &Vec<String>| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.clone()];
        while let Some(node) = stack.pop() {
            if &node == to {
                return true;
            }
            if seen.insert(node.clone()) {
                stack.extend(graph.get(&node).into_iter().flatten().cloned());
            }
        }
        false
    };
    let mut cycles = Vec::new();
    for (from, targets) in graph {
        for to in targets {
            if reaches(to, from) {
                cycles.push(format!("{} -> {}", from.join("::"), to.join("::")));
            }
        }
    }
    cycles
}

#[test]
fn no_import_cycle_between_files() {
    let cycles = edges_on_cycles(&import_graph(&load()));
    assert!(cycles.is_empty(), "imports on a cycle: {cycles:#?}");
}

#[test]
fn no_import_cycle_between_top_level_folders() {
    let mut folders: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (from, targets) in import_graph(&load()) {
        let top = from.iter().take(1).cloned().collect::<Vec<_>>();
        let entry = folders.entry(top.clone()).or_default();
        for to in targets {
            let to_top: Vec<String> = to.iter().take(1).cloned().collect();
            if to_top != top && !to_top.is_empty() && !top.is_empty() {
                entry.insert(to_top);
            }
        }
    }
    let cycles = edges_on_cycles(&folders);
    assert!(cycles.is_empty(), "folders on a cycle: {cycles:#?}");
}

#[test]
fn the_checks_see_what_they_look_for() {
    let code = blank_literals("let s = \"{ crate::x }\"; // super::y {\nlet c = '{';\nfn f<'a>() {}\n");
    assert!(!code.contains("crate::") && !code.contains("super::"), "paths in literals and comments: {code}");
    assert_eq!(code.matches('{').count(), 1, "only the function's brace is code: {code}");
    assert_eq!(expand("crate::a::{b,c::{d,e}}"), ["crate::a::b", "crate::a::c::d", "crate::a::c::e"]);
    assert_eq!(function_name("    pub(crate) fn load_all<T>(x: T) {"), Some("load_all".to_string()));
    assert_eq!(function_name("    let f = fn_name();"), None);
    let node = |name: &str| vec![name.to_string()];
    let graph = BTreeMap::from([
        (node("a"), BTreeSet::from([node("b")])),
        (node("b"), BTreeSet::from([node("a"), node("c")])),
        (node("c"), BTreeSet::new()),
    ]);
    assert_eq!(edges_on_cycles(&graph), ["a -> b", "b -> a"]);
    let files = load();
    let edges: usize = import_graph(&files).values().map(BTreeSet::len).sum();
    assert!(edges > 200, "the graph sees the imports: {edges} edges");
    assert!(files.iter().any(|f| f.module == ["ui", "quick_wins", "demo_session"] && f.test_lines.iter().all(|t| *t)));
}
