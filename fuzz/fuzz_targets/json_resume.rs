//! The JSON Resume reader on arbitrary bytes (decoded as `skillgap assess` decodes them): any
//! outcome but a panic or an unbounded message is fine.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgap::catalog::Catalog;
use skillgap::input;

fuzz_target!(|data: &[u8]| {
    let catalog = Catalog::builtin().expect("the built-in catalog loads");
    let result = input::decode("fuzz.json", data)
        .and_then(|text| input::parse("fuzz.json", &text, input::InputFormat::Jsonresume, catalog));
    match result {
        Ok(skills) => {
            for warning in &skills.warnings {
                assert!(warning.len() < 2_000, "warning too long");
            }
        }
        Err(error) => assert!(error.to_string().len() < 2_000, "error message too long"),
    }
});
