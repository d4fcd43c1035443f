//! Classroom exercises: a document, its labels, instructions and an optional answer key, as a
//! `.claimmark-exercise.json` file or packed into a link's fragment.
//!
//! The file embeds a native v1 file (`material`) whose annotations are the key, so it is read
//! with the same checks as any import. The note on a key's annotation is its explanation:
//! students who check their work see it beside what they missed or labelled otherwise when
//! the teacher allows it (`explain`, off unless the file says `"explain": true`, so notes
//! written before explanations existed stay the teacher's). A link carries the same JSON, deflated and base64url
//! encoded, after `#exercise=`. The exercise id is derived from the content, so a student who
//! opens the same exercise twice finds their work again. Whether students may ask for
//! suggested annotations (`allow_suggestions`) is off unless the teacher allows it; the file
//! says it only when it is on, so exercises made before it keep their ids.

use serde_json::{json, Value};

use super::formats::native;
use super::formats::{json_error, ImportError, Problem};
use super::review::{check_marks, Check};
use super::text::content_id;
use super::workspace::{ExerciseLink, Workspace};

pub const FORMAT: &str = "claimmark-exercise";
/// What precedes the packed exercise in a link's fragment.
pub const FRAGMENT_PREFIX: &str = "exercise=";
/// Longest link fragment offered; longer exercises travel as files.
pub const MAX_LINK_CHARS: usize = 8000;
/// Largest exercise a link may unpack to.
const MAX_UNPACKED_BYTES: usize = 16 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq)]
pub struct Exercise {
    pub id: String,
    pub instructions: String,
    pub allow_check: bool,
    /// Whether checking shows the key's notes as explanations (only with `allow_check`).
    pub explain: bool,
    /// Whether students may ask for suggested annotations (off by default).
    pub allow_suggestions: bool,
    /// The document and labels; its annotations are the answer key (possibly none).
    pub material: Workspace,
}

impl Exercise {
    /// An exercise on `material` (its annotations become the key unless `with_key` is false).
    pub fn new(
        mut material: Workspace,
        instructions: &str,
        allow_check: bool,
        with_key: bool,
    ) -> Exercise {
        if !with_key {
            material = Workspace::from_parts(
                material.document.clone(),
                material.labels.clone(),
                material.sources.clone(),
                Vec::new(),
            );
        }
        material.done = false;
        // What suggestions learned from the teacher's answers is not part of the exercise.
        material.suggester = None;
        material.annotator = if with_key {
            "Answer key".into()
        } else {
            String::new()
        };
        material.exercise = None;
        Exercise {
            id: String::new(),
            instructions: instructions.trim().to_string(),
            allow_check: allow_check && with_key,
            explain: false,
            allow_suggestions: false,
            material,
        }
        .identified()
    }

    /// The exercise with suggestions allowed to students or not (its id follows).
    pub fn allowing_suggestions(mut self, allow: bool) -> Exercise {
        self.allow_suggestions = allow;
        self.identified()
    }

    /// The exercise with its id: a hash of the rest.
    fn identified(mut self) -> Exercise {
        let digest = content_id(&self.body().to_string());
        self.id = format!("ex-{}", &digest["sha256:".len().."sha256:".len() + 12]);
        self
    }

    /// The exercise with the key's notes shown as explanations when students check their work
    /// (`explain`), or not; never when they may not check.
    pub fn explaining(mut self, explain: bool) -> Exercise {
        self.explain = explain && self.allow_check;
        self.identified()
    }

    /// How many of the key's annotations have a note (an explanation).
    pub fn explained(&self) -> usize {
        let notes = self.material.annotations().iter();
        notes.filter(|a| !a.note.trim().is_empty()).count()
    }

    /// What `submission` got wrong against the key (`review::check_marks`), with the key's
    /// explanations only when the exercise shows them.
    pub fn check(&self, submission: &Workspace) -> Vec<Check> {
        let mut checks = check_marks(&self.material, submission);
        if !self.explain {
            checks.iter_mut().for_each(|c| c.explanation.clear());
        }
        checks
    }

    pub fn has_key(&self) -> bool {
        !self.material.annotations().is_empty()
    }

    /// The JSON without the id (the id is a hash of this). `explain` is written only when
    /// true, so exercises made before it existed keep their ids.
    fn body(&self) -> Value {
        let material: Value =
            serde_json::from_str(&native::export(&self.material)).unwrap_or(Value::Null);
        let mut body = json!({
            "format": FORMAT,
            "version": 1,
            "instructions": self.instructions,
            "allow_check": self.allow_check,
            "material": material,
        });
        if let (true, Some(object)) = (self.explain, body.as_object_mut()) {
            object.insert("explain".into(), Value::Bool(true));
        }
        if let (true, Some(object)) = (self.allow_suggestions, body.as_object_mut()) {
            object.insert("allow_suggestions".into(), Value::Bool(true));
        }
        body
    }

