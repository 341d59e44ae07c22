//! The one sanitiser for untrusted text, with one policy per sink. Names, evidence lines and file
//! names come from résumés; role titles, companies, summaries, categories, salary fields and
//! related roles come from job postings and custom profiles; skill names and JSON Resume entry
//! names come from whatever a person brings. Every piece of text that did not come from this crate
//! goes through one of these before it reaches a sink:
//!
//! | sink | policy |
//! |---|---|
//! | terminal (tables, `roles`, `role`) | [`terminal_line`]: control and bidi-override characters shown escaped (`\x1b`, `\u{202e}`), line breaks and tabs as spaces |
//! | stderr (warnings, errors, summaries) | [`terminal_text`]: the same per line, line breaks kept |
//! | CSV | [`csv_cell`]: line breaks as spaces, other controls but tab removed |
//! | JSON, JSON Lines | [`write_json`]: serde_json escapes the C0 controls (`\u001b`); the C1 controls and bidi overrides are escaped too |
//! | HTML | [`html`]: markup characters as references, controls as U+FFFD |
//! | XML (JUnit) | [`xml`]: the same, and what XML 1.0 cannot carry replaced |
//! | Markdown | [`markdown`]: markup characters backslash-escaped, line breaks as spaces |

use std::borrow::Cow;

/// Control characters that no markup format should carry (tab, newline and carriage return are
/// whitespace and stay). HTML treats them as parse errors and XML 1.0 forbids them outright.
fn is_forbidden_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Escapes text for HTML element content and for double- or single-quoted attribute values:
/// `& < > " '` become character references; control characters become U+FFFD.
pub fn html(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| matches!(c, '&' | '<' | '>' | '"' | '\'') || is_forbidden_control(c))
    {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c if is_forbidden_control(c) => escaped.push('\u{FFFD}'),
            c => escaped.push(c),
        }
    }
    Cow::Owned(escaped)
}

/// Escapes text for XML 1.0 content and attributes (JUnit reports): like [`html`], with `&apos;`,
/// and the characters XML cannot carry at all replaced by U+FFFD. Newlines and tabs in attribute
/// values are written as character references so that parsers keep them.
pub fn xml(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| {
        matches!(c, '&' | '<' | '>' | '"' | '\'' | '\n' | '\r' | '\t') || is_forbidden_control(c)
    }) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\n' => escaped.push_str("&#10;"),
            '\r' => escaped.push_str("&#13;"),
            '\t' => escaped.push_str("&#9;"),
            c if is_forbidden_control(c) => escaped.push('\u{FFFD}'),
            c => escaped.push(c),
        }
    }
    Cow::Owned(escaped)
}

/// Escapes text for one line of Markdown, inside a paragraph, heading, list item or table cell.
///
/// Only what CommonMark (with GitHub's tables, strikethrough and `$` math) would read as markup
/// where it stands is backslash-escaped, so the source reads as plainly as the page: `W&B`, `C++`,
/// `C#`, `snake_case` and `a > b` stay as written, while `*`, `` ` ``, `[`, `]`, `|`, `~` and `$`
/// are always escaped; `_` unless it sits inside a word; `<` where it could open a tag or an
/// autolink; `&` where it could start an entity (`&amp;`); `\` before punctuation; and at the
/// start of the text, what would open a block (`#`, `>`, `-`/`+` and `1.`/`1)` before a space).
/// Line breaks become spaces so a value can never start a new block; leading whitespace (an
/// indented code block) is dropped; control characters become U+FFFD.
pub fn markdown(text: &str) -> Cow<'_, str> {
    let text = text.trim_start();
    if !text.chars().any(|c| {
        matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '|'
                | '&'
                | '#'
                | '~'
                | '$'
                | '-'
                | '+'
                | '.'
                | ')'
                | '\n'
                | '\r'
        ) || is_forbidden_control(c)
    }) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    // An ordered-list marker at the start: digits, then `.` or `)`, then a space or the end.
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let list_number_end = (digits > 0
        && digits <= 9
        && matches!(chars.get(digits), Some('.' | ')'))
        && chars.get(digits + 1).is_none_or(|c| c.is_whitespace()))
    .then_some(digits);
    let mut escaped = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let escape = match c {
            '\n' | '\r' => {
                escaped.push(' ');
                continue;
            }
            c if is_forbidden_control(c) => {
                escaped.push('\u{FFFD}');
                continue;
            }
            '`' | '*' | '[' | ']' | '|' | '~' | '$' => true,
            '\\' => next.is_none_or(|n| n.is_ascii_punctuation()),
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            '<' => next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
            '&' => starts_entity(&chars[i + 1..]),
            '#' | '>' => i == 0,
            '-' | '+' => i == 0 && next.is_none_or(char::is_whitespace),
            '.' | ')' => list_number_end == Some(i),
            _ => false,
        };
        if escape {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    // Borrowed when nothing needed escaping after all (`C++`, `a > b`).
    if escaped == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(escaped)
    }
}

