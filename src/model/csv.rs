//! The one CSV writer of claimmark (the statistics table, the review's scores): RFC 4180 —
//! comma-separated, CRLF line ends, a field quoted only when it holds a comma, a quote or a
//! line break — and safe to open in a spreadsheet: a text cell that starts with `=`, `+`, `-`,
//! `@`, a tab or a carriage return (which a spreadsheet would run as a formula) gets a leading
//! `'` and quotes, as OWASP advises. Numbers are written as they are.

/// One cell of a CSV record.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text from anywhere (a name, a label, a note): neutralised when it looks like a formula.
    Text(String),
    /// A number claimmark computed.
    Number(String),
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell::Text(text.into())
    }

    pub fn number(number: impl ToString) -> Cell {
        Cell::Number(number.to_string())
    }
}

/// Writes records one by one.
#[derive(Debug, Default)]
pub struct Csv {
    out: String,
}

/// Whether a spreadsheet would read `text` as the start of a formula.
fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

impl Csv {
    pub fn new() -> Csv {
        Csv::default()
    }

    /// Appends one record and its CRLF.
    pub fn record(&mut self, cells: impl IntoIterator<Item = Cell>) {
        for (i, cell) in cells.into_iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            match cell {
                Cell::Number(number) => self.out.push_str(&number),
                Cell::Text(text) if looks_like_formula(&text) => {
                    self.out.push_str("\"'");
                    self.out.push_str(&text.replace('"', "\"\""));
                    self.out.push('"');
                }
                Cell::Text(text) if text.contains([',', '"', '\r', '\n']) => {
                    self.out.push('"');
                    self.out.push_str(&text.replace('"', "\"\""));
                    self.out.push('"');
                }
                Cell::Text(text) => self.out.push_str(&text),
            }
        }
        self.out.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(cells: Vec<Cell>, expected: &str) {
        let mut csv = Csv::new();
        csv.record(cells);
        assert_eq!(csv.finish(), expected);
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        check(
            vec![
                Cell::text("plain"),
                Cell::text("a,b"),
                Cell::text("say \"hi\""),
                Cell::text("two\nlines"),
                Cell::text(""),
            ],
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n",
        );
        check(
            vec![
                Cell::text("Захарова"),
                Cell::text("زاخاروفا 🙂"),
                Cell::number(0.25),
            ],
            "Захарова,زاخاروفا 🙂,0.25\r\n",
        );
    }

    #[test]
    fn formulas_from_users_are_neutralised() {
        check(
            vec![Cell::text("=HYPERLINK(\"http://x\",\"grade\")")],
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"grade\"\")\"\r\n",
        );
        check(
            vec![Cell::text("+1"), Cell::text("-2"), Cell::text("@SUM(A1)")],
            "\"'+1\",\"'-2\",\"'@SUM(A1)\"\r\n",
        );
        check(
            vec![Cell::text("\tcmd"), Cell::text("\rx"), Cell::number(-3)],
            "\"'\tcmd\",\"'\rx\",-3\r\n",
        );
        check(
            vec![Cell::text("a=b"), Cell::text("e-mail")],
            "a=b,e-mail\r\n",
        );
    }
}
