//! Which field of a Label Studio task's `data` is its text: `text`, else the string the
//! regions' quotes are found in, else the longest string that is neither metadata nor a link
//! to a file (an image or audio file that Label Studio shows). A task whose data holds only
//! links, or paragraphs (Label Studio's `Paragraphs`: a list of `{author, text}`), is refused
//! with a message that says so.

use serde_json::{Map, Value};

use crate::model::formats::json::string;

/// Data keys that are never the text.
const METADATA: [&str; 4] = ["title", "language", "document_id", "id"];

/// Whether a data value is a link to a file rather than a text: one word that is a URL, an
/// absolute path or a data URI (`/data/upload/29/example.png`, `https://…/a.jpg`).
fn is_link(value: &str) -> bool {
    let value = value.trim();
    !value.contains(char::is_whitespace)
        && (value.contains("://") || value.starts_with('/') || value.starts_with("data:"))
}

/// Whether a data value is a list of paragraphs (`[{"author", "text"}]`).
fn is_paragraphs(value: &Value) -> bool {
    value
        .as_array()
        .is_some_and(|items| !items.is_empty() && items.iter().all(|p| p.get("text").is_some()))
}

/// The task's text and the data key it came from, or why the task has none.
pub(super) fn text_of<'v>(
    data: &'v Map<String, Value>,
    quotes: &[&str],
) -> Result<(&'v str, &'v str), String> {
    if let Some(text) = string(data, "text") {
        return Ok(("text", text));
    }
    let candidates: Vec<(&str, &str)> = data
        .iter()
        .filter(|(k, _)| !METADATA.contains(&k.as_str()))
        .filter_map(|(k, v)| Some((k.as_str(), v.as_str()?)))
        .filter(|(_, v)| !is_link(v))
        .collect();
    let holds_quotes = |t: &str| !quotes.is_empty() && quotes.iter().all(|q| t.contains(q));
    let found = candidates
        .iter()
        .find(|(_, t)| holds_quotes(t))
        .or_else(|| candidates.iter().max_by_key(|(_, t)| t.len()));
    if let Some(&found) = found {
        return Ok(found);
    }
    if let Some((key, _)) = data.iter().find(|(_, v)| is_paragraphs(v)) {
        return Err(format!("data.{key} holds paragraphs (Label Studio's Paragraphs, a list of {{author, text}}), which claimmark does not read; its regions are not imported"));
    }
    let links: Vec<String> = data
        .iter()
        .filter(|(_, v)| v.as_str().is_some_and(is_link))
        .map(|(k, _)| format!("data.{k}"))
        .collect();
    if !links.is_empty() {
        return Err(format!(
            "the task holds no text, only links to files ({}): Label Studio labelled an image, audio or video here, which claimmark does not read",
            links.join(", ")
        ));
    }
    Err("\"data.text\" is missing, and no other data field holds a text".to_string())
}

/// Whether a text is HTML (Label Studio's `HyperText`), whose markup comes in as text.
pub(super) fn is_html(text: &str) -> bool {
    let text = text.trim();
    text.starts_with('<') && text.ends_with('>') && text.contains("</")
}
