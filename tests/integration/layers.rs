//! The direction of dependencies (docs/architecture.md, "Layers"): the domain folders
//! know nothing of the HTTP adapters, the web state, start-up or the read cache. A
//! `use crate::…` (or a path `crate::…` anywhere in the code) that points the wrong
//! way fails here, naming the file and the line.

use std::path::Path;

/// Folders of the domain: rules, queries and formats, usable from the command line,
/// the worker and tests without a web process.
const DOMAIN: [&str; 11] = [
    "accounts",
    "comments",
    "consultations",
    "dashboard",
    "drafts",
    "export",
    "mail",
    "moderation",
    "notifications",
    "revisions",
    "db",
];

/// What the domain may not name: the adapters and what only they use.
const FORBIDDEN: [&str; 7] = [
    "crate::api",
    "crate::web",
    "crate::state",
    "crate::startup",
    "crate::reads",
    "crate::download",
    "actix_web",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_domain_imports_no_adapter() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for folder in DOMAIN {
        let mut files = Vec::new();
        rust_files(&root.join(folder), &mut files);
        assert!(!files.is_empty(), "src/{folder} has no Rust files");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                for bad in FORBIDDEN {
                    let hit = code.match_indices(bad).any(|(i, _)| {
                        // `crate::api` but not `crate::apiary`: the name ends there.
                        !code[i + bad.len()..]
                            .starts_with(|c: char| c.is_alphanumeric() || c == '_')
                    });
                    if hit {
                        wrong.push(format!(
                            "{}:{}: {}",
                            file.strip_prefix(&root).unwrap().display(),
                            n + 1,
                            line.trim()
                        ));
                    }
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "the domain must not depend on the adapters:\n{}",
        wrong.join("\n")
    );
}

/// The check itself catches what it is for.
#[test]
fn the_layer_check_would_see_a_wrong_import() {
    let code = "use crate::api::dto::rfc3339;";
    assert!(FORBIDDEN.iter().any(|bad| code.contains(bad)));
}
