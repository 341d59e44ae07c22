//! The HTML report in a real browser (headless Chromium): it renders, it prints on at most four
//! pages on Letter and on A4 for the examples, and it reads at phone width without sideways
//! scrolling. Skipped with a note where Chromium is not installed (`apt-get install chromium`);
//! `.ci/run` installs it and sets `SKILLGAP_REQUIRE_CHROMIUM=1`, and then a missing browser fails.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::TODAY;

/// The most pages a typical person's report may print on.
const MAX_PAGES: usize = 4;

/// The examples a coach would print, as the README's commands run them.
const EXAMPLES: [&str; 4] = [
    "examples/cv.md",
    "examples/jordan.json",
    "examples/priya.resume.json",
    "examples/new-grad.json",
];

/// Chromium, or `None` after one printed line (a failure under `SKILLGAP_REQUIRE_CHROMIUM=1`).
#[allow(clippy::print_stderr)]
pub fn chromium() -> Option<PathBuf> {
    let found = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|path| path.exists());
    if found.is_none() {
        assert!(
            std::env::var_os("SKILLGAP_REQUIRE_CHROMIUM").is_none(),
            "SKILLGAP_REQUIRE_CHROMIUM is set but Chromium is not installed"
        );
        eprintln!("note: Chromium not found; skipping the browser checks of the HTML report");
    }
    found
}

/// Runs headless Chromium on `page` with `args`, in a profile of its own under `dir`.
pub fn run(chromium: &Path, dir: &Path, page: &Path, args: &[&str]) -> std::process::Output {
    let output = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .args(args)
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(output.status.success(), "chromium failed: {output:?}");
    output
}

/// The HTML report of `example`, made by the binary with the date fixed.
fn report_of(example: &str) -> String {
    let output = assert_cmd::Command::cargo_bin("skillgap")
        .expect("binary builds")
        .args(["assess", example, "--format", "html"])
        .env("NO_COLOR", "1")
        .env("SKILLGAP_TODAY", TODAY)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{example}: {output:?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// The number of pages in a PDF: its `/Type /Page` objects (not `/Type /Pages`).
fn pdf_pages(pdf: &[u8]) -> usize {
    let mut pages = 0;
    let mut rest = pdf;
    while let Some(at) = find(rest, b"/Type") {
        rest = &rest[at + 5..];
        let after = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
        let tail = &rest[after..];
        if tail.starts_with(b"/Page") && !tail[5..].starts_with(b"s") {
            pages += 1;
        }
    }
    pages
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn pages_are_counted_from_page_objects_not_the_page_tree() {
    let pdf = b"1 0 obj << /Type /Pages /Count 2 >> 2 0 obj << /Type /Page >> 3 0 obj <</Type/Page/Parent 1 0 R>>";
    assert_eq!(pdf_pages(pdf), 2);
}

#[test]
#[allow(clippy::print_stderr)]
fn printed_reports_of_the_examples_fit_on_four_pages_on_letter_and_a4() {
    let Some(chromium) = chromium() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    for example in EXAMPLES {
        let html = report_of(example);
        for (paper, page_css) in [("Letter", "size: letter"), ("A4", "size: A4")] {
            let page = dir.path().join("report.html");
            // The page leaves the size to the printer; this pins it as a print dialog would.
            let sized = html.replacen(
                "</head>",
                &format!("<style>@page {{ {page_css}; }}</style></head>"),
                1,
            );
            std::fs::write(&page, sized).expect("written");
            let pdf_path = dir.path().join("report.pdf");
            run(
                &chromium,
                dir.path(),
                &page,
                &[
                    "--no-pdf-header-footer",
                    &format!("--print-to-pdf={}", pdf_path.display()),
                ],
            );
            let pages = pdf_pages(&std::fs::read(&pdf_path).expect("a PDF"));
            eprintln!("{example} on {paper}: {pages} pages");
            assert!(
                (1..=MAX_PAGES).contains(&pages),
                "{example} prints on {pages} {paper} pages (at most {MAX_PAGES})"
            );
        }
    }
}

#[test]
fn the_report_renders_and_reads_at_phone_and_desktop_width() {
    let Some(chromium) = chromium() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    for example in EXAMPLES {
        let html = report_of(example);
        assert!(
            !html.contains("<script"),
            "{example}: the page needs no script"
        );
        // A probe for this test only: it records whether the page is wider than the window.
        let probed = html.replacen(
            "</body>",
            "<script>document.body.setAttribute('data-overflow', String(document.documentElement.scrollWidth > window.innerWidth));</script></body>",
            1,
        );
        let page = dir.path().join("report.html");
        std::fs::write(&page, probed).expect("written");
        for width in [390, 1280] {
            let output = run(
                &chromium,
                dir.path(),
                &page,
                &[&format!("--window-size={width},900"), "--dump-dom"],
            );
            let dom = String::from_utf8_lossy(&output.stdout);
            assert!(dom.contains("<section id=\"summary\">"), "{example}: {dom}");
            assert!(dom.contains("<svg class=\"chart\""), "{example}: a chart");
            assert!(
                dom.contains("data-overflow=\"false\""),
                "{example} scrolls sideways at {width} px"
            );
        }
    }
}
