//! Escaping for the markup formats. Names, skills, evidence lines and file names come from untrusted
//! résumés, so every piece of text that did not come from this crate goes through one of these before
//! it reaches HTML, XML or Markdown.

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
/// CommonMark lets any ASCII punctuation be backslash-escaped; this escapes the characters that
/// could start markup anywhere in a line (emphasis, code, links, images, raw HTML, entities, table
/// cells), and turns line breaks into spaces so a value can never start a new block. `C++`, `C#`
/// and `W&B` therefore read as written in any renderer, and `<script>` stays text.
pub fn markdown(text: &str) -> Cow<'_, str> {
    const SPECIAL: &[char] = &[
        '\\', '`', '*', '_', '[', ']', '<', '>', '|', '&', '#', '!', '~', '$',
    ];
    if !text
        .chars()
        .any(|c| SPECIAL.contains(&c) || c == '\n' || c == '\r' || is_forbidden_control(c))
    {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' | '\r' => escaped.push(' '),
            c if is_forbidden_control(c) => escaped.push('\u{FFFD}'),
            c if SPECIAL.contains(&c) => {
                escaped.push('\\');
                escaped.push(c);
            }
            c => escaped.push(c),
        }
    }
    Cow::Owned(escaped)
}

/// Makes text safe for one line of terminal output: line breaks and tabs become spaces, other
/// control characters (ANSI escape sequences start with one) and the bidirectional embedding,
/// override and isolate characters (which can make a line read differently from what it holds)
/// become U+FFFD. Plain right-to-left and left-to-right marks stay: names in Arabic or Hebrew use them.
pub fn terminal_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' | '\r' | '\t' => ' ',
                c if c.is_control() || is_bidi_control(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

/// U+202A–U+202E (embeddings and overrides) and U+2066–U+2069 (isolates).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::{html, markdown, terminal_line, xml};

    #[test]
    fn terminal_lines_carry_no_control_characters() {
        assert_eq!(terminal_line("a\nb\tc"), "a b c");
        assert_eq!(terminal_line("red\u{1b}[31m"), "red\u{FFFD}[31m");
        assert_eq!(terminal_line("plain"), "plain");
        assert_eq!(terminal_line("abc\u{202E}fdp.exe"), "abc\u{FFFD}fdp.exe");
        assert_eq!(terminal_line("\u{2067}x\u{2069}"), "\u{FFFD}x\u{FFFD}");
        assert_eq!(terminal_line("שלום\u{200F}"), "שלום\u{200F}");
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
        assert_eq!(markdown("<script>"), "\\<script\\>");
        assert_eq!(markdown("a | b"), "a \\| b");
        assert_eq!(
            markdown("*bold* _it_ `code`"),
            "\\*bold\\* \\_it\\_ \\`code\\`"
        );
        assert_eq!(
            markdown("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(markdown("W&B"), "W\\&B");
        assert_eq!(
            markdown("two\nlines\r\n# heading"),
            "two lines  \\# heading"
        );
        assert_eq!(markdown("C++"), "C++");
    }
}