    /// The `.claimmark-exercise.json` file.
    pub fn export(&self) -> String {
        let mut value = self.body();
        if let Some(object) = value.as_object_mut() {
            object.insert("id".into(), Value::String(self.id.clone()));
        }
        serde_json::to_string_pretty(&value).unwrap_or_default()
    }

    pub fn file_name(&self) -> String {
        format!(
            "{}.claimmark-exercise.json",
            super::formats::safe_stem(&self.material.document.title)
        )
    }

    /// The link fragment (without `#`): `exercise=` and the deflated, base64url-encoded file.
    pub fn to_fragment(&self) -> String {
        let compact = serde_json::to_string(
            &serde_json::from_str::<Value>(&self.export()).unwrap_or(Value::Null),
        )
        .unwrap_or_default();
        let packed = miniz_oxide::deflate::compress_to_vec(compact.as_bytes(), 9);
        format!("{FRAGMENT_PREFIX}{}", base64url_encode(&packed))
    }

    /// A fresh workspace for a student: the document and labels, no annotations.
    pub fn student_workspace(&self, annotator: &str) -> Workspace {
        let m = &self.material;
        let mut workspace = Workspace::from_parts(
            m.document.clone(),
            m.labels.clone(),
            m.sources.clone(),
            Vec::new(),
        );
        workspace.annotator = annotator.trim().to_string();
        workspace.exercise = Some(ExerciseLink {
            id: self.id.clone(),
            instructions: self.instructions.clone(),
            allow_check: self.allow_check,
            allow_suggestions: self.allow_suggestions,
        });
        workspace
    }
}

fn invalid(at: &str, message: impl Into<String>) -> ImportError {
    ImportError::Invalid(vec![Problem {
        at: at.into(),
        message: message.into(),
    }])
}

/// Reads a `.claimmark-exercise.json` file.
pub fn import(text: &str) -> Result<Exercise, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root: Value = serde_json::from_str(text).map_err(|e| json_error(text, &e))?;
    if root.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(invalid(
            "format",
            "this is not a claimmark exercise (no \"format\": \"claimmark-exercise\")",
        ));
    }
    if root.get("version").and_then(Value::as_u64) != Some(1) {
        return Err(invalid("version", "only version 1 exercises can be read"));
    }
    let material = root
        .get("material")
        .ok_or_else(|| invalid("material", "is missing"))?;
    let material = native::read_value(material).map_err(|error| match error {
        ImportError::Invalid(problems) => ImportError::Invalid(
            problems
                .into_iter()
                .map(|p| Problem {
                    at: format!("material.{}", p.at),
                    message: p.message,
                })
                .collect(),
        ),
        other => other,
    })?;
    let text_of = |key: &str| {
        root.get(key)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let flag = |key: &str| root.get(key).and_then(Value::as_bool).unwrap_or(false);
    let with_key = !material.workspace.annotations().is_empty();
    let exercise = Exercise::new(
        material.workspace,
        &text_of("instructions"),
        flag("allow_check"),
        with_key,
    )
    .explaining(flag("explain"))
    .allowing_suggestions(flag("allow_suggestions"));
    Ok(exercise)
}

/// Reads an exercise from a link fragment (with or without the leading `#`).
pub fn from_fragment(fragment: &str) -> Result<Exercise, ImportError> {
    let fragment = fragment.trim_start_matches('#');
    let Some(packed) = fragment.strip_prefix(FRAGMENT_PREFIX) else {
        return Err(invalid("link", "this link does not hold an exercise"));
    };
    let bytes = base64url_decode(packed).ok_or_else(|| {
        invalid(
            "link",
            "the link is damaged (not base64url); ask for the link again or use the exercise file",
        )
    })?;
    let unpacked = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, MAX_UNPACKED_BYTES)
        .map_err(|_| {
        invalid(
            "link",
            "the link is damaged or cut short; ask for the link again or use the exercise file",
        )
    })?;
    let text =
        String::from_utf8(unpacked).map_err(|_| invalid("link", "the link does not hold text"))?;
    import(&text)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Decodes base64url (padding optional); `None` for any other character.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let values: Vec<u32> = text
        .trim_end_matches('=')
        .bytes()
        .map(|c| ALPHABET.iter().position(|&a| a == c).map(|v| v as u32))
        .collect::<Option<_>>()?;
    if values.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(values.len() * 3 / 4);
    for chunk in values.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &v)| n | v << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i) & 0xff) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..40 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let encoded = base64url_encode(&bytes);
            assert!(!encoded.contains(['+', '/', '=']));
            assert_eq!(base64url_decode(&encoded), Some(bytes));
        }
        assert_eq!(base64url_encode(b"hi?"), "aGk_");
        assert_eq!(base64url_decode("a"), None);
        assert_eq!(base64url_decode("a*b="), None);
    }
}
