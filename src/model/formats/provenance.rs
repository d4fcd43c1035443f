//! The provenance object every format carries, written and read once here:
//! `{"status", "annotators", "agreement", "note"?, "reason"?, "group"?}` (docs/FORMAT.md).
//! The native format and spaCy hold it as an object, doccano as an object in a metadata list,
//! and W3C, Label Studio and brat as that object's compact JSON text.

use serde::Serialize;
use serde_json::{Map, Value};

use super::json::kind;
use super::skipped::Skipped;
use crate::model::provenance::{parse_agreement, Provenance, Reason, Status};

/// A provenance as files hold it; `note`, `reason` and `group` only when they have a value.
#[derive(Serialize)]
pub struct Encoded<'a> {
    status: &'static str,
    annotators: &'a [String],
    agreement: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    note: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<usize>,
}

pub fn encoded(provenance: &Provenance) -> Encoded<'_> {
    Encoded {
        status: provenance.status.id(),
        annotators: &provenance.annotators,
        agreement: &provenance.agreement,
        note: &provenance.note,
        reason: provenance.reason.map(Reason::id),
        group: provenance.status.group(),
    }
}

/// The object as one line of JSON (for formats that keep it in a text field).
pub fn to_text(provenance: &Provenance) -> String {
    // Serialising strings and integers cannot fail.
    serde_json::to_string(&encoded(provenance)).unwrap_or_default()
}

/// An optional string field (`null` counts as absent).
fn optional<'v>(object: &'v Map<String, Value>, key: &str) -> Result<Option<&'v str>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(other) => Err(format!("\"{key}\" must be a string, found {}", kind(other))),
    }
}

/// Reads a provenance object, or says what is wrong with it (the first problem).
pub fn read(value: &Value) -> Result<Provenance, String> {
    let Value::Object(object) = value else {
        return Err(format!("must be an object, found {}", kind(value)));
    };
    let status = optional(object, "status")?.ok_or("\"status\" is missing")?;
    let group = match object.get("group") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) if n.as_u64().is_some() => n.as_u64().map(|n| n as usize),
        Some(other) => return Err(format!("\"group\" must be a whole number, found {other}")),
    };
    let status = Status::from_id(status, group)?;
    let Some(Value::Array(names)) = object.get("annotators") else {
        return Err("\"annotators\" must be a list of names".into());
    };
    let mut annotators = Vec::with_capacity(names.len());
    for name in names {
        match name.as_str().map(str::trim) {
            Some(name) if !name.is_empty() => annotators.push(name.to_string()),
            _ => return Err(format!("\"annotators\" must be names, found {name}")),
        }
    }
    let agreement = optional(object, "agreement")?.ok_or("\"agreement\" is missing")?;
    let Some((k, n)) = parse_agreement(agreement) else {
        return Err(format!(
            "\"agreement\" must be \"k/n\" with k ≤ n (such as \"2/3\"), found {agreement:?}"
        ));
    };
    if k != annotators.len() {
        return Err(format!(
            "\"agreement\" {agreement:?} counts {k} of {n} annotators but {} are named",
            annotators.len()
        ));
    }
    let reason = optional(object, "reason")?
        .map(Reason::from_id)
        .transpose()?;
    Ok(Provenance {
        status,
        annotators,
        agreement: agreement.to_string(),
        note: optional(object, "note")?.unwrap_or_default().to_string(),
        reason,
    })
}

/// Reads a provenance kept as JSON text.
pub fn read_text(text: &str) -> Result<Provenance, String> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| format!("is not a JSON object ({e})"))?;
    read(&value)
}

/// A foreign file's provenance, when it has one: one that does not read is left out and
/// counted in a warning (the annotation itself is kept).
pub(super) fn lenient(
    found: Option<Result<Provenance, String>>,
    skipped: &mut Skipped,
) -> Option<Provenance> {
    match found? {
        Ok(provenance) => Some(provenance),
        Err(_) => {
            skipped.add(
                "provenance that does not read as claimmark's",
                "provenances that do not read as claimmark's",
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(value: Value, expected: Result<&str, &str>) {
        match (read(&value), expected) {
            (Ok(got), Ok(text)) => assert_eq!(to_text(&got), text),
            (Err(got), Err(want)) => assert!(got.contains(want), "{got:?} lacks {want:?}"),
            (got, want) => panic!("{value}: got {got:?}, expected {want:?}"),
        }
    }

    #[test]
    fn provenance_objects_are_checked() {
        let ok = r#"{"status":"majority","annotators":["ana","بن"],"agreement":"2/3"}"#;
        check(serde_json::from_str(ok).unwrap(), Ok(ok));
        let full = r#"{"status":"conflict","annotators":["ana"],"agreement":"1/2","note":"👨🏻‍🚒 hm","reason":"boundary","group":4}"#;
        check(serde_json::from_str(full).unwrap(), Ok(full));
        let with = |key: &str, value: Value| {
            let mut base = json!({"status": "single", "annotators": ["ana"], "agreement": "1/1"});
            base[key] = value;
            base
        };
        check(
            with("note", Value::Null),
            Ok(r#"{"status":"single","annotators":["ana"],"agreement":"1/1"}"#),
        );
        check(json!([]), Err("must be an object, found a list"));
        check(
            with("status", json!("gold")),
            Err("\"status\" must be one of"),
        );
        check(with("status", json!(1)), Err("\"status\" must be a string"));
        check(
            with("group", json!(2)),
            Err("only a conflict has a \"group\""),
        );
        check(
            with("group", json!(-2)),
            Err("\"group\" must be a whole number"),
        );
        check(
            with("annotators", json!("ana")),
            Err("\"annotators\" must be a list"),
        );
        check(
            with("annotators", json!([" "])),
            Err("\"annotators\" must be names"),
        );
        check(
            with("agreement", json!("2/1")),
            Err("\"agreement\" must be \"k/n\""),
        );
        check(
            with("agreement", json!("2/2")),
            Err("counts 2 of 2 annotators but 1 are named"),
        );
        check(
            with("reason", json!("typo")),
            Err("\"reason\" must be one of guideline-gap"),
        );
        assert!(read_text("{").unwrap_err().contains("is not a JSON object"));
    }
}
