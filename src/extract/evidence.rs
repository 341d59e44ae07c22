//! Stage 5: evidence. The line a mention was found on, trimmed, whitespace collapsed, and cut to a
//! window around the match when long.

use super::document::ASCII_WHITESPACE;

/// Evidence longer than this many characters is cut to a window around the match.
pub const EVIDENCE_MAX_CHARS: usize = 160;

/// [`evidence`], reusing the last one cut from the same line or bullet when it was short enough
/// to be shown whole.
pub(crate) fn evidence_cached(
    last: &mut Option<((usize, usize), String)>,
    display: &str,
    range: (usize, usize),
    start: usize,
    end: usize,
) -> String {
    if let Some((cached, text)) = last {
        if *cached == range {
            return text.clone();
        }
    }
    let text = evidence(display, range.0, range.1, start, end);
    // A windowed (cut) evidence depends on where the match is; a whole line does not.
    *last = (!text.starts_with('…') && !text.ends_with('…')).then(|| (range, text.clone()));
    text
}

/// Cuts the display form of the line to the evidence: trimmed, whitespace collapsed, and no longer
/// than [`EVIDENCE_MAX_CHARS`] characters (a window around the match).
pub(crate) fn evidence(
    display: &str,
    line_start: usize,
    line_end: usize,
    start: usize,
    end: usize,
) -> String {
    // A term wrapped onto the next line: the evidence is its first line.
    let start = start.clamp(line_start, line_end);
    let end = end.clamp(start, line_end);
    let line = &display[line_start..line_end];
    let collapsed = collapse_whitespace(line);
    if collapsed.chars().count() <= EVIDENCE_MAX_CHARS {
        return collapsed;
    }
    // A window around the match: about a third of the room before it, the rest after.
    let before_room = EVIDENCE_MAX_CHARS / 3;
    let before = collapse_whitespace(&display[line_start..start]);
    let matched = collapse_whitespace(&display[start..end]);
    let after = collapse_whitespace(&display[end..line_end]);
    let before_chars = before.chars().count();
    let (mut window, cut_front) = if before_chars > before_room {
        let skip = before_chars - before_room;
        let tail: String = before.chars().skip(skip).collect();
        let tail = match tail.find(' ') {
            Some(p) if p + 1 < tail.len() => tail[p + 1..].to_string(),
            _ => tail,
        };
        (tail, true)
    } else {
        (before, false)
    };
    if !window.is_empty() && !window.ends_with(' ') {
        let separated = display[..start].ends_with(char::is_whitespace);
        if separated {
            window.push(' ');
        }
    }
    window.push_str(&matched);
    let room = EVIDENCE_MAX_CHARS.saturating_sub(window.chars().count());
    let after_separated = display[end..line_end].starts_with(char::is_whitespace);
    let mut rest = String::new();
    if after_separated && !after.is_empty() {
        rest.push(' ');
    }
    rest.push_str(&after);
    let cut_back = rest.chars().count() > room;
    let mut rest: String = rest.chars().take(room).collect();
    if cut_back {
        if let Some(p) = rest.rfind(' ') {
            if p > 0 {
                rest.truncate(p);
            }
        }
    }
    window.push_str(&rest);
    let mut out = String::new();
    if cut_front {
        out.push('…');
    }
    out.push_str(window.trim());
    if cut_back {
        out.push('…');
    }
    out
}

pub(crate) fn collapse_whitespace(text: &str) -> String {
    if text.is_ascii() {
        // The same on bytes, copying the text between runs that are not a lone space.
        let bytes = text.as_bytes();
        let is_space = |b: u8| ASCII_WHITESPACE[usize::from(b)];
        let Some(first) = bytes.iter().position(|&b| !is_space(b)) else {
            return String::new();
        };
        let last = bytes.iter().rposition(|&b| !is_space(b)).unwrap_or(first);
        // Starts and ends with a non-space byte, so every run of spaces is followed by one.
        let body = &bytes[first..=last];
        // The usual case, found with vectorised searches: nothing but single spaces to keep.
        if memchr::memchr3(b'\t', b'\n', b'\r', body).is_none()
            && memchr::memchr2(0x0B, 0x0C, body).is_none()
            && memchr::memmem::find(body, b"  ").is_none()
        {
            return text[first..=last].to_string();
        }
        let mut out = Vec::with_capacity(body.len());
        let mut copied = 0;
        let mut i = 0;
        while i < body.len() {
            if !is_space(body[i]) || (body[i] == b' ' && !is_space(body[i + 1])) {
                i += 1;
                continue;
            }
            out.extend_from_slice(&body[copied..i]);
            while is_space(body[i]) {
                i += 1;
            }
            out.push(b' ');
            copied = i;
        }
        out.extend_from_slice(&body[copied..]);
        // Only ASCII bytes were copied.
        return String::from_utf8(out).unwrap_or_default();
    }
    // The words joined by one space, built in place (no intermediate list of words).
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::generated;
    use crate::extract::Scanner;

    #[test]
    fn collapsed_whitespace_is_the_words_joined_by_one_space() {
        let texts = [
            "",
            "   ",
            "one",
            " a b ",
            "a  b",
            "a\tb",
            "a\nb",
            "a\r\nb",
            "a\u{b}b\u{c}c",
            "Served models with vLLM on Kubernetes, cutting p99 latency by 40%.",
            "two  spaces only here",
            "  trailing and leading  ",
            "nbsp\u{a0}and\u{2003}em  spaces",
            "é è\n\n ü",
        ];
        let alphabet = [
            " ", "  ", "\t", "\n", "\r", "\u{b}", "\u{c}", "a", "b", "é", "\u{a0}",
        ];
        let generated = generated(&alphabet, 5_000);
        for text in texts
            .iter()
            .copied()
            .chain(generated.iter().map(String::as_str))
        {
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse_whitespace(text), expected, "{text:?}");
        }
    }

    #[test]
    fn evidence_is_the_trimmed_line() {
        let scanner = Scanner::builtin().expect("scanner");
        let mentions =
            scanner.scan("# CV\n\n   - Trained models with <b>PyTorch</b> on GPUs.   \n");
        assert_eq!(mentions.len(), 1);
        assert_eq!(mentions[0].line, 3);
        assert_eq!(
            mentions[0].evidence,
            "- Trained models with PyTorch on GPUs."
        );
        let long = format!(
            "{} trained models in PyTorch {}",
            "word ".repeat(60),
            "more ".repeat(60)
        );
        let mention = &scanner.scan(&long)[0];
        assert!(mention.evidence.contains("PyTorch"));
        assert!(mention.evidence.chars().count() <= EVIDENCE_MAX_CHARS + 2);
        assert!(mention.evidence.starts_with('…') && mention.evidence.ends_with('…'));
    }
}
