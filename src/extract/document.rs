//! Stage 1: the document. A text prepared for scanning: its lines, front matter, and three
//! parallel forms of it (markup blanked for display, addresses blanked for search, whitespace
//! flattened so a term wrapped across two lines still matches), all with the same byte offsets.

use super::layout::classify_lines;

/// One line of a document, by byte range into [`Document::search`].
#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Front matter (not the page's content) and the like: never matched.
    pub(crate) skipped: bool,
    /// An explicit list of skills rather than prose.
    pub(crate) listed: bool,
    /// Inside a section whose dates are not work (education, publications, awards).
    pub(crate) not_work: bool,
    /// The depth of the heading this line is (1 = top, 7 = a bold or capitals line), 0 when it is
    /// not one.
    pub(crate) heading: u8,
    /// The section the line is in.
    pub(crate) section: super::layout::Section,
}

/// A text prepared for scanning: markup and addresses blanked out, byte offsets unchanged.
#[derive(Debug)]
pub(crate) struct Document {
    /// What is matched: HTML, Liquid, URLs and e-mail addresses replaced by spaces.
    pub(crate) search: String,
    /// What evidence is cut from: HTML and Liquid removed, URLs kept.
    pub(crate) display: String,
    /// `search` with each run of whitespace within a paragraph collapsed to one space, so that a
    /// term wrapped across two lines ("tensor\n  parallelism") still matches.
    pub(crate) flat: String,
    /// Where `flat` and `search` offsets stop being the same: from flat offset `.0` on, a byte's
    /// offset in `search` is its flat offset plus `.1` (sorted, one entry per collapsed run).
    pub(crate) flat_shifts: Vec<(usize, usize)>,
    pub(crate) lines: Vec<Line>,
    pub(crate) front_matter: Option<FrontMatter>,
}

impl Document {
    pub(crate) fn new(text: &str) -> Document {
        let mut display = text.as_bytes().to_vec();
        let line_ranges = line_ranges(text);
        let front_matter = front_matter(text, &line_ranges);
        let mut skipped = vec![false; line_ranges.len()];
        if let Some(fm) = &front_matter {
            for (i, range) in line_ranges.iter().enumerate().take(fm.end_line + 1) {
                let is_delimiter = i == 0 || i == fm.end_line;
                if fm.is_whole_page && !is_delimiter {
                    blank_yaml_keys(&mut display, range.0, range.1);
                } else {
                    skipped[i] = true;
                }
            }
        }
        blank_markup(&mut display);
        let mut search = display.clone();
        blank_addresses(&mut search);
        // Blanking replaces whole UTF-8 sequences with ASCII spaces, so both stay valid UTF-8.
        let display = String::from_utf8(display).unwrap_or_else(|_| text.to_string());
        let search = String::from_utf8(search).unwrap_or_else(|_| text.to_string());
        let lines = classify_lines(text, &search, &display, &line_ranges, &skipped);
        let (flat, flat_shifts) = flatten_whitespace(&search);
        Document {
            search,
            display,
            flat,
            flat_shifts,
            lines,
            front_matter,
        }
    }

    /// The offset in `search` of byte `flat_offset` of `flat`.
    pub(crate) fn search_offset(&self, flat_offset: usize) -> usize {
        let shifts = self
            .flat_shifts
            .partition_point(|&(from, _)| from <= flat_offset);
        flat_offset + shifts.checked_sub(1).map_or(0, |k| self.flat_shifts[k].1)
    }

    /// The index of the line holding byte `offset`.
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.end < offset)
            .min(self.lines.len().saturating_sub(1))
    }
}

/// Collapses each run of whitespace holding at most one line break to a single space (a run with a
/// blank line, a paragraph break, becomes one `\n`), with the shifts that map each output byte back
/// to its offset in `text` (see [`Document::flat_shifts`]; a run's space maps to the run's start).
pub(crate) fn flatten_whitespace(text: &str) -> (String, Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    let mut flat = String::with_capacity(text.len());
    let mut shifts = Vec::new();
    // Start of the text not yet copied (it has no whitespace).
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let width = if b < 0x80 {
            if !ASCII_WHITESPACE[usize::from(b)] {
                i += 1;
                continue;
            }
            // A lone space stays as it is: nothing to copy out yet.
            if b == b' ' {
                let next_is_space = match bytes.get(i + 1) {
                    Some(&n) if n < 0x80 => ASCII_WHITESPACE[usize::from(n)],
                    Some(_) => char_at(text, i + 1).is_some_and(char::is_whitespace),
                    None => false,
                };
                if !next_is_space {
                    i += 1;
                    continue;
                }
            }
            1
        } else {
            match char_at(text, i) {
                Some(c) if c.is_whitespace() => c.len_utf8(),
                Some(c) => {
                    i += c.len_utf8();
                    continue;
                }
                None => break,
            }
        };
        flat.push_str(&text[copied..i]);
        let run_start = i;
        let mut newlines = usize::from(b == b'\n');
        i += width;
        while let Some(next) = char_at(text, i) {
            if !next.is_whitespace() {
                break;
            }
            newlines += usize::from(next == '\n');
            i += next.len_utf8();
        }
        flat.push(if newlines >= 2 { '\n' } else { ' ' });
        if i - run_start > 1 {
            shifts.push((flat.len(), i - flat.len()));
        }
        copied = i;
    }
    flat.push_str(&text[copied..]);
    (flat, shifts)
}