/// Whether the text after an `&` would make it an entity or a numeric character reference:
/// `amp;`, `#38;`, `#x26;`.
fn starts_entity(after: &[char]) -> bool {
    let (digits, radix): (&[char], u32) = match after {
        ['#', 'x' | 'X', rest @ ..] => (rest, 16),
        ['#', rest @ ..] => (rest, 10),
        rest => (rest, 36),
    };
    let body = digits.iter().take_while(|c| c.is_digit(radix)).count();
    body > 0 && body <= 32 && digits.get(body) == Some(&';')
}

/// Makes text safe for one line of terminal output: line breaks and tabs become spaces; other
/// control characters (ANSI escape sequences start with one) and the bidirectional embedding,
/// override and isolate characters (which can make a line read differently from what it holds) are
/// shown escaped, `\x1b` and `\u{202e}`, so what a hostile string tried to do is visible, not
/// done. Plain right-to-left and left-to-right marks stay: names in Arabic or Hebrew use them.
pub fn terminal_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => shown.push(' '),
            c => push_shown(&mut shown, c),
        }
    }
    Cow::Owned(shown)
}

/// [`terminal_line`] for text of several lines (a message on stderr): each line made safe, the
/// line breaks kept (a lone carriage return, which would overwrite the line, is shown escaped).
pub fn terminal_text(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| (c.is_control() && !matches!(c, '\n' | '\t')) || is_bidi_control(c))
    {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' | '\t' => shown.push(c),
            c => push_shown(&mut shown, c),
        }
    }
    Cow::Owned(shown)
}

/// `c` as is, or escaped when it is a control or bidi-override character.
fn push_shown(out: &mut String, c: char) {
    use std::fmt::Write as _;
    if c.is_control() {
        // Every control character is below U+00A0: two hex digits.
        let _ = write!(out, "\\x{:02x}", u32::from(c));
    } else if is_bidi_control(c) {
        let _ = write!(out, "\\u{{{:04x}}}", u32::from(c));
    } else {
        out.push(c);
    }
}

/// Makes text safe for a CSV cell: line breaks become spaces (one person stays one row, whatever
/// a reader makes of quoted newlines) and other control characters but tab are removed (a NUL
/// ends a cell early in C readers, an ESC reaches the terminal of whoever `cat`s the file).
/// Formula prefixes are the CSV renderer's concern.
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && c != '\t') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\n' | '\r' => Some(' '),
                '\t' => Some('\t'),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// Serializes `value` as JSON (pretty or compact) for any sink. serde_json escapes the C0 control
/// characters; JSON may carry the C1 controls (U+0080–U+009F, where U+009B is a CSI to some
/// terminals) and the bidi overrides raw, so they are escaped as well (`\u009b`). Outside
/// strings JSON is ASCII, so the escaped text is the same JSON value.
pub fn write_json<T: serde::Serialize + ?Sized>(
    out: &mut dyn std::io::Write,
    value: &T,
    pretty: bool,
) -> std::io::Result<()> {
    let text = if pretty {
        serde_json::to_string_pretty(value)?
    } else {
        serde_json::to_string(value)?
    };
    if !has_json_risky(&text) {
        return out.write_all(text.as_bytes());
    }
    let risky = |c: char| is_c1_control(c) || is_bidi_control(c);
    let mut escaped = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if risky(c) {
            use std::fmt::Write as _;
            let _ = write!(escaped, "\\u{:04x}", u32::from(c));
        } else {
            escaped.push(c);
        }
    }
    out.write_all(escaped.as_bytes())
}

