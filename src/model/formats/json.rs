//! Small helpers for reading JSON that every JSON codec shares: records of JSON Lines, typed
//! fields with problems that name them, a value's type in words, and syntax errors explained.

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

/// The records of a JSON Lines file (or of a file holding one JSON object), with their line
/// numbers; lines that are not JSON objects become problems.
pub fn records(text: &str, problems: &mut Vec<Problem>) -> Vec<(usize, Map<String, Value>)> {
    if let Ok(Value::Object(single)) = serde_json::from_str::<Value>(text) {
        return vec![(1, single)];
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
