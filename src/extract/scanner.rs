//! Stage 4: the scanner. One pass of a prebuilt Aho–Corasick automaton over the document, and the
//! guards that tell a real mention from a false match.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::document::{Document, Line};
use super::evidence::evidence_cached;
use super::layout::{continues_block, is_bullet, is_item_separator, strip_markup};
use super::signals::{push_normalised, Signals};
use super::terms::{list_case_matches, variants, Candidate};
use super::{Mention, Strength};
use crate::catalog::{Catalog, CatalogError, SkillIdx, TermPolicy};

/// The prebuilt matcher over every name and alias of a catalog.
#[derive(Debug)]
pub struct Scanner {
    pub(crate) automaton: AhoCorasick,
    /// For each automaton pattern id, its spelling's index in `candidates`.
    pub(crate) automaton_spellings: Vec<usize>,
    /// Per distinct lowercase spelling, the terms written that way.
    pub(crate) candidates: Vec<Vec<Candidate>>,
    /// Spellings that only ever count as a whole list item ("C", "R", "Go", "Ray"), one word
    /// without separators: looked up among the items of list lines instead of searched for in
    /// the whole text, where "c" and "r" would hit inside nearly every word (lowercase → index in
    /// `candidates`).
    pub(crate) list_items: HashMap<String, usize>,
    /// The longest of `list_items`, in bytes.
    pub(crate) list_item_max_len: usize,
    /// Phrase signals for concept skills, and the guards of every term.
    pub(crate) signals: Signals,
    /// Every lowercase spelling's index in `candidates`: how a coordinated name ("data, tensor
    /// and pipeline parallelism") is looked up word by word.
    pub(crate) spellings: HashMap<String, usize>,
    /// Per skill, the skills it implies whose name its own name begins with ("PyTorch" for
    /// "PyTorch FSDP", "TensorRT" for "TensorRT-LLM"): such a name at the start of the longer
    /// one is a mention too.
    pub(crate) named_within: Vec<Vec<SkillIdx>>,
}

pub(crate) static BUILTIN_SCANNER: OnceLock<Scanner> = OnceLock::new();

impl Scanner {
    /// Builds the automaton for `catalog`. Costs milliseconds (BENCHMARKS.md, issue 17): build it
    /// once and reuse it (the builtin catalog's scanner is cached by [`Scanner::builtin`]).
    pub fn new(catalog: &Catalog) -> Result<Scanner, CatalogError> {
        let mut by_lower: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut candidates: Vec<Vec<Candidate>> = Vec::new();
        let mut add = |candidate: Candidate, is_variant: bool| {
            let lower = candidate.text.to_ascii_lowercase();
            match by_lower.get(&lower) {
                Some(&id) => {
                    let slot: &mut Vec<Candidate> = &mut candidates[id];
                    // A generated variant never shadows another skill's own term.
                    if is_variant && slot.iter().any(|c| c.skill != candidate.skill) {
                        return;
                    }
                    if !slot.iter().any(|c| c.text == candidate.text) {
                        slot.push(candidate);
                    }
                }
                None => {
                    by_lower.insert(lower.clone(), patterns.len());
                    patterns.push(lower);
                    candidates.push(vec![candidate]);
                }
            }
        };
        let terms: Vec<_> = catalog.terms().collect();
        for term in &terms {
            add(
                Candidate {
                    text: term.text.to_string(),
                    skill: term.skill,
                    policy: term.policy,
                },
                false,
            );
        }
        for term in &terms {
            for variant in variants(term.text, term.policy) {
                add(
                    Candidate {
                        text: variant,
                        skill: term.skill,
                        policy: term.policy,
                    },
                    true,
                );
            }
        }
        let mut list_items = HashMap::new();
        let mut automaton_spellings = Vec::new();
        let mut automaton_patterns = Vec::new();
        for (spelling, pattern) in patterns.iter().enumerate() {
            let item_only = candidates[spelling]
                .iter()
                .all(|c| c.policy == TermPolicy::ListOnly)
                && !pattern
                    .chars()
                    .any(|c| c.is_whitespace() || is_item_separator(c));
            if item_only {
                list_items.insert(pattern.clone(), spelling);
            } else {
                automaton_spellings.push(spelling);
                automaton_patterns.push(pattern);
            }
        }
        let list_item_max_len = list_items.keys().map(String::len).max().unwrap_or(0);
        // Case-sensitive over the lowercase spellings, searched in lowercased text: the same
        // matches as an ASCII case-insensitive automaton at less than half its build cost, which
        // is most of a one-file run's (BENCHMARKS.md, issue 17).
        let automaton = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
            .match_kind(MatchKind::Standard)
            .build(&automaton_patterns)
            .map_err(|e| {
                CatalogError::Invalid(format!(
                    "its names and aliases do not form a search automaton: {e}"
                ))
            })?;
        let signals = Signals::new(catalog).map_err(CatalogError::Invalid)?;
        let named_within = (0..catalog.skills().len())
            .map(|outer| {
                let name = catalog.skill(outer).name.to_ascii_lowercase();
                catalog
                    .implies(outer)
                    .iter()
                    .copied()
                    .filter(|&inner| {
                        let inner_name = catalog.skill(inner).name.to_ascii_lowercase();
                        name.strip_prefix(&inner_name)
                            .is_some_and(|rest| rest.starts_with([' ', '-']))
                    })
                    .collect()
            })
            .collect();
        Ok(Scanner {
            signals,
            named_within,
            spellings: by_lower,
            automaton,
            automaton_spellings,
            candidates,
            list_items,
            list_item_max_len,
        })
    }