/// U+202A–U+202E (embeddings and overrides) and U+2066–U+2069 (isolates).
fn is_c1_control(c: char) -> bool {
    ('\u{80}'..='\u{9f}').contains(&c)
}

/// Whether `text` holds a character [`write_json`] writes as a `\u` escape: a C1 control
/// (U+0080–U+009F, in UTF-8 `C2 80`–`C2 9F`) or a bidi control (U+202A–U+202E, `E2 80 AA`–`E2 80
/// AE`; U+2066–U+2069, `E2 81 A6`–`E2 81 A9`). It jumps between the two lead bytes with memchr
/// instead of decoding every character, which cost 40 % of `batch --format jsonl`'s rendering
/// (BENCHMARKS.md, issue 17).
fn has_json_risky(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(0xC2, 0xE2, bytes).any(|i| {
        matches!(
            (bytes.get(i), bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0xC2), Some(0x80..=0x9F), _)
                | (Some(0xE2), Some(0x80), Some(0xAA..=0xAE))
                | (Some(0xE2), Some(0x81), Some(0xA6..=0xA9))
        )
    })
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::{csv_cell, html, markdown, terminal_line, terminal_text, xml};

    /// The byte-level check finds exactly the characters the escape replaces, at the edges of
    /// every range and beside the common non-ASCII characters of a report (—, “, ”, é).
    #[test]
    fn json_risky_bytes_are_the_risky_characters() {
        let around = ('\u{70}'..='\u{b0}')
            .chain('\u{2000}'..='\u{2080}')
            .chain(['—', '“', '”', 'é', '\u{feff}', '😀']);
        for c in around {
            let expected = super::is_c1_control(c) || super::is_bidi_control(c);
            for text in [c.to_string(), format!("ab{c}"), format!("—{c}—")] {
                assert_eq!(super::has_json_risky(&text), expected, "{:?}", text);
            }
        }
    }

    #[test]
    fn terminal_lines_show_control_characters_escaped() {
        assert_eq!(terminal_line("a\nb\tc"), "a b c");
        assert_eq!(terminal_line("red\u{1b}[31m"), "red\\x1b[31m");
        assert_eq!(terminal_line("plain"), "plain");
        assert_eq!(terminal_line("abc\u{202E}fdp.exe"), "abc\\u{202e}fdp.exe");
        assert_eq!(terminal_line("\u{2067}x\u{2069}"), "\\u{2067}x\\u{2069}");
        assert_eq!(terminal_line("שלום\u{200F}"), "שלום\u{200F}");
        assert_eq!(
            terminal_line("bad\u{1b}]0;PWNED\u{7}.json"),
            "bad\\x1b]0;PWNED\\x07.json"
        );
        assert_eq!(terminal_line("c1\u{9b}2J"), "c1\\x9b2J");
    }

    #[test]
    fn terminal_text_keeps_line_breaks_only() {
        assert_eq!(terminal_text("one\ntwo\tcols"), "one\ntwo\tcols");
        assert_eq!(terminal_text("over\rwrite"), "over\\x0dwrite");
        assert_eq!(terminal_text("\u{1b}[2J"), "\\x1b[2J");
        for text in HOSTILE {
            let out = terminal_text(text);
            assert!(
                !out.chars()
                    .any(|c| c.is_control() && c != '\n' && c != '\t'),
                "{out}"
            );
        }
    }

    #[test]
    fn json_escapes_c1_controls_and_bidi_overrides_and_stays_the_same_value() {
        let value = serde_json::json!({"name": "a\u{1b}b\u{9b}c\u{202e}d", "n": 1});
        let mut out = Vec::new();
        super::write_json(&mut out, &value, false).expect("writes");
        let text = String::from_utf8(out).expect("UTF-8");
        assert_eq!(text, r#"{"n":1,"name":"a\u001bb\u009bc\u202ed"}"#);
        let back: serde_json::Value = serde_json::from_str(&text).expect("parses");
        assert_eq!(back, value);
    }

    #[test]
    fn csv_cells_keep_tabs_and_drop_other_controls() {
        assert_eq!(csv_cell("a\tb"), "a\tb");
        assert_eq!(csv_cell("two\nlines\r"), "two lines ");
        assert_eq!(csv_cell("nul\u{0}esc\u{1b}[31m"), "nulesc[31m");
        assert!(matches!(csv_cell("plain"), std::borrow::Cow::Borrowed(_)));
    }

    const HOSTILE: &[&str] = &[
        "<script>alert('x')</script>",
        "\"><img src=x onerror=alert(1)>",
        "Tom & Jerry's <b>bold</b>",
        "' onmouseover='alert(1)",
        "&lt;already escaped&gt;",
        "nul\u{0}byte and bell\u{7} and esc\u{1b}[31m",
    ];

    #[test]
    fn html_escapes_every_markup_character() {
        assert_eq!(
            html("<script>alert('x')</script>"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
        );
        assert_eq!(html("Tom & \"Jerry\""), "Tom &amp; &quot;Jerry&quot;");
        assert_eq!(html("&lt;"), "&amp;lt;", "entities are not passed through");
        assert_eq!(html("esc\u{1b}[31m"), "esc\u{FFFD}[31m");
        assert_eq!(html("tab\tand\nnewline"), "tab\tand\nnewline");
        for text in HOSTILE {
            let out = html(text);
            assert!(!out.contains('<') && !out.contains('>'), "{out}");
            assert!(!out.contains('"') && !out.contains('\''), "{out}");
            assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out}");
            // Every `&` left starts one of the references this escaper writes.
            for (i, _) in out.match_indices('&') {
                let rest = &out[i..];
                assert!(
                    ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                        .iter()
                        .any(|r| rest.starts_with(r)),
                    "{out}"
                );
            }
        }
    }

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(
            html("Jordan Alvarez"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert!(matches!(xml("PyTorch FSDP"), std::borrow::Cow::Borrowed(_)));
        assert!(matches!(
            markdown("C++ and Go"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(html("Zoë Ñúñez — 北京"), "Zoë Ñúñez — 北京");
    }

    #[test]
    fn xml_escapes_and_drops_what_xml_cannot_carry() {
        assert_eq!(xml("a'b\"c<d>&e"), "a&apos;b&quot;c&lt;d&gt;&amp;e");
        assert_eq!(xml("line\nbreak"), "line&#10;break");
        assert_eq!(xml("nul\u{0}"), "nul\u{FFFD}");
        assert_eq!(xml("\u{FFFF}"), "\u{FFFD}");
        for text in HOSTILE {
            let out = xml(text);
            assert!(!out.contains('<') && !out.contains('"'), "{out}");
            assert!(!out.chars().any(char::is_control), "{out}");
        }
    }

    #[test]
    fn markdown_neutralises_markup_and_line_breaks() {
        assert_eq!(markdown("<script>"), "\\<script>");
        assert_eq!(markdown("a | b"), "a \\| b");
        assert_eq!(
            markdown("*bold* _it_ `code`"),
            "\\*bold\\* \\_it\\_ \\`code\\`"
        );
        assert_eq!(
            markdown("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(markdown("two\nlines\r\n# heading"), "two lines  # heading");
        assert_eq!(markdown("# heading"), "\\# heading");
        assert_eq!(markdown("> quote"), "\\> quote");
        assert_eq!(markdown("- item"), "\\- item");
        assert_eq!(markdown("2024. A year"), "2024\\. A year");
        assert_eq!(markdown("&amp; &#38; &#x26;"), "\\&amp; \\&#38; \\&#x26;");
        assert_eq!(markdown("    indented"), "indented");
    }

    #[test]
    fn markdown_leaves_what_cannot_be_markup_as_written() {
        for plain in [
            "W&B",
            "AT&T",
            "C++",
            "C#",
            "snake_case",
            "a > b",
            "x < 3",
            "-5 dB",
            "e-mail",
            "3.5 years",
            "Q&A",
        ] {
            assert_eq!(markdown(plain), plain);
        }
    }
}
