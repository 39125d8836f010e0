//! The layers of docs/ARCHITECTURE.md, checked from the manifests and the sources: each crate's
//! dependencies are the ones its layer allows, only the store speaks SQL, and the domain does no
//! I/O. The compiler already refuses an import of a crate that is not a dependency; this test
//! refuses the dependency itself, so nobody "fixes" a compile error by adding the wrong edge.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The names of a manifest's `[dependencies]` (the names code uses: renamed ones by their key).
fn dependencies(manifest: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(manifest).expect("read manifest");
    let doc: toml::Table = toml::from_str(&text).expect("parse manifest");
    doc.get("dependencies")
        .and_then(|d| d.as_table())
        .map(|t| t.keys().cloned().collect())
        .unwrap_or_default()
}

fn crate_deps(name: &str) -> BTreeSet<String> {
    dependencies(&root().join("crates").join(name).join("Cargo.toml"))
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn each_crate_depends_only_on_what_its_layer_allows() {
    let allowed = [
        (
            "domain",
            set(&[
                "chrono",
                "serde",
                "toml",
                "thiserror",
                "unicode-width",
                "argon2",
            ]),
        ),
        (
            "store",
            set(&[
                "domain",
                "rusqlite",
                "chrono",
                "serde_json",
                "sha2",
                "hex",
                "gethostname",
                "whoami",
                "thiserror",
                "tracing",
            ]),
        ),
        ("i18n", set(&["domain", "store", "chrono"])),
        (
            "report",
            set(&[
                "domain",
                "store",
                "i18n",
                "chrono",
                "serde_json",
                "csv",
                "unicode-width",
            ]),
        ),
    ];
    for (name, ok) in allowed {
        let deps = crate_deps(name);
        let extra: Vec<_> = deps.difference(&ok).collect();
        assert!(
            extra.is_empty(),
            "crates/{name} depends on {extra:?}, which its layer may not use (docs/ARCHITECTURE.md)"
        );
    }
    // The layers are all there: a test of nothing would pass on an empty workspace.
    assert!(crate_deps("report").contains("store"));
    assert!(crate_deps("store").contains("rusqlite"));
}

#[test]
fn the_app_reaches_sqlite_only_through_the_store() {
    let deps = dependencies(&root().join("Cargo.toml"));
    for layer in ["domain", "store", "i18n", "report", "ratatui"] {
        assert!(deps.contains(layer), "the root package lacks {layer}");
    }
    assert!(
        !deps.contains("rusqlite"),
        "the root package may not depend on rusqlite (dev-dependencies for tests only)"
    );
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Files under `dir` whose text contains any of `words`.
fn files_naming(dir: &Path, words: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(dir, &mut files);
    assert!(files.len() > 3, "no sources found under {}", dir.display());
    files
        .into_iter()
        .filter(|f| {
            let text = std::fs::read_to_string(f).expect("read source");
            words.iter().any(|w| text.contains(w))
        })
        .map(|f| f.display().to_string())
        .collect()
}

#[test]
fn only_the_store_speaks_sql_and_the_domain_does_no_io() {
    let r = root();
    for dir in [
        "src",
        "crates/domain/src",
        "crates/i18n/src",
        "crates/report/src",
    ] {
        let found = files_naming(&r.join(dir), &["rusqlite"]);
        assert!(
            found.is_empty(),
            "rusqlite named outside the store: {found:?}"
        );
    }
    let io = [
        "std::fs",
        "std::env",
        "std::process",
        "std::net",
        "std::io::stdin",
    ];
    let found = files_naming(&r.join("crates/domain/src"), &io);
    assert!(found.is_empty(), "the domain crate does I/O: {found:?}");
    let found = files_naming(&r.join("crates/report/src"), &["ratatui", "crate::screens"]);
    assert!(
        found.is_empty(),
        "the report crate reaches for the screens: {found:?}"
    );
}
