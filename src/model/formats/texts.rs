//! Plain texts to open as documents: a `.txt` file is one document titled by its file name;
//! a JSON Lines file holds one `{"text", "title"?}` per line.

use serde_json::Value;

use super::files::{text_of, InputFile};
use super::problem::{ImportError, Problem};
use crate::model::boundaries::truncate;
use crate::model::text::{Document, UNTITLED};

/// The title for a text without one: its first non-blank line, shortened to 60 characters
/// (whole grapheme clusters).
pub fn title_from_text(text: &str) -> String {
    let first = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or(UNTITLED)
        .trim();
    match truncate(first, 60) {
        (title, true) => format!("{title}…"),
        (title, false) => title.to_string(),
    }
}

/// The documents in `files`; every problem is reported with its file and line.
pub fn documents(files: &[InputFile]) -> Result<Vec<Document>, ImportError> {
    let mut documents = Vec::new();
    let mut problems = Vec::new();
    for file in files {
        let text = text_of(file)?;
        let (stem, extension) = file.name.rsplit_once('.').unwrap_or((&file.name, ""));
        if !matches!(
            extension.to_ascii_lowercase().as_str(),
            "jsonl" | "ndjson" | "json"
        ) {
            documents.push(Document::new(stem, text));
            continue;
        }
        for (number, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let at = format!("{} line {}", file.name, number + 1);
            let record: Value = match serde_json::from_str(line) {
                Ok(record) => record,
                Err(e) => {
                    problems.push(Problem {
                        at,
                        message: format!("is not valid JSON ({e})"),
                    });
                    continue;
                }
            };
            match record.get("text").and_then(Value::as_str) {
                Some(body) => {
                    let title = record
                        .get("title")
                        .and_then(Value::as_str)
                        .map_or_else(|| title_from_text(body), str::to_string);
                    documents.push(Document::new(title, body));
                }
                None => problems.push(Problem {
                    at,
                    message: "needs a \"text\" string".into(),
                }),
            }
        }
    }
    if !problems.is_empty() {
        return Err(ImportError::Invalid(problems));
    }
    if documents.is_empty() {
        return Err(ImportError::Invalid(vec![Problem {
            at: "open".into(),
            message: "there is no text to open".into(),
        }]));
    }
    Ok(documents)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, contents: &str) -> InputFile {
        InputFile {
            name: name.into(),
            bytes: contents.as_bytes().to_vec(),
        }
    }

    #[test]
    fn texts_and_json_lines_become_documents() {
        let docs = documents(&[
            file("Kabul 🙂.txt", "\u{feff}Kabul accused Islamabad.\r\n"),
            file("more.jsonl", "{\"text\": \"One “two”.\", \"title\": \"First\"}\n\n{\"text\": \"Untitled text here\"}\n"),
        ])
        .unwrap();
        let titles: Vec<&str> = docs.iter().map(|d| d.title.as_str()).collect();
        assert_eq!(titles, ["Kabul 🙂", "First", "Untitled text here"]);
        assert_eq!(
            docs[0].text.as_str(),
            "Kabul accused Islamabad.\r\n",
            "the byte order mark is dropped, CRLF kept"
        );
    }

    #[test]
    fn bad_lines_are_reported_by_line() {
        let error = documents(&[file(
            "x.jsonl",
            "{\"text\": \"ok\"}\n{\"title\": \"no text\"}\nnot json\n",
        )])
        .unwrap_err();
        let message = error.to_string();
        assert!(
            message.contains("x.jsonl line 2: needs a \"text\" string"),
            "{message}"
        );
        assert!(
            message.contains("x.jsonl line 3: is not valid JSON"),
            "{message}"
        );
    }
}
