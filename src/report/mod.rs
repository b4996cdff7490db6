//! The data behind the report commands (`info`, `gap`, `recover --list`…) and one writer per
//! output format, so every command speaks `--format table|csv|json|md` the same way.
//!
//! A report is a [`Table`]: columns with a stable key (JSON field names, never translated) and
//! a title for people (table, CSV and Markdown headers), and rows of typed [`Value`]s.

pub mod gap;
pub mod info;
pub mod roadmap;

use crate::i18n::strings::plain_number as number;
use serde_json::json;
use std::fmt::Write as _;

/// How a report is written: the one `--format` every report command shares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns for a terminal.
    Table,
    /// Comma-separated values with a header row, for spreadsheets.
    Csv,
    /// An array of objects with stable English keys, for scripts.
    Json,
    /// A Markdown table, for reports.
    Md,
}

impl Format {
    /// Every report format, in the order `--help` lists them.
    pub const ALL: [Format; 4] = [Format::Table, Format::Csv, Format::Json, Format::Md];

    /// The format's name on the command line (`--format csv`).
    pub fn id(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Md => "md",
        }
    }
}

/// One cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Int(i64),
    Num(f64),
    /// Several short texts (moments, pain points…).
    List(Vec<String>),
    /// A value with a stable identifier for JSON (`quick_win`) and words for people.
    Key(&'static str, &'static str),
    /// Yes or no: `true` / `false` in JSON, the language's words for people.
    Flag(bool),
    /// A difference: written with its sign for people (+2, −1.5), a plain number otherwise.
    Signed(f64),
    /// Not known or not applicable.
    None,
}

impl Value {
    /// The cell as a machine reads it (CSV): numbers with a decimal point.
    pub fn display(&self) -> String {
        match self {
            Value::Num(n) | Value::Signed(n) => number(*n),
            other => other.for_people(),
        }
    }

    /// The cell as people read it in a table: numbers as the language writes them.
    pub fn for_people(&self) -> String {
        match self {
            Value::Text(text) => text.clone(),
            Value::Int(n) => n.to_string(),
            Value::Num(n) if *n < 0.0 => format!("−{}", crate::i18n::strings::number(-n)),
            Value::Num(n) => crate::i18n::strings::number(*n),
            Value::Signed(n) if *n > 0.0 => format!("+{}", crate::i18n::strings::number(*n)),
            Value::Signed(n) => Value::Num(*n).for_people(),
            Value::List(items) => items.join("; "),
            Value::Key(_, words) => (*words).to_owned(),
            Value::Flag(true) => crate::i18n::strings::answer_yes().to_owned(),
            Value::Flag(false) => crate::i18n::strings::answer_no().to_owned(),
            Value::None => String::new(),
        }
    }

