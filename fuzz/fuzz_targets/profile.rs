//! The profile loader on arbitrary bytes: parse, validate against the catalog, compile. Every
//! outcome is fine except a panic or an unbounded message.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgap::catalog::Catalog;
use skillgap::profile::{compile, parse_profile, ProfileError};

fuzz_target!(|data: &[u8]| {
    let catalog = Catalog::builtin().expect("the built-in catalog loads");
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse_profile("fuzz.json", text) {
        Ok(profile) => {
            if let Err(problems) = compile(profile, "fuzz.json", Some("fuzz"), catalog, true) {
                for problem in problems {
                    assert!(problem.to_string().len() < 2_000, "problem too long");
                }
            }
        }
        Err(error @ ProfileError::Parse { .. }) | Err(error @ ProfileError::Invalid(_)) => {
            assert!(error.to_string().len() < 2_000, "error message too long");
        }
        Err(_) => {}
    }
});
