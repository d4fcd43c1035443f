//! The careful reader's record of what it found: problems (each naming its record and field)
//! and warnings, and the typed fields it reads from JSON values, checked as it goes.

use serde_json::{Map, Value};

use super::rules;
use crate::model::annotation::{AnnotationId, Suggested};
use crate::model::formats::json::kind;
use crate::model::formats::problem::Problem;
use crate::model::span::Span;
use crate::model::text::Text;

/// Collects problems while reading.
pub(super) struct Reader {
    pub problems: Vec<Problem>,
    pub warnings: Vec<String>,
    /// The annotations marked as suggested.
    pub suggested: Vec<(AnnotationId, Suggested)>,
}

impl Reader {
    pub fn problem(&mut self, at: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            at: at.to_string(),
            message: message.into(),
        });
    }

    /// A string field, or `None` (with a problem recorded when it is present but not a string,
    /// or absent and `required`).
    pub fn string(
        &mut self,
        object: &Map<String, Value>,
        at: &str,
        key: &str,
        required: bool,
    ) -> Option<String> {
        match object.get(key) {
            Some(Value::String(s)) => Some(s.clone()),
            None | Some(Value::Null) if !required => None,
            None => {
                self.problem(at, format!("\"{key}\" is missing"));
                None
            }
            Some(other) => {
                self.problem(
                    at,
                    format!("\"{key}\" must be a string, found {}", kind(other)),
                );
                None
            }
        }
    }

    /// A code point offset: a non-negative integer.
    pub fn offset(&mut self, object: &Map<String, Value>, at: &str, key: &str) -> Option<usize> {
        match object.get(key) {
            Some(Value::Number(n)) => match n.as_u64().and_then(|n| usize::try_from(n).ok()) {
                Some(n) => Some(n),
                None => {
                    self.problem(
                        at,
                        format!("\"{key}\" must be a whole number ≥ 0, found {n}"),
                    );
                    None
                }
            },
            None => {
                self.problem(at, format!("\"{key}\" is missing"));
                None
            }
            Some(other) => {
                self.problem(
                    at,
                    format!(
                        "\"{key}\" must be a whole number ≥ 0, found {}",
                        kind(other)
                    ),
                );
                None
            }
        }
    }

    /// A span from `start`/`end` fields, checked by the format's rules (`rules::span`).
    pub fn checked_span(
        &mut self,
        object: &Map<String, Value>,
        at: &str,
        text: &Text,
        quote: Option<&str>,
    ) -> Option<Span> {
        let start = self.offset(object, at, "start");
        let end = self.offset(object, at, "end");
        let (start, end) = (start?, end?);
        rules::span(text, start, end, quote)
            .map_err(|message| self.problem(at, message))
            .ok()
    }

    /// An array field; absent or null gives an empty list.
    pub fn array<'v>(&mut self, object: &'v Map<String, Value>, key: &str) -> &'v [Value] {
        match object.get(key) {
            Some(Value::Array(items)) => items,
            None | Some(Value::Null) => &[],
            Some(other) => {
                self.problem(key, format!("must be a list, found {}", kind(other)));
                &[]
            }
        }
    }
}