    /// The scanner for the builtin catalog, built once per process.
    pub fn builtin() -> Result<&'static Scanner, CatalogError> {
        let catalog = Catalog::builtin()?;
        if let Some(scanner) = BUILTIN_SCANNER.get() {
            return Ok(scanner);
        }
        let scanner = Scanner::new(catalog)?;
        Ok(BUILTIN_SCANNER.get_or_init(|| scanner))
    }

    /// Every skill mentioned in `text`, in order of appearance, at most once per skill and line.
    pub fn scan(&self, text: &str) -> Vec<Mention> {
        self.scan_in_context(text, "")
    }

    /// [`Scanner::scan`] for a field that sits under a header written elsewhere (a JSON Resume
    /// highlight under its position's title and summary): the header's words count as the field
    /// of an everyday-word skill, as the header above a bullet does in a text résumé.
    pub fn scan_in_context(&self, text: &str, context: &str) -> Vec<Mention> {
        let document = Document::new(text);
        self.scan_document_in(&document, context)
    }

    /// The lowercase spellings the automaton searches for (each catalog name, alias and inflection,
    /// without the list-only one-word terms), in pattern order. `benches/batch.rs` builds its own
    /// automata from them to measure the bare search: the least any term search costs.
    pub fn spellings(&self) -> impl Iterator<Item = String> + '_ {
        self.automaton_spellings
            .iter()
            .map(|&spelling| self.candidates[spelling][0].text.to_ascii_lowercase())
    }

    pub(crate) fn scan_document(&self, document: &Document) -> Vec<Mention> {
        self.scan_document_in(document, "")
    }

    fn scan_document_in(&self, document: &Document, context: &str) -> Vec<Mention> {
        let search = document.search.as_str();
        let flat = document.flat.as_str();
        let mut hits: Vec<Hit> = Vec::new();
        // ASCII lowercasing keeps every byte offset.
        let lower = flat.to_ascii_lowercase();
        for found in self.automaton.find_overlapping_iter(&lower) {
            let (flat_start, flat_end) = (found.start(), found.end());
            if !is_token_boundary(flat, flat_start, flat_end) {
                continue;
            }
            let matched = &flat[flat_start..flat_end];
            let start = document.search_offset(flat_start);
            let end = document.search_offset(flat_end - 1) + 1;
            let line_idx = document.line_of(start);
            let line = &document.lines[line_idx];
            if line.skipped {
                continue;
            }
            let spelling = self.automaton_spellings[found.pattern().as_usize()];
            hits.extend(self.hit(spelling, matched, search, line_idx, line, start..end));
        }
        if !self.list_items.is_empty() {
            for (line_idx, line) in document.lines.iter().enumerate() {
                if line.listed && !line.skipped {
                    self.list_item_hits(search, line_idx, line, &mut hits);
                }
            }
        }
        let same_span = |a: &Hit, b: &Hit| a.start == b.start && a.end == b.end;
        let coordinated: Vec<Hit> = (hits.iter())
            .flat_map(|hit| self.coordinated_hits(document, hit))
            // "LoRA" in "LoRA and supervised fine-tuning" is LoRA already, as written.
            .filter(|c| {
                !(hits.iter()).any(|h| same_span(h, c) && h.candidate.skill == c.candidate.skill)
            })
            .collect();
        if !coordinated.is_empty() {
            // "pipeline" in "pipeline and data parallelism" is the parallelism, not a pipeline.
            hits.retain(|h| !coordinated.iter().any(|c| same_span(h, c)));
            hits.extend(coordinated);
        }
        // Leftmost-longest among the hits that passed: "C++" wins over "C", "PyTorch FSDP" over
        // "PyTorch", "NVIDIA Triton" over "Triton".
        hits.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut mentions: Vec<Mention> = Vec::new();
        let mut taken_until = 0;
        // The last hit taken whole: a shorter name inside it counts only when the longer name
        // begins with it and implies it ("PyTorch" in "PyTorch FSDP", not "C" in "C++").
        let mut taken: Option<(usize, usize, SkillIdx)> = None;
        // Hits come in text order: the previous line's evidence is reused for the next hit on it.
        for hit in hits {
            if hit.start < taken_until {
                let named_inside = taken.is_some_and(|(start, end, skill)| {
                    hit.start == start
                        && hit.end < end
                        && self.named_within[skill].contains(&hit.candidate.skill)
                });
                if !named_inside {
                    continue;
                }
            } else {
                taken_until = hit.end;
                taken = Some((hit.start, hit.end, hit.candidate.skill));
            }
            let line = &document.lines[hit.line];
            let line_number = hit.line + 1;
            // Mentions are in text order: only the ones on this line need checking.
            if mentions
                .iter()
                .rev()
                .take_while(|m| m.line == line_number)
                .any(|m| m.skill == hit.candidate.skill)
            {
                continue;
            }
            let after = &search[hit.end.min(line.end)..line.end];
            let before = &search[line.start..hit.start.clamp(line.start, line.end)];
            // "No CUDA experience yet", "never used Kubernetes": a negated mention is no mention.
            if !line.listed && is_negated(before) {
                continue;
            }
            mentions.push(Mention {
                skill: hit.candidate.skill,
                line: line_number,
                start: hit.start,
                end: hit.end,
                // Filled in by `read_phrasing`, which knows the bullet the line belongs to.
                evidence: String::new(),
                matched: hit.matched.to_string(),
                listed: line.listed,
                stated_level: stated_level(after),
                stated_years: stated_years(before, after),
                strength: Strength::Plain,
            });
        }
        self.read_phrasing(document, mentions, context)
    }

    /// The sentence-level reading of the prose. A bullet and the lines that continue it (or a
    /// wrapped paragraph) are read as one block: its mentions are dropped when it is about
    /// selling or recruiting, or uses a name in another sense, or names an everyday-word skill
    /// with none of its field's words there or in the header above it; the concept skills the
    /// phrasing of one of its sentences shows are added, once per skill and block, on the line
    /// that sentence begins on.
    fn read_phrasing(
        &self,
        document: &Document,
        mentions: Vec<Mention>,
        context: &str,
    ) -> Vec<Mention> {
        let lines = &document.lines;
        let text_of = |line: &Line| &document.display[line.start..line.end];
        let mut out = Vec::with_capacity(mentions.len());
        let mut pending = mentions.into_iter().peekable();
        // The terms of the latest sentence that was not a bullet (a position's header, a
        // paragraph) or was a bullet with bullets nested under it.
        let mut header = super::signals::Found::default();
        // The terms of the header written elsewhere, which holds for the whole text.
        let mut outer = super::signals::Found::default();
        let mut sentence = String::new();
        if !context.is_empty() {
            sentence.push(' ');
            push_normalised(&mut sentence, context);
            self.signals.find_into(&sentence, &mut outer);
        }
        // The last evidence cut, reused for the next mention of the same line or bullet.
        let mut last_evidence: Option<((usize, usize), String)> = None;
        // Buffers reused from one sentence to the next.
        let mut found = super::signals::Found::default();
        let mut piece = String::new();
        let mut piece_found = super::signals::Found::default();
        let mut i = 0;
        while i < lines.len() {
            let line = &lines[i];
            if line.skipped || line.listed || text_of(line).trim().is_empty() {
                while let Some(mut mention) = pending.next_if(|m| m.line <= i + 1) {
                    let at = &lines[mention.line - 1];
                    mention.evidence = evidence_cached(
                        &mut last_evidence,
                        &document.display,
                        (at.start, at.end),
                        mention.start,
                        mention.end,
                    );
                    out.push(mention);
                }
                i += 1;
                continue;
            }
            let mut end = i + 1;
            while end < lines.len() && continues_block(&lines[end], text_of(&lines[end])) {
                end += 1;
            }
            sentence.clear();
            sentence.push(' ');
            for line in &lines[i..end] {
                push_normalised(&mut sentence, text_of(line));
            }
            self.signals.find_into(&sentence, &mut found);
            if !is_bullet(text_of(line).trim()) || has_nested_bullets(&lines[i..], end - i, text_of)
            {
                header.clone_from(&found);
            }
            let mut in_block: Vec<Mention> = Vec::new();
            while let Some(mention) = pending.next_if(|m| m.line <= end) {
                in_block.push(mention);
            }
            let block_start = i;
            let block_end = end;
            // A bullet wrapped over lines: its evidence is the bullet, not the line the name
            // happens to fall on.
            let (from, to) = (lines[i].start, lines[end - 1].end);
            for mention in &mut in_block {
                mention.evidence = evidence_cached(
                    &mut last_evidence,
                    &document.display,
                    (from, to),
                    mention.start,
                    mention.end,
                );
            }
            i = end;
            if self.signals.is_not_work(&found) {
                continue;
            }
            let strength = self.signals.strength(&found);
            for mention in &mut in_block {
                mention.strength = strength;
            }
            in_block.retain(|m| {
                !self.signals.is_guarded(m.skill, &found)
                    && (self.signals.in_domain(m.skill, &found)
                        || self.signals.in_domain(m.skill, &header)
                        || (!context.is_empty() && self.signals.in_domain(m.skill, &outer)))
            });
            // A concept's words must come together in one sentence of the block: a paragraph of
            // a job posting is many sentences ("Join our team of 6 engineers. You will lead…").
            let block = &lines[block_start..block_end];
            let block_range = (block[0].start, block[block.len() - 1].end);
            let breaks = sentence_breaks(&document.display, block);
            if breaks.is_empty() {
                let whole = PhraseSentence {
                    found: &found,
                    text: &sentence,
                    line: block_start,
                    start: block_range.0,
                };
                self.push_phrase_mentions(
                    whole,
                    document,
                    block_range,
                    &mut last_evidence,
                    &mut in_block,
                    strength,
                );
            } else {
                let starts = std::iter::once(block_range.0).chain(breaks.iter().copied());
                let ends = breaks.iter().copied().chain(std::iter::once(block_range.1));
                for (from, to) in starts.zip(ends) {
                    piece.clear();
                    piece.push(' ');
                    let mut piece_line = None;
                    for (offset, line) in block.iter().enumerate() {
                        let (start, end) = (from.max(line.start), to.min(line.end));
                        if start < end && !document.display[start..end].trim().is_empty() {
                            piece_line.get_or_insert(block_start + offset);
                            push_normalised(&mut piece, &document.display[start..end]);
                        }
                    }
                    let Some(piece_line) = piece_line else {
                        continue;
                    };
                    self.signals.find_into(&piece, &mut piece_found);
                    let one = PhraseSentence {
                        found: &piece_found,
                        text: &piece,
                        line: piece_line,
                        start: from.max(lines[piece_line].start),
                    };
                    self.push_phrase_mentions(
                        one,
                        document,
                        block_range,
                        &mut last_evidence,
                        &mut in_block,
                        strength,
                    );
                }
            }
            out.append(&mut in_block);
        }
        for mut mention in pending {
            let at = &lines[mention.line - 1];
            mention.evidence = evidence_cached(
                &mut last_evidence,
                &document.display,
                (at.start, at.end),
                mention.start,
                mention.end,
            );
            out.push(mention);
        }
        out
    }
}