/// ASCII whitespace as `char::is_whitespace` sees it (with the vertical tab, unlike
/// `u8::is_ascii_whitespace`).
pub(crate) static ASCII_WHITESPACE: [bool; 256] = byte_table(b" \t\n\x0B\x0C\r");

/// A lookup table that is true for the bytes in `set`.
pub(crate) const fn byte_table(set: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < set.len() {
        table[set[i] as usize] = true;
        i += 1;
    }
    table
}

/// The character starting at byte `i` of `text` (an ASCII byte without decoding).
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text.get(i..).and_then(|rest| rest.chars().next()),
        None => None,
    }
}

/// Byte ranges of each line, without the line break.
pub(crate) fn line_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        let end = if i > start && text.as_bytes()[i - 1] == b'\r' {
            i - 1
        } else {
            i
        };
        ranges.push((start, end));
        start = i + 1;
    }
    ranges.push((start, text.len()));
    ranges
}

#[derive(Debug)]
pub(crate) struct FrontMatter {
    /// Index of the closing delimiter line.
    pub(crate) end_line: usize,
    /// Nothing but blank lines follows it: the front matter *is* the page.
    pub(crate) is_whole_page: bool,
}

/// YAML (`---` … `---` or `...`) or TOML (`+++` … `+++`) front matter at the top of a page.
pub(crate) fn front_matter(text: &str, ranges: &[(usize, usize)]) -> Option<FrontMatter> {
    let first = ranges.first()?;
    let opener = text[first.0..first.1].trim_end();
    let closers: &[&str] = match opener.trim_start_matches('\u{feff}') {
        "---" => &["---", "..."],
        "+++" => &["+++"],
        _ => return None,
    };
    let end_line = ranges
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, r)| closers.contains(&text[r.0..r.1].trim_end()))?
        .0;
    let is_whole_page = ranges[end_line + 1..]
        .iter()
        .all(|r| text[r.0..r.1].trim().is_empty());
    Some(FrontMatter {
        end_line,
        is_whole_page,
    })
}

