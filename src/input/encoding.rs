//! Turning an input's bytes into text, and the size limits that keep a hostile input from taking
//! minutes: UTF-8 (a byte-order mark dropped), UTF-16 with a byte-order mark (decoded), and clear
//! errors for the rest — UTF-16 without a mark, Latin-1 and other legacy encodings, binary data.

use std::path::Path;

use super::lenient::byte_position;
use super::InputError;

/// The largest input read at all. A skills file or résumé is kilobytes; this leaves room for a
/// JSON Resume with an embedded photo.
pub const MAX_INPUT_BYTES: u64 = 8 * 1024 * 1024;

/// The largest plain-text résumé scanned: about 600 pages of text.
pub const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;

/// "1.5 MiB", "300 KiB", for messages about sizes.
pub fn human_size(bytes: u64) -> String {
    const MIB: f64 = 1024.0 * 1024.0;
    let bytes = bytes as f64;
    if bytes >= MIB {
        format!("{:.1} MiB", bytes / MIB)
    } else {
        format!("{:.0} KiB", (bytes / 1024.0).ceil())
    }
}

/// A size and the limit it is over, for a message: in bytes when both would read the same rounded
/// ("8.0 MiB … at most 8.0 MiB" says nothing).
fn size_and_limit(size: u64, limit: u64) -> (String, String) {
    let (shown, most) = (human_size(size), human_size(limit));
    if shown == most {
        (format!("{size} bytes"), format!("{limit} bytes ({most})"))
    } else {
        (shown, most)
    }
}

/// The error for an input over [`MAX_INPUT_BYTES`]. `size` is the file's size, or one more than
/// the limit when only that much was read (standard input).
pub fn too_large(source_name: &str, size: u64) -> InputError {
    InputError::invalid(
        source_name,
        if size == MAX_INPUT_BYTES + 1 {
            format!(
                "is too large (more than {}); expected a skills file or résumé of at most that",
                human_size(MAX_INPUT_BYTES)
            )
        } else {
            let (size, limit) = size_and_limit(size, MAX_INPUT_BYTES);
            format!("is too large ({size}); expected a skills file or résumé of at most {limit}")
        },
    )
}

/// Checks that a text résumé is small enough to scan.
pub fn check_text_size(source_name: &str, text: &str) -> Result<(), InputError> {
    if text.len() > MAX_TEXT_BYTES {
        let (size, limit) = size_and_limit(text.len() as u64, MAX_TEXT_BYTES as u64);
        return Err(InputError::invalid(
            source_name,
            format!("is too large for a text résumé ({size}); expected at most {limit}"),
        ));
    }
    Ok(())
}

/// A prose field of a JSON input (a JSON Resume summary, a posting's description) cut to
/// [`MAX_TEXT_BYTES`], the most of a text résumé that is scanned, at a character boundary: a JSON
/// input may be four times that. When the field is cut, also what to say after its name in a
/// warning ("is too long to scan whole …").
pub fn capped_prose(text: &str) -> (&str, Option<String>) {
    if text.len() <= MAX_TEXT_BYTES {
        return (text, None);
    }
    let mut end = MAX_TEXT_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let warning = format!(
        "is too long to scan whole ({}); only its first {} was read",
        human_size(text.len() as u64),
        human_size(MAX_TEXT_BYTES as u64)
    );
    (&text[..end], Some(warning))
}

fn syntax(source_name: &str, (line, column): (usize, usize), message: &str) -> InputError {
    InputError::Syntax {
        source_name: source_name.to_string(),
        line,
        column,
        message: message.to_string(),
    }
}

/// Which UTF-16 byte order `bytes` look like without a byte-order mark: ASCII-heavy UTF-16 has a
/// zero in every other byte.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static str> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if zero_odd * 10 >= pairs * 4 && zero_even * 10 < pairs {
        Some("UTF-16LE")
    } else if zero_even * 10 >= pairs * 4 && zero_odd * 10 < pairs {
        Some("UTF-16BE")
    } else {
        None
    }
}

