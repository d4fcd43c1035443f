//! Small helpers for reading JSON that every JSON codec shares: records of JSON Lines (or of a
//! stream of JSON values), typed fields with problems that name them, a value's type in words,
//! and syntax errors explained.

use serde_json::{Map, Value};

use super::problem::{ImportError, Problem};

/// A short name for a JSON value's type, for messages.
pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A JSON syntax error as a message, with what is likely behind it where serde_json's words
/// would not say: an escaped half of a surrogate pair is half an emoji cut off by a tool that
/// counts UTF-16 code units.
pub fn json_error(input: &str, error: &serde_json::Error) -> ImportError {
    let mut message = error.to_string();
    let lone_half = input.match_indices("\\u").any(|(at, _)| {
        let hex = input.get(at + 2..at + 6).unwrap_or("");
        let high = u16::from_str_radix(hex, 16).is_ok_and(|v| (0xD800..0xDC00).contains(&v));
        let followed = input.get(at + 6..at + 8) == Some("\\u");
        high && !followed
    });
    if lone_half {
        message.push_str("; the text holds half of a surrogate pair (an escaped \\uD8xx without its second half), as when a tool counting UTF-16 units cuts an emoji in two");
    }
    ImportError::Json(message)
}

/// The records of a JSON Lines file, with the line each starts on. A file that is a stream of
/// JSON values (records pretty-printed over several lines, as doccano's relation example is)
/// is read value by value; a REST API page (`{"results": [...]}`, doccano 1.0) gives its
/// results. Otherwise lines are read one by one and those that are not JSON objects become
/// problems.
pub fn records(text: &str, problems: &mut Vec<Problem>) -> Vec<(usize, Map<String, Value>)> {
    if let Some(values) = stream(text) {
        let single = matches!(values.as_slice(), [(_, Value::Object(_))]);
        let page = values
            .first()
            .and_then(|(_, v)| v.get("results")?.as_array());
        if let (true, Some(results)) = (single, page) {
            let objects: Option<Vec<_>> = results.iter().map(|r| r.as_object().cloned()).collect();
            if let Some(objects) = objects {
                return objects
                    .into_iter()
                    .enumerate()
                    .map(|(i, o)| (i + 1, o))
                    .collect();
            }
        }
        let objects: Option<Vec<_>> = values
            .into_iter()
            .map(|(line, v)| match v {
                Value::Object(record) => Some((line, record)),
                _ => None,
            })
            .collect();
        if let Some(objects) = objects {
            return objects;
        }
    }
    let mut records = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("line {}", index + 1);
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(record)) => records.push((index + 1, record)),
            Ok(_) => problems.push(Problem {
                at,
                message: "must be a JSON object".into(),
            }),
            Err(e) => problems.push(Problem {
                at,
                message: format!("is not valid JSON ({e})"),
            }),
        }
    }
    records
}

/// Every JSON value of `text` with the line it starts on, when the whole text is a stream of
/// values (one per line, or spread over lines); `None` at the first syntax error.
pub fn stream(text: &str) -> Option<Vec<(usize, Value)>> {
    let mut values = Vec::new();
    let mut reader = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    let (mut from, mut line) = (0, 1);
    while let Some(next) = reader.next() {
        let value = next.ok()?;
        let end = reader.byte_offset();
        let before = &text[from..end];
        let start = from + (before.len() - before.trim_start().len());
        line += text[from..start].matches('\n').count();
        values.push((line, value));
        line += text[start..end].matches('\n').count();
        from = end;
    }
    Some(values)
}

/// A signed integer field, or a problem.
pub fn integer(
    record: &Map<String, Value>,
    key: &str,
    at: &str,
    problems: &mut Vec<Problem>,
) -> Option<i64> {
    match record.get(key) {
        Some(Value::Number(n)) if n.as_i64().is_some() => n.as_i64(),
        Some(other) => {
            problems.push(Problem {
                at: at.to_string(),
                message: format!("\"{key}\" must be a whole number, found {other}"),
            });
            None
        }
        None => {
            problems.push(Problem {
                at: at.to_string(),
                message: format!("\"{key}\" is missing"),
            });
            None
        }
    }
}

pub fn string<'v>(record: &'v Map<String, Value>, key: &str) -> Option<&'v str> {
    record.get(key).and_then(Value::as_str)
}