pub(crate) fn blank(bytes: &mut [u8], start: usize, end: usize) {
    for b in &mut bytes[start..end] {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// In front matter that is the page itself: blanks comments and `key:` prefixes, keeps values.
pub(crate) fn blank_yaml_keys(bytes: &mut [u8], start: usize, end: usize) {
    let line = &bytes[start..end];
    let indent = line.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let rest = &line[indent..];
    if rest.first() == Some(&b'#') {
        blank(bytes, start, end);
        return;
    }
    let mut key_start = indent;
    if rest.starts_with(b"- ") {
        key_start += 2;
    }
    let key_len = line[key_start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
        .count();
    let after_key = key_start + key_len;
    if key_len > 0
        && line.get(after_key) == Some(&b':')
        && line.get(after_key + 1).is_none_or(|b| *b == b' ')
    {
        blank(bytes, start, start + after_key + 1);
        // Block scalar markers (`|-`, `>`) and quotes around the value are not content either.
        let value = &bytes[start + after_key + 1..end];
        let trimmed: Vec<u8> = value.iter().copied().filter(|b| *b != b' ').collect();
        if matches!(
            trimmed.as_slice(),
            b"|" | b"|-" | b"|+" | b">" | b">-" | b"''" | b"\"\""
        ) {
            blank(bytes, start, end);
        }
    }
}

/// Blanks HTML comments, `<style>`/`<script>` blocks, HTML tags and Liquid `{% %}` / `{{ }}`.
///
/// Linear in the text: each closer is looked for through a [`NextCloser`], so text with many
/// openers and no closer (`<a<a<a…`) is searched to its end once per kind of closer, not once
/// per opener.
pub(crate) fn blank_markup(bytes: &mut [u8]) {
    let mut comment_end = NextCloser::new(b"-->", false);
    let mut liquid_tag_end = NextCloser::new(b"%}", false);
    let mut liquid_output_end = NextCloser::new(b"}}", false);
    let mut style_end = NextCloser::new(b"</style", true);
    let mut script_end = NextCloser::new(b"</script", true);
    // The `>` after a `</style` and after a `</script` are asked for from offsets that do not
    // follow the tags' order, so each has its own.
    let mut style_end_bracket = NextCloser::new(b">", false);
    let mut script_end_bracket = NextCloser::new(b">", false);
    let mut tag_end = NextCloser::new(b">", false);
    let mut paragraph_break = NextCloser::new(b"\n\n", false);
    let mut i = 0;
    while i < bytes.len() {
        // Every span starts at a `<` or a `{`.
        match memchr::memchr2(b'<', b'{', &bytes[i..]) {
            Some(p) => i += p,
            None => break,
        }
        let rest = &bytes[i..];
        let span_end = if rest.starts_with(b"<!--") {
            comment_end.at_or_after(bytes, i + 4).map(|e| e + 3)
        } else if rest.starts_with(b"{%") {
            liquid_tag_end.at_or_after(bytes, i + 2).map(|e| e + 2)
        } else if rest.starts_with(b"{{") {
            liquid_output_end.at_or_after(bytes, i + 2).map(|e| e + 2)
        } else if starts_with_ignore_case(rest, b"<style") {
            style_end
                .at_or_after(bytes, i + 1)
                .and_then(|e| style_end_bracket.at_or_after(bytes, e))
                .map(|e| e + 1)
        } else if starts_with_ignore_case(rest, b"<script") {
            script_end
                .at_or_after(bytes, i + 1)
                .and_then(|e| script_end_bracket.at_or_after(bytes, e))
                .map(|e| e + 1)
        } else if rest.first() == Some(&b'<')
            && rest
                .get(1)
                .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!'))
        {
            // A tag: up to the next `>` (tags may span lines, but not paragraphs).
            tag_end
                .at_or_after(bytes, i + 1)
                .filter(|&e| {
                    e - i < 2000
                        && paragraph_break
                            .at_or_after(bytes, i)
                            .is_none_or(|blank_line| blank_line + 2 > e)
                })
                .map(|e| e + 1)
        } else {
            None
        };
        match span_end {
            Some(end) => {
                blank(bytes, i, end);
                i = end;
            }
            None => i += 1,
        }
    }
}

/// Where the next closer of one kind is, remembered between the openers that ask.
///
/// [`blank_markup`] asks each closer for its first place at or after ever later offsets, and the
/// bytes from any such offset on are never blanked before they are asked about (blanking stops
/// where the span ends, and the next question starts after it). So an answer holds until the
/// offset asked for passes it, and "none" holds for good: the text is searched once per closer.
struct NextCloser {
    needle: &'static [u8],
    ignore_case: bool,
    /// The offset of the last search and what it found: the closer's first place at or after it.
    searched_from: usize,
    found: Option<usize>,
}

impl NextCloser {
    fn new(needle: &'static [u8], ignore_case: bool) -> NextCloser {
        NextCloser {
            needle,
            ignore_case,
            searched_from: usize::MAX,
            found: None,
        }
    }

    /// The first place of the closer at or after `from`.
    fn at_or_after(&mut self, bytes: &[u8], from: usize) -> Option<usize> {
        let known = from >= self.searched_from && self.found.is_none_or(|found| found >= from);
        if !known {
            self.found = if self.ignore_case {
                find_ignore_case(bytes, from, self.needle)
            } else {
                find(bytes, from, self.needle)
            };
            self.searched_from = from;
        }
        self.found
    }
}

pub(crate) fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let haystack = bytes.get(from..)?;
    let (&first, rest) = needle.split_first()?;
    // Candidates are the places of the needle's first byte; each is checked in full.
    let mut at = 0;
    while let Some(p) = haystack.get(at..)?.iter().position(|&b| b == first) {
        let candidate = at + p;
        if haystack[candidate + 1..].starts_with(rest) {
            return Some(candidate + from);
        }
        at = candidate + 1;
    }
    None
}

pub(crate) fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

pub(crate) fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Blanks URLs (`https://…`, `www.…`, `example.com/path`, Markdown link targets) and e-mail
/// addresses: "github.com/ray-project" does not mention Ray.
pub(crate) fn blank_addresses(bytes: &mut [u8]) {
    // Markdown link targets: `](target)`.
    let mut i = 0;
    while let Some(p) = find(bytes, i, b"](") {
        let close = bytes[p + 2..]
            .iter()
            .position(|b| matches!(b, b')' | b'\n'))
            .map_or(bytes.len(), |q| p + 2 + q);
        blank(bytes, p + 2, close);
        i = close;
    }
    // Tokens (runs without spaces or brackets) that are URLs, domains with a path, or e-mails.
    // Only a token with `:`, `@` or `/` in it, or starting with "www.", can be one: the tokens
    // around those bytes, found with vectorised searches, are the only ones looked at.
    let is_delimiter = |b: u8| TOKEN_DELIMITERS[usize::from(b)];
    let token_around = |bytes: &[u8], p: usize| {
        let start = bytes[..p]
            .iter()
            .rposition(|&b| is_delimiter(b))
            .map_or(0, |d| d + 1);
        let end = bytes[p..]
            .iter()
            .position(|&b| is_delimiter(b))
            .map_or(bytes.len(), |d| p + d);
        (start, end)
    };
    let mut from = 0;
    while let Some(p) = memchr::memchr3(b':', b'@', b'/', &bytes[from..]).map(|p| from + p) {
        let (start, end) = token_around(bytes, p);
        if is_address(&bytes[start..end]) {
            blank(bytes, start, end);
        }
        from = end.max(p + 1);
    }
    // "www.example.org": the token starts three bytes before a dot.
    let mut from = 0;
    while let Some(p) = memchr::memchr(b'.', &bytes[from..]).map(|p| from + p) {
        from = p + 1;
        if p < 3 || (p > 3 && !is_delimiter(bytes[p - 4])) {
            continue;
        }
        let (start, end) = token_around(bytes, p);
        if starts_with_ignore_case(&bytes[start..end], b"www.") {
            blank(bytes, start, end);
            from = end.max(from);
        }
    }
}

/// The bytes that end a token for [`blank_addresses`]: ASCII whitespace, brackets and quotes.
pub(crate) static TOKEN_DELIMITERS: [bool; 256] = byte_table(b" \t\n\x0C\r()[]<>\"'");

pub(crate) fn is_address(token: &[u8]) -> bool {
    if find(token, 0, b"://").is_some() || starts_with_ignore_case(token, b"www.") {
        return true;
    }
    // e-mail: something@domain.tld
    if let Some(at) = token.iter().position(|&b| b == b'@') {
        let domain = &token[at + 1..];
        if at > 0 && domain.contains(&b'.') && domain.first().is_some_and(u8::is_ascii_alphanumeric)
        {
            return true;
        }
    }
    // A domain with a path: "github.com/user/repo".
    if let Some(slash) = token.iter().position(|&b| b == b'/') {
        let host = &token[..slash];
        if let Some(dot) = host.iter().rposition(|&b| b == b'.') {
            let tld = &host[dot + 1..];
            return dot > 0 && tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::generated;

    #[test]
    fn addresses_are_blanked_as_a_token_by_token_walk_blanks_them() {
        // The reference: every token looked at in turn.
        fn walk(text: &str) -> Vec<u8> {
            let mut bytes = text.as_bytes().to_vec();
            let mut start = 0;
            while start < bytes.len() {
                if super::TOKEN_DELIMITERS[usize::from(bytes[start])] {
                    start += 1;
                    continue;
                }
                let mut end = start;
                while end < bytes.len() && !super::TOKEN_DELIMITERS[usize::from(bytes[end])] {
                    end += 1;
                }
                if super::is_address(&bytes[start..end]) {
                    super::blank(&mut bytes, start, end);
                }
                start = end;
            }
            bytes
        }
        let texts = [
            "",
            "www.example.org",
            "see WWW.Example.com/x and (www.a.io) or \"www.b.io\"",
            "awww.x.org is not, www. alone is",
            "mail me@example.org, not me@ or @home",
            "github.com/ray-project/ray and CI/CD with TensorFlow/Keras",
            "https://x.y/z?q=1 http:// ftp://a",
            "Languages: Python, Go",
            "a:b c@d e/f.g h.ij/k",
            "é www.x.org ü github.com/é",
            "end with www.x.org",
            "ww.x.org w.x.org",
        ];
        let alphabet = [
            "w", "W", "ww", "www.", ".", ":", "//", "@", "/", " ", "(", ")", "\"", "a", "io", "é",
            "\n",
        ];
        let generated = generated(&alphabet, 20_000);
        for text in texts
            .iter()
            .copied()
            .chain(generated.iter().map(String::as_str))
        {
            let mut bytes = text.as_bytes().to_vec();
            super::blank_addresses(&mut bytes);
            // Markdown link targets aside (no "](" in these), the two agree.
            assert_eq!(
                String::from_utf8_lossy(&bytes),
                String::from_utf8_lossy(&walk(text)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn markup_is_blanked_as_searching_from_every_opener_blanks_it() {
        // The reference: the closer searched for afresh from each opener (quadratic on text
        // with many openers and no closer, which is why blank_markup remembers its searches).
        fn from_every_opener(text: &str) -> Vec<u8> {
            let mut bytes = text.as_bytes().to_vec();
            let mut i = 0;
            while i < bytes.len() {
                let rest = &bytes[i..];
                let span_end = if rest.starts_with(b"<!--") {
                    find(&bytes, i + 4, b"-->").map(|e| e + 3)
                } else if rest.starts_with(b"{%") {
                    find(&bytes, i + 2, b"%}").map(|e| e + 2)
                } else if rest.starts_with(b"{{") {
                    find(&bytes, i + 2, b"}}").map(|e| e + 2)
                } else if starts_with_ignore_case(rest, b"<style")
                    || starts_with_ignore_case(rest, b"<script")
                {
                    let closer: &[u8] = if starts_with_ignore_case(rest, b"<style") {
                        b"</style"
                    } else {
                        b"</script"
                    };
                    find_ignore_case(&bytes, i + 1, closer)
                        .and_then(|e| find(&bytes, e, b">"))
                        .map(|e| e + 1)
                } else if rest.first() == Some(&b'<')
                    && rest
                        .get(1)
                        .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!'))
                {
                    find(&bytes, i + 1, b">")
                        .filter(|&e| e - i < 2000 && !bytes[i..e].windows(2).any(|w| w == b"\n\n"))
                        .map(|e| e + 1)
                } else {
                    None
                };
                match span_end {
                    Some(end) => {
                        blank(&mut bytes, i, end);
                        i = end;
                    }
                    None => i += 1,
                }
            }
            bytes
        }
        let texts = [
            "",
            "<b>PyTorch</b> <!-- Kubernetes --> {% include x %} {{ page.title }}",
            "<style>p { color: red }</style>Keras<SCRIPT>x()</Script >JAX",
            "<a<a<a> <!-- <!-- --> {{ {{ }} }} {% {% %}",
            "<style></script> <script></style> <style </style",
            "<a\n\nPyTorch> <a\nb> }}} %%}} --->",
        ];
        let alphabet = [
            "<", ">", "<a", "</", "<!", "<!--", "-->", "-", "{", "}", "{%", "%}", "{{", "}}",
            "<style", "</style", "<SCRIPT", "</script", "x", " ", "\n", "é",
        ];
        let generated = generated(&alphabet, 20_000);
        for text in texts
            .iter()
            .copied()
            .chain(generated.iter().map(String::as_str))
        {
            let mut bytes = text.as_bytes().to_vec();
            blank_markup(&mut bytes);
            assert_eq!(
                String::from_utf8_lossy(&bytes),
                String::from_utf8_lossy(&from_every_opener(text)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn flattened_offsets_map_back_to_the_text() {
        // The reference: collapse char by char, recording every output byte's source offset.
        fn naive(text: &str) -> (String, Vec<usize>) {
            let mut flat = String::new();
            let mut map = Vec::new();
            let mut chars = text.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                if c.is_whitespace() {
                    let mut newlines = usize::from(c == '\n');
                    while let Some(&(_, next)) = chars.peek() {
                        if !next.is_whitespace() {
                            break;
                        }
                        newlines += usize::from(next == '\n');
                        chars.next();
                    }
                    flat.push(if newlines >= 2 { '\n' } else { ' ' });
                    map.push(i);
                } else {
                    flat.push(c);
                    map.extend(i..i + c.len_utf8());
                }
            }
            (flat, map)
        }
        let texts = [
            "",
            " ",
            "a b",
            "tensor\n  parallelism",
            "one\r\n\r\ntwo  three\tfour",
            "nbsp\u{a0}here and\u{2003}\u{2003}em spaces",
            "  lead and trail  ",
            "é è\n\n\n ü\u{b}x\u{c}y",
        ];
        for text in texts {
            let (expected_flat, expected_map) = naive(text);
            let (flat, shifts) = flatten_whitespace(text);
            assert_eq!(flat, expected_flat, "{text:?}");
            let document = Document {
                search: text.to_string(),
                display: text.to_string(),
                flat,
                flat_shifts: shifts,
                lines: Vec::new(),
                front_matter: None,
            };
            for (offset, &expected) in expected_map.iter().enumerate() {
                assert_eq!(
                    document.search_offset(offset),
                    expected,
                    "{text:?} at {offset}"
                );
            }
        }
    }
}
