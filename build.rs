//! Embeds every `profiles/*.json` into the binary: the file stem is the role id, so adding a role is
//! adding a file.

use std::env;
use std::fs;
use std::path::Path;

fn main() {
    let manifest_dir = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let profiles = Path::new(&manifest_dir).join("profiles");
    println!("cargo:rerun-if-changed={}", profiles.display());
    let mut entries: Vec<(String, String)> = fs::read_dir(&profiles)
        .map(|dir| {
            dir.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .filter_map(|p| {
                    let stem = p.file_stem()?.to_str()?.to_string();
                    println!("cargo:rerun-if-changed={}", p.display());
                    Some((stem, p.display().to_string()))
                })
                .collect()
        })
        .unwrap_or_default();
    entries.sort();
    let mut code =
        String::from("/// (file stem, contents) of every built-in profile, sorted by stem.\n");
    code.push_str("pub const BUILTIN_PROFILES: &[(&str, &str)] = &[\n");
    for (stem, path) in &entries {
        code.push_str(&format!("    ({stem:?}, include_str!({path:?})),\n"));
    }
    code.push_str("];\n");
    let out =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtin_profiles.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
