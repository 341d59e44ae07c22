//! The text/Markdown résumé scanner on arbitrary text: skills, evidence lines and years from date
//! ranges. Any outcome but a panic or an unbounded message is fine; evidence stays one short line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgap::catalog::Catalog;
use skillgap::input;

fuzz_target!(|data: &[u8]| {
    let catalog = Catalog::builtin().expect("the built-in catalog loads");
    let result = input::decode("fuzz.md", data)
        .and_then(|text| input::parse("fuzz.md", &text, input::InputFormat::Text, catalog));
    match result {
        Ok(skills) => {
            for claimed in &skills.skills {
                if let Some(evidence) = &claimed.evidence {
                    assert!(!evidence.contains('\n'), "evidence spans lines");
                    assert!(evidence.len() < 4_000, "evidence too long");
                }
            }
            if let Some(years) = skills.years_experience {
                assert!(years.is_finite() && years >= 0.0, "years {years}");
            }
        }
        Err(error) => assert!(error.to_string().len() < 2_000, "error message too long"),
    }
});