fn decode_utf16(
    source_name: &str,
    bytes: &[u8],
    from_bytes: fn([u8; 2]) -> u16,
) -> Result<String, InputError> {
    if bytes.len() % 2 != 0 {
        return Err(InputError::invalid(
            source_name,
            "UTF-16 text with an odd number of bytes: the file is truncated; save it as UTF-8",
        ));
    }
    let units = bytes
        .chunks_exact(2)
        .map(|pair| from_bytes([pair[0], pair[1]]));
    let mut text = String::with_capacity(bytes.len() / 2);
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(c) => text.push(c),
            Err(_) => {
                let line = text.matches('\n').count() + 1;
                let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                return Err(syntax(
                    source_name,
                    (line, column),
                    "invalid UTF-16 (an unpaired surrogate); save the file as UTF-8",
                ));
            }
        }
    }
    Ok(text)
}

/// A document format people save résumés and postings in that is not text, named from the file's
/// first bytes, with how to turn it into text. A position in such a file means nothing, so the
/// error has none.
fn document_format(source_name: &str, bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let has = |needle: &[u8]| memchr::memmem::find(head, needle).is_some();
    // The text file to write: beside the input, never the input itself (`cv.txt` holding a PDF).
    let target = if source_name == "-" {
        "cv.txt".to_string()
    } else {
        let path = Path::new(source_name);
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        let beside = |suffix: &str| {
            let name = format!("{stem}{suffix}");
            path.with_file_name(name).to_string_lossy().into_owned()
        };
        Some(beside(".txt"))
            .filter(|txt| txt != source_name)
            .unwrap_or_else(|| beside("-text.txt"))
    };
    let target = &shell_word(&target);
    let source_name = &shell_word(source_name);
    let (what, how) = if bytes.starts_with(b"%PDF-") {
        (
            "a PDF document",
            format!("`pdftotext -layout {source_name} {target}` (poppler-utils), or copy the text into a .txt file"),
        )
    } else if bytes.starts_with(b"PK\x03\x04") {
        let what = if has(b"word/") {
            "a Word document (.docx)"
        } else if has(b"application/vnd.oasis.opendocument.text") {
            "an OpenDocument text (.odt)"
        } else if has(b"Index/Document.iwa") {
            "a Pages document"
        } else {
            "a ZIP archive"
        };
        (
            what,
            format!("in your editor, Save As \u{2192} Plain Text (.txt); or `pandoc {source_name} -t plain -o {target}`"),
        )
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        (
            "a Word 97\u{2013}2003 document (.doc)",
            format!("in your editor, Save As \u{2192} Plain Text (.txt); or `libreoffice --headless --convert-to txt {source_name}`"),
        )
    } else if bytes.starts_with(b"{\\rtf") {
        (
            "an RTF document",
            format!("in your editor, Save As \u{2192} Plain Text (.txt); or `pandoc {source_name} -t plain -o {target}`"),
        )
    } else if bytes.starts_with(b"\x89PNG") || bytes.starts_with(b"\xFF\xD8\xFF") {
        (
            "an image",
            "a scanned résumé needs its text typed or recognised (OCR) into a .txt file"
                .to_string(),
        )
    } else {
        return None;
    };
    Some(format!(
        "is {what}, not text; skillgap reads skills JSON, JSON Resume and plain-text or Markdown. Convert it first: {how}"
    ))
}

/// `name` as one shell word: quoted when it holds anything but letters, digits and `._-/+@`.
fn shell_word(name: &str) -> String {
    let plain = |c: char| c.is_alphanumeric() || "._-/+@".contains(c);
    if !name.is_empty() && name.chars().all(plain) {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', "'\\''"))
    }
}