/// One sentence of a block, as [`Scanner::push_phrase_mentions`] reads it.
struct PhraseSentence<'a> {
    /// Its terms.
    found: &'a super::signals::Found,
    /// Its normalised text.
    text: &'a str,
    /// The index of the line it begins on.
    line: usize,
    /// Where it begins in the display text.
    start: usize,
}

impl Scanner {
    /// The concept skills `sentence` shows that `in_block` does not hold yet, added to it: on
    /// the sentence's first line, with the block (`block_range` of the display text) cut around
    /// the sentence's start as evidence.
    fn push_phrase_mentions(
        &self,
        sentence: PhraseSentence<'_>,
        document: &Document,
        block_range: (usize, usize),
        last_evidence: &mut Option<((usize, usize), String)>,
        in_block: &mut Vec<Mention>,
        strength: Strength,
    ) {
        for (skill, term, at) in self.signals.skills_in(sentence.found) {
            if in_block.iter().any(|m| m.skill == skill) {
                continue;
            }
            if is_negated(&sentence.text[..at]) {
                continue;
            }
            in_block.push(Mention {
                skill,
                line: sentence.line + 1,
                start: sentence.start,
                end: sentence.start,
                evidence: evidence_cached(
                    last_evidence,
                    &document.display,
                    block_range,
                    sentence.start,
                    sentence.start,
                ),
                matched: format!("the phrase '{term}'"),
                listed: false,
                stated_level: None,
                stated_years: None,
                strength,
            });
        }
    }
}