    fn json(&self) -> serde_json::Value {
        match self {
            Value::Text(text) => json!(text),
            Value::Int(n) => json!(n),
            Value::Num(n) | Value::Signed(n) => json!(n),
            Value::List(items) => json!(items),
            Value::Key(key, _) => json!(key),
            Value::Flag(flag) => json!(flag),
            Value::None => serde_json::Value::Null,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub key: &'static str,
    pub title: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    pub fn new(columns: impl IntoIterator<Item = (&'static str, String)>) -> Self {
        Table {
            columns: columns
                .into_iter()
                .map(|(key, title)| Column { key, title })
                .collect(),
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<Value>) {
        debug_assert_eq!(row.len(), self.columns.len());
        self.rows.push(row);
    }

    /// The rows as JSON objects keyed by the columns' keys.
    pub fn json_rows(&self) -> Vec<serde_json::Value> {
        self.rows
            .iter()
            .map(|row| {
                let object: serde_json::Map<String, serde_json::Value> = self
                    .columns
                    .iter()
                    .zip(row)
                    .map(|(c, v)| (c.key.to_owned(), v.json()))
                    .collect();
                serde_json::Value::Object(object)
            })
            .collect()
    }

    /// The table in `format`, ending with a newline.
    /// As [`Self::write`], but a table for people with no rows says `empty` instead of
    /// showing bare headings; scripts (CSV, JSON) still get their empty table.
    pub fn write_or(&self, format: Format, empty: &str) -> String {
        match format {
            Format::Table | Format::Md if self.rows.is_empty() => format!("{empty}\n"),
            _ => self.write(format),
        }
    }

    pub fn write(&self, format: Format) -> String {
        match format {
            Format::Table => self.plain(),
            Format::Csv => self.csv(),
            Format::Json => {
                let mut text = serde_json::to_string_pretty(&self.json_rows())
                    .expect("report values always serialise");
                text.push('\n');
                text
            }
            Format::Md => self.markdown(),
        }
    }

    fn cells(&self) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|row| row.iter().map(|v| single_line(&v.for_people())).collect())
            .collect()
    }

    fn plain(&self) -> String {
        let cells = self.cells();
        let titles: Vec<String> = self.columns.iter().map(|c| c.title.clone()).collect();
        let widths: Vec<usize> = (0..self.columns.len())
            .map(|i| {
                std::iter::once(&titles[i])
                    .chain(cells.iter().map(|row| &row[i]))
                    .map(|t| t.chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        let mut line = |row: &[String]| {
            let mut text = String::new();
            for (i, cell) in row.iter().enumerate() {
                if i > 0 {
                    text.push_str("  ");
                }
                text.push_str(cell);
                if i + 1 < row.len() {
                    text.extend(std::iter::repeat_n(' ', widths[i] - cell.chars().count()));
                }
            }
            out.push_str(text.trim_end());
            out.push('\n');
        };
        line(&titles);
        let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
        line(&rule);
        for row in &cells {
            line(row);
        }
        out
    }

    fn csv(&self) -> String {
        let mut writer = csv::Writer::from_writer(Vec::new());
        let titles = self.columns.iter().map(|c| c.title.as_str());
        let _ = writer.write_record(titles);
        for row in &self.rows {
            let _ = writer.write_record(row.iter().map(Value::display));
        }
        let bytes = writer.into_inner().unwrap_or_default();
        String::from_utf8(bytes).expect("CSV of UTF-8 text is UTF-8")
    }

    fn markdown(&self) -> String {
        let escape = |text: &str| single_line(text).replace('|', "\\|");
        let mut out = String::new();
        let titles: Vec<String> = self.columns.iter().map(|c| escape(&c.title)).collect();
        let _ = writeln!(out, "| {} |", titles.join(" | "));
        let _ = writeln!(out, "|{}|", vec!["---"; self.columns.len()].join("|"));
        for row in &self.rows {
            let cells: Vec<String> = row.iter().map(|v| escape(&v.for_people())).collect();
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
        out
    }
}

/// A time as `2026-11-23 14:05 UTC`, from seconds since 1970.
pub fn utc_time(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let (hour, minute) = ((secs % 86_400) / 3600, (secs % 3600) / 60);
    // Civil date from days since 1970-01-01 (the proleptic Gregorian calendar).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02} UTC")
}

/// Line breaks and tabs as spaces: one row stays one line.
fn single_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        let mut table = Table::new([("stage", "Stage".into()), ("gap", "Gap".into())]);
        table.push(vec![Value::Text("Pedir, \"ya\"".into()), Value::Num(1.5)]);
        table.push(vec![Value::Text("a|b\nc".into()), Value::None]);
        table
    }

    #[test]
    fn every_format_keeps_every_cell() {
        let table = sample();
        let plain = table.write(Format::Table);
        assert!(plain.starts_with("Stage"), "{plain}");
        assert!(plain.contains("Pedir, \"ya\"  1.5"), "{plain}");
        let csv = table.write(Format::Csv);
        assert_eq!(csv.lines().next(), Some("Stage,Gap"));
        assert!(csv.contains("\"Pedir, \"\"ya\"\"\",1.5"), "{csv}");
        let json: serde_json::Value = serde_json::from_str(&table.write(Format::Json)).unwrap();
        assert_eq!(json[0]["gap"], 1.5);
        assert_eq!(json[1]["gap"], serde_json::Value::Null);
        assert_eq!(json[1]["stage"], "a|b\nc");
        let md = table.write(Format::Md);
        assert!(md.contains("| a\\|b c |  |"), "{md}");
        assert_eq!(md.lines().nth(1), Some("|---|---|"));
    }

    #[test]
    fn utc_times() {
        assert_eq!(utc_time(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc_time(1_795_437_000), "2026-11-23 12:30 UTC");
        assert_eq!(utc_time(951_782_400), "2000-02-29 00:00 UTC");
    }

    #[test]
    fn numbers_drop_needless_decimals() {
        assert_eq!(number(30.0), "30");
        assert_eq!(number(-1.5), "-1.5");
        assert_eq!(number(0.333), "0.33");
    }
}