/// Decodes input bytes to text: UTF-8 (a byte-order mark dropped) or UTF-16 with a byte-order mark.
/// NUL bytes are refused: text and JSON never contain them, binary files do. PDF, Word and other
/// document formats are named, with how to convert them.
pub fn decode(source_name: &str, bytes: &[u8]) -> Result<String, InputError> {
    if let Some(message) = document_format(source_name, bytes) {
        return Err(InputError::invalid(source_name, message));
    }
    let text = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        decode_utf16(source_name, rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        decode_utf16(source_name, rest, u16::from_be_bytes)?
    } else {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if let Some(kind) = bomless_utf16(bytes) {
            return Err(InputError::invalid(
                source_name,
                format!(
                    "looks like {kind} text without a byte-order mark; save it as UTF-8 (or UTF-16 with a byte-order mark)"
                ),
            ));
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => text.to_string(),
            Err(e) => {
                let offset = e.valid_up_to();
                let byte = bytes[offset];
                let binary = bytes.iter().take(8192).any(|&b| b == 0);
                let message = if binary {
                    "not text: this looks like a binary file; expected a skills JSON, JSON Resume or text résumé".to_string()
                } else {
                    format!(
                        "not UTF-8 text (byte 0x{byte:02X}; Latin-1 or Windows-1252?); save the file as UTF-8"
                    )
                };
                return Err(syntax(source_name, byte_position(bytes, offset), &message));
            }
        }
    };
    if let Some(offset) = text.find('\0') {
        return Err(syntax(
            source_name,
            byte_position(text.as_bytes(), offset),
            "contains a NUL byte: this looks like a binary file; expected a skills JSON, JSON Resume or text résumé",
        ));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str, bom: bool) -> Vec<u8> {
        let mut bytes = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    #[test]
    fn sizes_just_over_a_limit_are_shown_in_bytes() {
        let message = too_large("big.json", MAX_INPUT_BYTES + 100).to_string();
        assert!(
            message.contains("(8388708 bytes)") && message.contains("8388608 bytes (8.0 MiB)"),
            "{message}"
        );
        let message = too_large("big.json", 20 * 1024 * 1024).to_string();
        assert!(message.contains("(20.0 MiB)") && message.contains("at most 8.0 MiB"));
        let text = "a".repeat(MAX_TEXT_BYTES + 1);
        let message = check_text_size("cv.md", &text)
            .expect_err("too large")
            .to_string();
        assert!(message.contains("2097153 bytes"), "{message}");
    }

    #[test]
    fn utf16_with_a_mark_is_decoded() {
        let text = "{\"skills\": [\"PyTorch\", \"Café\"]}";
        assert_eq!(decode("a", &utf16le(text, true)).expect("decodes"), text);
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode("a", &be).expect("decodes"), text);
    }

    #[test]
    fn utf16_without_a_mark_is_named() {
        let message = decode("a.json", &utf16le("{\"skills\": []}", false))
            .expect_err("refused")
            .to_string();
        assert!(message.contains("UTF-16LE"), "{message}");
    }

    #[test]
    fn latin1_and_binary_and_nul() {
        let message = decode("cv.txt", b"Skills:\nCaf\xe9 and PyTorch")
            .expect_err("refused")
            .to_string();
        assert!(
            message.starts_with("cv.txt:2:4: not UTF-8 text (byte 0xE9"),
            "{message}"
        );
        let message = decode("x", b"\x7fELF\x02\x01\x01\x00\x00\xff\xfe\x00")
            .expect_err("refused")
            .to_string();
        assert!(message.contains("binary file"), "{message}");
        let message = decode("x", b"PyTorch\n\0JAX")
            .expect_err("refused")
            .to_string();
        assert!(
            message.starts_with("x:2:1: contains a NUL byte"),
            "{message}"
        );
    }

    #[test]
    fn odd_and_broken_utf16() {
        assert!(decode("x", &[0xFF, 0xFE, 0x41]).is_err());
        // An unpaired high surrogate.
        assert!(decode("x", &[0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00]).is_err());
    }
}