/// Words that a `.` closes without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g", "eg", "i.e", "ie", "etc", "vs", "cf", "al", "approx", "incl", "dr", "mr", "mrs", "ms",
    "prof", "inc", "ltd", "co", "corp", "dept", "no", "nr", "st", "jr", "sr", "fig", "ca",
];

/// Where the sentences of a block after its first begin: the display-text offsets just past a
/// `.`, `!` or `?` that ends a sentence, that is one followed by whitespace and then something
/// other than a lowercase letter or another dot ("e.g . MySQL" and "us.. . . . a team" end
/// none), not closing an
/// abbreviation or an initial. A break at the block's very end is no break.
fn sentence_breaks(display: &str, block: &[Line]) -> Vec<usize> {
    let mut breaks = Vec::new();
    for (n, line) in block.iter().enumerate() {
        let text = &display[line.start..line.end];
        for (i, c) in text.char_indices() {
            if !matches!(c, '.' | '!' | '?') {
                continue;
            }
            let after = &text[i + 1..];
            if after
                .chars()
                .next()
                .is_some_and(|next| !next.is_whitespace())
            {
                continue;
            }
            let mut following = after.trim_start();
            if following.is_empty() {
                following = block
                    .get(n + 1)
                    .map_or("", |next| display[next.start..next.end].trim_start());
            }
            match following.chars().next() {
                None => continue,
                Some(next) if next.is_lowercase() || matches!(next, '.' | '…') => continue,
                Some(_) => {}
            }
            if c == '.' {
                let word = text[..i]
                    .trim_end()
                    .rsplit(char::is_whitespace)
                    .next()
                    .unwrap_or("")
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .to_ascii_lowercase();
                if word.chars().count() == 1 || ABBREVIATIONS.contains(&word.as_str()) {
                    continue;
                }
            }
            breaks.push(line.start + i + 1);
        }
    }
    breaks
}

impl Scanner {
    /// The first term spelled `matched` (candidate spelling `spelling`, found at `start..end` on
    /// `line`) whose policy allows it there.
    fn allowed(
        &self,
        spelling: usize,
        matched: &str,
        search: &str,
        line: &Line,
        start: usize,
        end: usize,
    ) -> Option<&Candidate> {
        self.candidates[spelling]
            .iter()
            .find(|candidate| match candidate.policy {
                TermPolicy::Anywhere => true,
                TermPolicy::CaseSensitive => matched == candidate.text,
                TermPolicy::ListOnly => {
                    list_case_matches(matched, &candidate.text)
                        && line.listed
                        && end <= line.end
                        && is_whole_item(search, line.start, line.end, start, end)
                }
            })
    }

    /// The hit of `matched` (candidate spelling `spelling`, at `range` of `search`, on line
    /// `line_idx`), when a term spelled so is allowed there.
    fn hit<'a>(
        &'a self,
        spelling: usize,
        matched: &'a str,
        search: &str,
        line_idx: usize,
        line: &Line,
        range: std::ops::Range<usize>,
    ) -> Option<Hit<'a>> {
        let (start, end) = (range.start, range.end);
        self.allowed(spelling, matched, search, line, start, end)
            .map(|candidate| Hit {
                start,
                end,
                line: line_idx,
                matched,
                candidate,
            })
    }

    /// The names a coordinated list before `hit` shares its last word with: in "data, tensor,
    /// pipeline and context parallelism" the hit "context parallelism" makes "data parallelism",
    /// "tensor parallelism" and "pipeline parallelism" hits too, each at its own word, when the
    /// catalog spells it so (a term matched anywhere, never a list-only or case-sensitive one).
    /// The words must be joined by commas and a final "and", "or" or "&" on the hit's line.
    fn coordinated_hits<'a>(&'a self, document: &Document, hit: &Hit<'a>) -> Vec<Hit<'a>> {
        let Some((_, head)) = hit.candidate.text.rsplit_once(' ') else {
            return Vec::new();
        };
        let search = document.search.as_str();
        let line = &document.lines[hit.line];
        let Some(before) = search.get(line.start..hit.start) else {
            return Vec::new();
        };
        let Some(mut rest) = [" and ", " or ", " & ", ", and ", ", or "]
            .iter()
            .find_map(|joint| before.strip_suffix(joint))
        else {
            return Vec::new();
        };
        let mut found = Vec::new();
        loop {
            let word_start = rest
                .rfind(|c: char| !(c.is_alphanumeric() || c == '-'))
                .map_or(0, |i| {
                    i + rest[i..].chars().next().map_or(1, char::len_utf8)
                });
            let word = &rest[word_start..];
            if word.is_empty() {
                break;
            }
            let spelling = format!("{} {head}", word.to_lowercase());
            let candidate = (self.spellings.get(&spelling))
                .and_then(|&id| self.candidates[id].first())
                .filter(|c| c.policy == TermPolicy::Anywhere);
            if let Some(candidate) = candidate {
                let start = line.start + word_start;
                found.push(Hit {
                    start,
                    end: start + word.len(),
                    line: hit.line,
                    matched: &candidate.text,
                    candidate,
                });
            }
            match rest[..word_start].strip_suffix(", ") {
                Some(earlier) => rest = earlier,
                None => break,
            }
        }
        found
    }

    /// The hits of [`Scanner::list_items`] on a list line: each item of the line, cut out as
    /// [`is_whole_item`] cuts it, that is one of them. (They are exactly the hits the automaton
    /// would have found and the policy allowed: such a spelling has no separator, so its item is
    /// the text between the separators around it.)
    fn list_item_hits<'a>(
        &'a self,
        search: &'a str,
        line_idx: usize,
        line: &Line,
        hits: &mut Vec<Hit<'a>>,
    ) {
        let text = &search[line.start..line.end];
        let mut segment_start = 0;
        let ends = text
            .char_indices()
            .filter(|&(_, c)| is_item_separator(c))
            .map(|(i, c)| (i, i + c.len_utf8()))
            .chain(std::iter::once((text.len(), text.len())));
        for (segment_end, next_start) in ends {
            let segment = &text[segment_start..segment_end];
            segment_start = next_start;
            let item = item_text(segment);
            if item.is_empty() || item.len() > self.list_item_max_len {
                continue;
            }
            let Some(&spelling) = self.list_items.get(&item.to_ascii_lowercase()) else {
                continue;
            };
            // `item` is a slice of `search`: its offset there.
            let start = item.as_ptr() as usize - search.as_ptr() as usize;
            let end = start + item.len();
            if !is_token_boundary(search, start, end) {
                continue;
            }
            let matched = &search[start..end];
            hits.extend(self.hit(spelling, matched, search, line_idx, line, start..end));
        }
    }
}

