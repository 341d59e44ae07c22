//! The table base that the Markdown and HTML renderers share, after hyperfine's
//! `src/export/markup.rs`: a table is its [`Column`]s and rows of cells whose text is already
//! escaped for the format; [`Markup`] says how one format writes a table's start, a row and its
//! end, and [`table`] writes a whole one. Every table of the Markdown and HTML reports (assess,
//! batch and diff) goes through it, so a column's alignment or a phone's cell label is decided in
//! one place.

/// One column of a table.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub header: &'static str,
    /// Numbers: right-aligned (Markdown `---:`, HTML `class="num"`).
    pub numeric: bool,
    /// The class of the column's header in HTML (`cat` is hidden on a phone), if any.
    pub header_class: Option<&'static str>,
    /// The class of the column's cells in HTML, if any.
    pub cell_class: Option<&'static str>,
    /// The short label a phone shows before each cell when HTML rows become blocks; the header
    /// when None.
    pub label: Option<&'static str>,
}

impl Column {
    pub const fn text(header: &'static str) -> Column {
        Column {
            header,
            numeric: false,
            header_class: None,
            cell_class: None,
            label: None,
        }
    }

    pub const fn number(header: &'static str) -> Column {
        Column {
            numeric: true,
            ..Column::text(header)
        }
    }

    /// A class for the header and the cells.
    pub const fn class(self, class: &'static str) -> Column {
        self.header_class(class).cell_class(class)
    }

    pub const fn header_class(self, class: &'static str) -> Column {
        Column {
            header_class: Some(class),
            ..self
        }
    }

    pub const fn cell_class(self, class: &'static str) -> Column {
        Column {
            cell_class: Some(class),
            ..self
        }
    }

    pub const fn label(self, label: &'static str) -> Column {
        Column {
            label: Some(label),
            ..self
        }
    }
}

/// One cell: its text, escaped for the format, and in HTML an extra class for this cell only
/// (a blocking gap's row).
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub text: String,
    pub class: Option<&'static str>,
}

impl Cell {
    pub fn marked(text: impl Into<String>, class: Option<&'static str>) -> Cell {
        Cell {
            text: text.into(),
            class,
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell { text, class: None }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::from(text.to_string())
    }
}

/// How one format writes a table (each piece ends with a newline).
pub trait Markup {
    /// The header, and whatever opens the table.
    fn table_start(&self, columns: &[Column], out: &mut String);
    fn table_row(&self, columns: &[Column], cells: &[Cell], out: &mut String);
    /// Whatever closes the table.
    fn table_end(&self, out: &mut String);
}

/// Writes a whole table.
pub fn table(markup: &dyn Markup, columns: &[Column], rows: &[Vec<Cell>], out: &mut String) {
    markup.table_start(columns, out);
    for row in rows {
        markup.table_row(columns, row, out);
    }
    markup.table_end(out);
}

/// A CommonMark (GitHub) pipe table.
pub struct Markdown;

impl Markup for Markdown {
    fn table_start(&self, columns: &[Column], out: &mut String) {
        let headers: Vec<Cell> = columns.iter().map(|c| Cell::from(c.header)).collect();
        self.table_row(columns, &headers, out);
        out.push('|');
        for column in columns {
            out.push_str(if column.numeric { "---:|" } else { "---|" });
        }
        out.push('\n');
    }

    fn table_row(&self, _columns: &[Column], cells: &[Cell], out: &mut String) {
        out.push('|');
        for cell in cells {
            out.push(' ');
            out.push_str(&cell.text);
            out.push_str(" |");
        }
        out.push('\n');
    }

    fn table_end(&self, _out: &mut String) {}
}

/// An HTML table of class `rows` (a block per row on a phone, each cell labelled), with more
/// classes after it (`compact`).
pub struct Html {
    pub class: &'static str,
}

impl Markup for Html {
    fn table_start(&self, columns: &[Column], out: &mut String) {
        out.push_str("<table class=\"");
        out.push_str(self.class);
        out.push_str("\">\n<thead><tr>");
        for column in columns {
            match (column.numeric, column.header_class) {
                (true, _) => out.push_str("<th class=\"num\">"),
                (false, Some(class)) => {
                    out.push_str("<th class=\"");
                    out.push_str(class);
                    out.push_str("\">");
                }
                (false, None) => out.push_str("<th>"),
            }
            out.push_str(column.header);
            out.push_str("</th>");
        }
        out.push_str("</tr></thead>\n<tbody>\n");
    }

    fn table_row(&self, columns: &[Column], cells: &[Cell], out: &mut String) {
        out.push_str("<tr>");
        for (column, cell) in columns.iter().zip(cells) {
            let classes: Vec<&str> = [
                column.numeric.then_some("num"),
                column.cell_class,
                cell.class,
            ]
            .into_iter()
            .flatten()
            .collect();
            out.push_str("<td");
            if !classes.is_empty() {
                out.push_str(" class=\"");
                out.push_str(&classes.join(" "));
                out.push('"');
            }
            out.push_str(" data-label=\"");
            out.push_str(column.label.unwrap_or(column.header));
            out.push_str("\">");
            out.push_str(&cell.text);
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }

    fn table_end(&self, out: &mut String) {
        out.push_str("</tbody>\n</table>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: [Column; 3] = [
        Column::number("Step"),
        Column::text("Skill"),
        Column::text("Category").class("cat").label("Area"),
    ];

    fn rows() -> Vec<Vec<Cell>> {
        vec![
            vec![
                "1".into(),
                Cell::marked("PyTorch", Some("blocking")),
                "".into(),
            ],
            vec!["2".into(), "JAX".into(), "Frameworks".into()],
        ]
    }

    #[test]
    fn markdown_tables_align_numbers() {
        let mut out = String::new();
        table(&Markdown, &COLUMNS, &rows(), &mut out);
        assert_eq!(
            out,
            "| Step | Skill | Category |\n|---:|---|---|\n| 1 | PyTorch |  |\n| 2 | JAX | Frameworks |\n"
        );
    }

    #[test]
    fn html_tables_label_every_cell_and_class_numbers() {
        let mut out = String::new();
        table(&Html { class: "rows" }, &COLUMNS, &rows(), &mut out);
        assert_eq!(
            out,
            "<table class=\"rows\">\n<thead><tr><th class=\"num\">Step</th><th>Skill</th><th class=\"cat\">Category</th></tr></thead>\n<tbody>\n\
<tr><td class=\"num\" data-label=\"Step\">1</td><td class=\"blocking\" data-label=\"Skill\">PyTorch</td><td class=\"cat\" data-label=\"Area\"></td></tr>\n\
<tr><td class=\"num\" data-label=\"Step\">2</td><td data-label=\"Skill\">JAX</td><td class=\"cat\" data-label=\"Area\">Frameworks</td></tr>\n\
</tbody>\n</table>\n"
        );
    }
}
