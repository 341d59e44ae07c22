//! The skills-JSON reader on arbitrary bytes, the way `skillgap assess FILE` reads them: decode
//! (BOM, UTF-8), then parse. It may reject the input; it must not panic, and an error must stay short.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgap::catalog::Catalog;
use skillgap::input;

fuzz_target!(|data: &[u8]| {
    let catalog = Catalog::builtin().expect("the built-in catalog loads");
    let result = input::decode("fuzz.json", data)
        .and_then(|text| input::parse("fuzz.json", &text, input::InputFormat::Skillgap, catalog));
    if let Err(error) = result {
        assert!(error.to_string().len() < 2_000, "error message too long");
    }
});