pub(crate) struct Hit<'a> {
    /// Byte range in [`Document::search`] (it may span a line break).
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) line: usize,
    /// The text matched, whitespace collapsed.
    pub(crate) matched: &'a str,
    pub(crate) candidate: &'a Candidate,
}

/// A character that continues a word: a hit next to one is part of a longer word.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether `bytes[start..end]` is a whole token: no letter or digit glued on either side, and not
/// followed by `+` or `#` ("C" in "C#").
pub(crate) fn is_token_boundary(text: &str, start: usize, end: usize) -> bool {
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return false;
    }
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let matched_first = text[start..end].chars().next();
    let matched_last = text[start..end].chars().next_back();
    let glued_before = before.is_some_and(is_word_char) && matched_first.is_some_and(is_word_char);
    let glued_after = after.is_some_and(|c| {
        (is_word_char(c) && matched_last.is_some_and(is_word_char))
            || (matches!(c, '+' | '#') && matched_last.is_some_and(|m| m.is_alphanumeric()))
    });
    !glued_before && !glued_after
}

/// Whether the clause before a mention negates it: "not", "no", "without", "never" among its last
/// three words ("no prior CUDA", "never used Kubernetes", but not "with no accuracy loss using
/// TensorRT").
pub(crate) fn is_negated(before: &str) -> bool {
    // Three words lie within the last few dozen bytes: only those are looked at, so a long line
    // with many mentions is not walked back to its start for each.
    let mut from = before.len().saturating_sub(64);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let before = &before[from..];
    let clause = before
        .rsplit([',', ';', '.', ':', '(', ')', '!', '?'])
        .next()
        .unwrap_or(before);
    clause.split_whitespace().rev().take(3).any(|word| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        [
            "not", "no", "without", "never", "lacking", "don't", "haven't", "hasn't",
        ]
        .iter()
        .any(|n| word.eq_ignore_ascii_case(n))
    })
}

/// Years written beside a name: "(4 years)", "(5+ yrs, expert)" after it, or "5+ years of",
/// "4 years of experience with" before it.
pub(crate) fn stated_years(before: &str, after: &str) -> Option<f64> {
    if let Some(rest) = after.trim_start().strip_prefix('(') {
        let inside = &rest[..rest.find(')').unwrap_or(rest.len())];
        if inside.len() <= 40 {
            for part in inside.split([',', ';', '/']) {
                if part.to_ascii_lowercase().contains('y') {
                    if let Some(years) = super::layout::years_in_words(part) {
                        return Some(years);
                    }
                }
            }
        }
    }
    const FILLERS: &[&str] = &[
        "of",
        "with",
        "in",
        "using",
        "experience",
        "hands-on",
        "professional",
        "industry",
        "production",
    ];
    // From the end of the text before the name: fillers, a unit, a number.
    let mut words = before.split_whitespace().rev().peekable();
    let mut dropped = 0;
    while let Some(last) = words.peek() {
        if dropped < 4 && FILLERS.iter().any(|f| last.eq_ignore_ascii_case(f)) {
            words.next();
            dropped += 1;
        } else {
            break;
        }
    }
    let unit = words.next()?;
    if !["years", "year", "yrs", "yr"]
        .iter()
        .any(|u| unit.eq_ignore_ascii_case(u))
    {
        return None;
    }
    let number = words.next()?;
    let number = number.trim_start_matches('(').trim_end_matches('+');
    number
        .parse::<f64>()
        .ok()
        .filter(|y| (0.0..=50.0).contains(y))
}

/// The level in a parenthesis that opens `after` (the text following a match): "(advanced)",
/// "(basic, 2 years)", "(learning)"; `None` for "(Pandas, NumPy)", "(Master's thesis)" or no
/// parenthesis.
pub(crate) fn stated_level(after: &str) -> Option<u8> {
    let rest = after.trim_start().strip_prefix('(')?;
    let inside = &rest[..rest.find(')')?];
    if inside.len() > 40 {
        return None;
    }
    // Only a level word on its own: "(advanced)", "(basic, 2 years)"; not "(Master's thesis)".
    let first = inside.split([',', ';', '/']).next()?.trim().to_lowercase();
    match first.as_str() {
        "learning" | "familiar" | "exposure" => Some(1),
        word => crate::skills::level_from_word(word),
    }
}

/// Whether the hit `[start, end)` is a whole item of the list on its line: "Go" in
/// "Languages: Python, Go (Golang), R" but not in "Go to market".
pub(crate) fn is_whole_item(
    search: &str,
    line_start: usize,
    line_end: usize,
    start: usize,
    end: usize,
) -> bool {
    let left = search[line_start..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_item_separator(c))
        .map_or(line_start, |(i, c)| line_start + i + c.len_utf8());
    let right = search[end..line_end]
        .char_indices()
        .find(|&(_, c)| is_item_separator(c))
        .map_or(line_end, |(i, _)| end + i);
    item_text(&search[left..right]) == &search[start..end]
}

/// The name a list item holds: markup and a leading "and", "or" or "&" taken off (a slice of
/// `segment`).
pub(crate) fn item_text(segment: &str) -> &str {
    let item = strip_markup(segment);
    let item = item
        .strip_prefix("and ")
        .or_else(|| item.strip_prefix("or "))
        .or_else(|| item.strip_prefix("& "))
        .unwrap_or(item)
        .trim();
    strip_markup(item)
}

/// Whether the bullet that opens `lines` (its sentence `len` lines long) has bullets nested under
/// it: the next line with text is a bullet indented deeper ("- **ML Engineer** (2024 – now)" over
/// "  - Fine-tuned …"), so it heads them as a position's header line does.
fn has_nested_bullets<'t>(lines: &[Line], len: usize, text_of: impl Fn(&Line) -> &'t str) -> bool {
    let indent = |text: &str| text.len() - text.trim_start().len();
    let own = indent(text_of(&lines[0]));
    lines[len..]
        .iter()
        .map(&text_of)
        .find(|text| !text.trim().is_empty())
        .is_some_and(|next| is_bullet(next.trim()) && indent(next) > own)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<String> {
        let catalog = Catalog::builtin().expect("catalog");
        let scanner = Scanner::builtin().expect("scanner");
        scanner
            .scan(text)
            .iter()
            .map(|m: &Mention| catalog.skill(m.skill).id.clone())
            .collect()
    }

    #[test]
    fn an_everyday_word_skill_takes_its_field_from_the_header_it_sits_under() {
        let catalog = Catalog::builtin().expect("catalog");
        let scanner = Scanner::builtin().expect("scanner");
        let bullet = "Prompt engineering and prompt versioning for 14 production prompts.";
        let in_context = |context: &str| -> Vec<String> {
            scanner
                .scan_in_context(bullet, context)
                .iter()
                .map(|m| catalog.skill(m.skill).id.clone())
                .collect()
        };
        // Alone, "prompt engineering" could be anything; under an LLM position it is the skill.
        assert!(!in_context("").contains(&"prompt-engineering".to_string()));
        assert!(
            in_context("LLM Engineer. Pillarbox AI").contains(&"prompt-engineering".to_string())
        );
        assert!(!in_context("Copywriter. Acme Bakery").contains(&"prompt-engineering".to_string()));

        // A bullet with bullets nested under it heads them, as a header line does.
        let nested = "- **Founding Machine Learning Engineer** (2024 - Present)\n  - Nakamoto LLC\n  - Developed fine-tuning frameworks\n";
        assert!(ids(nested).contains(&"fine-tuning".to_string()));
        let flat = "- **Founding Machine Learning Engineer** (2024 - Present)\n- Nakamoto LLC\n- Developed fine-tuning frameworks\n";
        assert!(!ids(flat).contains(&"fine-tuning".to_string()));
    }

    #[test]
    fn a_framework_named_at_the_start_of_its_own_tool_is_a_mention_too() {
        let read = ids("- Trained a 2B model on 256 H100s with PyTorch FSDP in bf16.\n");
        assert!(read.contains(&"fsdp".to_string()), "{read:?}");
        assert!(read.contains(&"pytorch".to_string()), "{read:?}");
        // Not a name inside another that does not begin with it, nor one the longer skill does
        // not imply.
        let read = ids("- Fine-tuned classifiers with Hugging Face Transformers.\n");
        assert!(
            !read.contains(&"transformers-architecture".to_string()),
            "{read:?}"
        );
        let read = ids("- Wrote the service in C++ and Objective-C.\n");
        assert!(!read.contains(&"c".to_string()), "{read:?}");
    }

    #[test]
    fn spellings_are_the_searched_terms_without_the_list_only_words() {
        let scanner = Scanner::builtin().expect("scanner");
        let spellings: Vec<String> = scanner.spellings().collect();
        for term in [
            "pytorch",
            "javascript",
            "java",
            "spark",
            "c++",
            "pytorch fsdp",
        ] {
            assert!(spellings.iter().any(|s| s == term), "{term}");
        }
        // Looked up among list items instead: "c" and "r" would hit inside nearly every word.
        for term in ["c", "r", "go", "ray"] {
            assert!(!spellings.iter().any(|s| s == term), "{term}");
        }
        assert!(spellings.iter().all(|s| *s == s.to_ascii_lowercase()));
        let mut distinct = spellings.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), spellings.len());
    }

    #[test]
    fn whole_tokens_only() {
        assert_eq!(ids("The project sparked interest."), Vec::<String>::new());
        assert_eq!(ids("Built the UI in Javascript."), vec!["javascript"]);
        assert_eq!(ids("Backend in Java and Spark."), vec!["java", "spark"]);
        assert!(ids("I used C++ daily").contains(&"cpp".to_string()));
        assert!(!ids("I used C++ daily").contains(&"c".to_string()));
        assert_eq!(ids("Wrote C# services"), vec!["c-sharp"]);
    }

    #[test]
    fn short_tokens_only_in_lists() {
        assert_eq!(
            ids("I go to work and see R2-D2 in a C-grade film."),
            Vec::<String>::new()
        );
        assert_eq!(ids("Ray led the team."), Vec::<String>::new());
        assert_eq!(ids("Languages: Go, R, C"), vec!["go", "r", "c"]);
        assert_eq!(
            ids("- **Languages**: Python, Go (Golang), C/C++"),
            vec!["python", "go", "cpp"]
        );
        // Whole items only, written as the catalog writes them.
        assert_eq!(ids("Languages: C++, C#, R"), vec!["cpp", "c-sharp", "r"]);
        assert_eq!(ids("Languages: c, r, go"), Vec::<String>::new());
        assert_eq!(
            ids("Tools: **C**, `R`, and Go; Julia | Ray"),
            vec!["c", "r", "go", "julia", "ray"]
        );
        assert_eq!(
            ids("Skills: array programming, gray-box testing, Go-to-market"),
            Vec::<String>::new()
        );
        assert_eq!(ids("Languages: R2, C-grade, Go!"), Vec::<String>::new());
    }

    #[test]
    fn generic_words_only_in_lists() {
        assert_eq!(ids("Escalated to leadership weekly."), Vec::<String>::new());
        assert_eq!(
            ids("Skills: Leadership, Python"),
            vec!["team-leadership", "python"]
        );
        assert_eq!(ids("The tool uses OpenCV."), vec!["computer-vision"]);
        assert_eq!(
            ids("Tokenized incentives for clients."),
            Vec::<String>::new()
        );
        assert_eq!(
            ids("Automatic data quality controls."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn names_inside_other_names_are_not_skills_in_prose() {
        // A platform is not its flagship library; a vision model is not an LLM; an institute's
        // name is not HPC experience; public speaking is not executive communication.
        assert_eq!(
            ids("Deployed demos on Hugging Face Spaces."),
            Vec::<String>::new()
        );
        assert_eq!(
            ids("Benchmarked vision foundation models and vision-language models."),
            vec!["vision-language-models"]
        );
        assert_eq!(
            ids("Intern at the National Center for Supercomputing Applications."),
            Vec::<String>::new()
        );
        assert_eq!(ids("Enjoys public speaking."), Vec::<String>::new());
        // What must keep working.
        assert_eq!(
            ids("Evaluated large language models."),
            vec!["large-language-models"]
        );
        assert_eq!(
            ids("Skills: Hugging Face, Supercomputing"),
            vec!["hugging-face-transformers", "parallel-programming"]
        );
        assert_eq!(
            ids("Used Hugging Face Transformers daily."),
            vec!["hugging-face-transformers"]
        );
    }

    #[test]
    fn job_posting_phrasings_are_not_skills() {
        // Found in real job postings (the SkillSpan corpus, tests/it/skillspan.rs): the team the
        // reader would join, the perks, the colleagues, a verb, an acronym of a team's name.
        for trap in [
            "You'll join a team of 12 engineers building our data platform.",
            "We are a small team of 25 engineers and we don't do silos.",
            "Weekly company meals, team-building events and an annual summer trip.",
            "You will have constant discussions and feedback with our tech lead.",
            "Takes the lead where needed and embraces team work with other developers.",
            "We offer career coaching, a mentoring program and a personal development budget.",
            "Extensive training by mentors for every new engineer.",
            "Work closely with product owners and designers to ship new features.",
            "Work in a cross-functional team with a product owner, engineers and a designer.",
            "Applications with insufficient documentation will not be considered.",
            "Excel in building relationships with customers.",
            "We believe in pay transparency, equity and fairness for everyone.",
            "As an engineer in the Analytics Market Place (AMP) team you will build web services.",
            "It's a pivotal time for Technology as we drive forward our ambitious transformation programme for our users.",
            "We deliver TV solutions to network operators and providers, fully hosted and fully managed.",
            // The company's team, or its backers: who leads them is not said.
            "A team of 22 software developers who work according to Scrum.",
            "A powerhouse team of investors has injected 12M USD into the company.",
            "Every new engineer is paired with a dedicated mentor.",
        ] {
            assert_eq!(ids(trap), Vec::<String>::new(), "{trap}");
        }
        // A concept's words must meet in one sentence, not across a paragraph's sentences.
        assert_eq!(
            ids("Every newcomer gets a buddy and a mentor.\nOur engineers ship to production daily."),
            Vec::<String>::new()
        );
        // What must keep working.
        assert_eq!(
            ids("- Mentored three junior\n  engineers on CUDA kernels."),
            vec!["mentoring", "cuda"]
        );
        assert_eq!(
            ids("Lead a team of 6 engineers building the search platform."),
            vec!["team-leadership"]
        );
        assert_eq!(
            ids("Hire, train and schedule a team of 45 people."),
            vec!["team-leadership"]
        );
        assert_eq!(
            ids("Spearheaded the payments team of 6 engineers."),
            vec!["team-leadership"]
        );
        assert_eq!(ids("Mentor two PhD interns."), vec!["mentoring"]);
        assert_eq!(
            ids("Support and mentor other engineers through code reviews."),
            vec!["mentoring", "code-review"]
        );
        assert_eq!(
            ids("Product owner for the search ranking platform."),
            vec!["product-management"]
        );
        assert_eq!(
            ids("Built the budget model in Excel."),
            vec!["spreadsheets"]
        );
        assert_eq!(
            ids("Enabled AMP for training on A100 GPUs."),
            vec!["mixed-precision"]
        );
    }

    #[test]
    fn lists_and_prose() {
        let scanner = Scanner::builtin().expect("scanner");
        let listed =
            |text: &str| -> Vec<bool> { scanner.scan(text).iter().map(|m| m.listed).collect() };
        assert_eq!(
            listed("**Tech stack**: PyTorch, Triton, NCCL"),
            vec![true; 3]
        );
        assert_eq!(
            listed("## Skills\n- Deep learning with PyTorch"),
            vec![true; 2]
        );
        assert_eq!(listed("- PyTorch, Docker, Kubernetes, Git"), vec![true; 4]);
        assert_eq!(
            listed("Trained models with PyTorch and Docker."),
            vec![false; 2]
        );
        assert_eq!(
            listed("Deep learning engineer · Berlin · me@example.org · github.com/me"),
            vec![false]
        );
    }

    #[test]
    fn levels_stated_in_parentheses() {
        let catalog = Catalog::builtin().expect("catalog");
        let skills = crate::input::text::parse(
            "cv.md",
            "## Skills\nPython (expert), SQL (basic), JAX (learning), Pandas (3 years), Rust (none), Keras (Master's thesis)\nUsed PyTorch (advanced) daily.\nDocker\n",
            catalog,
        )
        .expect("parses");
        let level = |id: &str| {
            skills
                .skills
                .iter()
                .find(|s| catalog.skill(s.skill).id == id)
                .map(|s| s.level)
        };
        // Stated in a skills section with no position behind it: at most working (claimed).
        assert_eq!(level("python"), Some(2));
        assert_eq!(level("sql"), Some(1));
        assert_eq!(level("jax"), Some(1));
        assert_eq!(level("pandas"), Some(crate::extract::levels::LISTED_LEVEL));
        assert_eq!(level("keras"), Some(crate::extract::levels::LISTED_LEVEL));
        assert_eq!(level("rust"), None);
        assert_eq!(level("pytorch"), Some(2));
        assert_eq!(level("docker"), Some(crate::extract::levels::LISTED_LEVEL));
        // Stated where a position supports it: the stated level, capped at proficient unless
        // the usage alone reaches expert.
        let skills = crate::input::text::parse_at(
            "cv.md",
            "## Experience\n### ML Engineer, Acme (2018 – 2024)\n- Built services in Python (expert) and SQL (basic)\n",
            catalog,
            crate::input::dates::Day { year: 2026, month: 12, day: 1 },
        )
        .expect("parses");
        let level = |id: &str| {
            skills
                .skills
                .iter()
                .find(|s| catalog.skill(s.skill).id == id)
                .map(|s| s.level)
        };
        assert_eq!(level("python"), Some(3));
        assert_eq!(level("sql"), Some(1));
    }

    #[test]
    fn inflections() {
        assert_eq!(ids("Trained CNNs."), vec!["cnn"]);
        assert_eq!(ids("Quantized models to INT4."), vec!["quantization"]);
        assert_eq!(
            ids("We fine-tuned and pruned models."),
            vec!["fine-tuning", "pruning"]
        );
        assert_eq!(ids("mixed precision"), vec!["mixed-precision"]);
    }

    #[test]
    fn coordinated_names_share_their_last_word() {
        let mut found = ids("Built data, tensor, pipeline and context parallelism.");
        found.sort();
        assert_eq!(
            found,
            vec![
                "data-parallelism",
                "pipeline-parallelism",
                "sequence-parallelism",
                "tensor-parallelism"
            ]
        );
        let mut found = ids("Wrote unit and integration tests; used data or model parallelism.");
        found.sort();
        assert!(found.contains(&"data-parallelism".to_string()), "{found:?}");
        // Only a word the catalog spells with that last word, and only across "and"/"or".
        assert_eq!(
            ids("Python and context parallelism"),
            vec!["python", "sequence-parallelism"]
        );
        assert_eq!(
            ids("data with context parallelism"),
            vec!["sequence-parallelism"]
        );
    }

    #[test]
    fn no_matches_in_addresses_or_markup() {
        assert_eq!(
            ids("see https://github.com/pytorch/pytorch"),
            Vec::<String>::new()
        );
        assert_eq!(ids("mail spark@python.org"), Vec::<String>::new());
        assert_eq!(
            ids("[my repo](https://example.com/kubernetes)"),
            Vec::<String>::new()
        );
        assert_eq!(ids("github.com/ray-project/ray"), Vec::<String>::new());
        assert_eq!(ids("<div class=\"python\">Docker</div>"), vec!["docker"]);
        assert_eq!(ids("{% include pytorch.html %}"), Vec::<String>::new());
        assert_eq!(ids("<!-- Kubernetes -->"), Vec::<String>::new());
        assert_eq!(
            ids("---\ntitle: PyTorch\n---\nUsed Docker."),
            vec!["docker"]
        );
        assert_eq!(
            ids("+++\ntitle = \"PyTorch\"\n+++\nUsed Docker."),
            vec!["docker"]
        );
    }

    #[test]
    fn front_matter_that_is_the_page_is_read() {
        let text = "---\n# PyTorch comment\nexperience:\n  - title: Engineer\n    description: |-\n      Built Kubernetes operators\n---\n";
        assert_eq!(ids(text), vec!["kubernetes"]);
    }

    /// Random mixtures of markup, addresses, dates, multi-byte text and skill names, long lines and
    /// terms wrapped across lines: scanning and parsing never panic, and evidence stays short.
    #[test]
    fn arbitrary_text_never_panics() {
        let catalog = Catalog::builtin().expect("catalog");
        let scanner = Scanner::builtin().expect("scanner");
        let pieces = [
            "PyTorch",
            "tensor\n  parallelism",
            "C",
            "Go",
            "R",
            ", ",
            ": ",
            "\n",
            "\n\n",
            "- ",
            "# ",
            "**",
            "<",
            ">",
            "<p>",
            "</h2>",
            "<!--",
            "-->",
            "{%",
            "%}",
            "{{",
            "}}",
            "---\n",
            "+++\n",
            "https://",
            "x@y.io",
            "](",
            ")",
            "Zürich ",
            "日本語",
            "’16",
            "2019 – present",
            "Jan 2020 - Mar 2023",
            "09/2017–06/2019",
            "2030-13-45 - 1999",
            "é",
            "\t",
            "word ",
            "Languages: ",
            "|",
            "·",
            "CNNs",
            "quantized",
            "date_start: '2020-01-01'\n",
            "  - ",
        ];
        let mut state: u64 = 42;
        for _ in 0..400 {
            let mut text = String::new();
            let length = 1 + (state % 120) as usize;
            for _ in 0..length {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let piece = pieces[((state >> 33) % pieces.len() as u64) as usize];
                text.push_str(piece);
                if state % 7 == 0 {
                    text.push_str(&"long filler words ".repeat(12));
                }
            }
            for mention in scanner.scan(&text) {
                assert!(
                    mention.evidence.chars().count()
                        <= crate::extract::evidence::EVIDENCE_MAX_CHARS + 2
                );
                assert!(mention.start < mention.end && mention.end <= text.len());
            }
            let skills =
                crate::input::text::parse("fuzz.md", &text, catalog).expect("text always parses");
            if let Some(years) = skills.years_experience {
                assert!(years >= 0.0, "{years} in {text:?}");
            }
        }
    }

    #[test]
    fn negations_years_and_not_work_sentences() {
        assert!(is_negated("No prior "));
        assert!(is_negated("I have never used "));
        assert!(!is_negated("Reduced latency with no accuracy loss using "));
        assert!(!is_negated("No, but later I used "));
        assert_eq!(stated_years("", " (4 years)"), Some(4.0));
        assert_eq!(stated_years("", " (5+ yrs, expert)"), Some(5.0));
        assert_eq!(stated_years("5+ years of ", ""), Some(5.0));
        assert_eq!(
            stated_years("4 years of hands-on experience with ", ""),
            Some(4.0)
        );
        assert_eq!(stated_years("We used ", " (Pandas, NumPy)"), None);
        assert_eq!(
            ids("- No CUDA experience yet; all my work is on CPUs"),
            Vec::<String>::new()
        );
        assert_eq!(
            ids("- Sales rep for NVIDIA CUDA-enabled workstations"),
            Vec::<String>::new()
        );
        // A phrasing shows the concept; the same words outside the field do not.
        assert!(
            ids("- Wrote fused softmax kernels in CUDA with shared-memory tiling")
                .contains(&"kernel-optimization".to_string())
        );
        assert!(!ids("- Tuned Linux kernel network parameters with sysctl")
            .contains(&"kernel-optimization".to_string()));
    }
}
