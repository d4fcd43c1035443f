//! Learning from the person: a multinomial logistic regression over the candidates' features
//! (`features`), scoring each of the three labels and "none", that starts from hand-set prior
//! weights and takes one gradient step per answer (accepted, rejected, accepted with another
//! label, or tagged by the person). A [`Model`] holds only what was learned (weights added to
//! the priors), the number of answers and the spans rejected, so models add up: a corpus's
//! model is the sum of its documents' ([`Model::sum`]), each document keeping what was learned
//! from the answers given in it. It is saved in the native format's `suggester` field.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::features::{class_index, prior, CLASSES, NONE};
use super::suggestion::Suggestion;
use crate::model::annotation::LabelId;
use crate::model::span::Span;

/// How far one answer moves the scores of the candidate it is about (shared among its
/// features).
const RATE: f64 = 2.0;
/// The version of the `suggester` field's shape.
pub const STATE_VERSION: u64 = 1;

/// What the person did with a suggestion (or a span the engine missed).
#[derive(Clone, Debug, PartialEq)]
pub enum Feedback {
    /// Taken as it was.
    Accepted(Suggestion),
    /// Refused: nothing of the kind there. It is not suggested again in its document.
    Rejected(Suggestion),
    /// Taken with another label (the old label is not suggested there again).
    Edited {
        suggestion: Suggestion,
        label: LabelId,
    },
    /// The person tagged a span themselves; `candidate` is what the engine saw there
    /// (`engine::candidate_at`), whatever its confidence.
    Added {
        candidate: Suggestion,
        label: LabelId,
    },
}

impl Feedback {
    fn suggestion(&self) -> &Suggestion {
        match self {
            Feedback::Accepted(s) | Feedback::Rejected(s) => s,
            Feedback::Edited { suggestion, .. } => suggestion,
            Feedback::Added { candidate, .. } => candidate,
        }
    }

    /// The class the answer teaches, if it is one the model knows.
    fn target(&self) -> Option<usize> {
        match self {
            Feedback::Accepted(s) => class_index(s.label.as_str()),
            Feedback::Rejected(_) => Some(NONE),
            Feedback::Edited { label, .. } | Feedback::Added { label, .. } => {
                class_index(label.as_str())
            }
        }
    }
}

/// Whether learning changes a feature's weights: not the bias and the cue's label, which every
/// candidate of a label shares (one answer would move them all).
fn learnable(feature: &str) -> bool {
    feature != "bias" && !feature.starts_with("class:")
}

/// A span refused with a label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

/// What was learned: weights added to the priors, the answers counted, the spans refused.
#[derive(Clone, Debug, Default)]
pub struct Model {
    weights: BTreeMap<String, [f64; 4]>,
    feedback: u64,
    rejected: Vec<Rejected>,
}

impl PartialEq for Model {
    fn eq(&self, other: &Model) -> bool {
        let bits = |w: &[f64; 4]| w.map(f64::to_bits);
        self.feedback == other.feedback
            && self.rejected == other.rejected
            && self.weights.len() == other.weights.len()
            && self
                .weights
                .iter()
                .zip(&other.weights)
                .all(|((a, x), (b, y))| a == b && bits(x) == bits(y))
    }
}

// Weights are always finite (reading refuses others), so equality is reflexive.
impl Eq for Model {}

impl Model {
    /// Nothing learned: the priors alone.
    pub fn new() -> Model {
        Model::default()
    }

    /// The probability of each class (the three labels, then "none") for these features.
    pub fn probabilities(&self, features: &[String]) -> [f64; 4] {
        let mut scores = [0.0; 4];
        for feature in features {
            let learned = self.weights.get(feature).copied().unwrap_or([0.0; 4]);
            for (c, p) in prior(feature).iter().enumerate() {
                scores[c] += p + learned[c];
            }
        }
        let top = scores.iter().copied().fold(f64::MIN, f64::max);
        let exp = scores.map(|s| (s - top).exp());
        let total: f64 = exp.iter().sum();
        exp.map(|e| e / total)
    }

    /// What one answer changes: a model holding only that change.
    pub fn change(&self, feedback: &Feedback) -> Model {
        let mut change = Model {
            feedback: 1,
            ..Model::default()
        };
        let suggestion = feedback.suggestion();
        let refused = match feedback {
            Feedback::Rejected(s) | Feedback::Edited { suggestion: s, .. } => Some(s),
            _ => None,
        };
        if let Some(s) = refused {
            change.rejected.push(Rejected {
                start: s.span.start(),
                end: s.span.end(),
                label: s.label.to_string(),
            });
        }
        let Some(target) = feedback.target() else {
            return change;
        };
        let p = self.probabilities(&suggestion.features);
        let learnable: Vec<&String> = suggestion
            .features
            .iter()
            .filter(|f| learnable(f))
            .collect();
        let share = RATE / learnable.len().max(1) as f64;
        for feature in learnable {
            let mut step = [0.0; 4];
            for c in 0..CLASSES.len() {
                let y = if c == target { 1.0 } else { 0.0 };
                step[c] = share * (y - p[c]);
            }
            change.weights.insert(feature.clone(), step);
        }
        change
    }

    /// Learns from one answer.
    pub fn learn(&mut self, feedback: &Feedback) {
        let change = self.change(feedback);
        self.add(&change);
    }

    /// Adds another model's learning to this one (weights and counts; its refusals too).
    pub fn add(&mut self, other: &Model) {
        for (feature, w) in &other.weights {
            let mine = self.weights.entry(feature.clone()).or_insert([0.0; 4]);
            for c in 0..CLASSES.len() {
                mine[c] += w[c];
            }
        }
        self.feedback += other.feedback;
        self.rejected.extend(other.rejected.iter().cloned());
    }

    /// The learning of several documents added up (their refusals stay with each document).
    pub fn sum<'a>(models: impl IntoIterator<Item = &'a Model>) -> Model {
        let mut sum = Model::new();
        for model in models {
            sum.add(&Model {
                rejected: Vec::new(),
                ..model.clone()
            });
        }
        sum
    }

    /// Forgets everything learned.
    pub fn reset(&mut self) {
        *self = Model::new();
    }

    /// How many answers it learned from.
    pub fn feedback(&self) -> u64 {
        self.feedback
    }

    /// Whether `span` was refused with `label`.
    pub fn is_rejected(&self, span: Span, label: &str) -> bool {
        self.rejected
            .iter()
            .any(|r| (r.start, r.end) == (span.start(), span.end()) && r.label == label)
    }

    /// The native format's `suggester` value.
    pub fn to_json(&self) -> Value {
        let weights: Map<String, Value> = self
            .weights
            .iter()
            .map(|(feature, w)| {
                let per_class: Map<String, Value> = CLASSES
                    .iter()
                    .zip(w)
                    .filter(|(_, v)| **v != 0.0)
                    .map(|(c, v)| (c.to_string(), json!(v)))
                    .collect();
                (feature.clone(), Value::Object(per_class))
            })
            .collect();
        let rejected: Vec<Value> = self
            .rejected
            .iter()
            .map(|r| json!({"start": r.start, "end": r.end, "label": r.label}))
            .collect();
        json!({
            "version": STATE_VERSION,
            "feedback": self.feedback,
            "weights": weights,
            "rejected": rejected,
        })
    }

    /// Reads a `suggester` value, or says why it cannot.
    pub fn from_json(value: &Value) -> Result<Model, String> {
        let object = value.as_object().ok_or("must be an object")?;
        if object.get("version").and_then(Value::as_u64) != Some(STATE_VERSION) {
            return Err(format!("\"version\" must be {STATE_VERSION}"));
        }
        let mut model = Model::new();
        model.feedback = match object.get("feedback") {
            None => 0,
            Some(n) => n
                .as_u64()
                .ok_or("\"feedback\" must be a whole number ≥ 0")?,
        };
        let weights = match object.get("weights") {
            None => None,
            Some(Value::Object(weights)) => Some(weights),
            Some(_) => return Err("\"weights\" must be an object".into()),
        };
        let rejected: &[Value] = match object.get("rejected") {
            None => &[],
            Some(Value::Array(rejected)) => rejected,
            Some(_) => return Err("\"rejected\" must be a list".into()),
        };
        for (feature, per_class) in weights.into_iter().flatten() {
            let per_class = per_class
                .as_object()
                .ok_or("each weight must be an object")?;
            let mut w = [0.0; 4];
            for (class, v) in per_class {
                let c = CLASSES.iter().position(|k| k == class);
                let c = c.ok_or_else(|| format!("\"{class}\" is not a class"))?;
                w[c] = v
                    .as_f64()
                    .filter(|v| v.is_finite())
                    .ok_or("weights must be numbers")?;
            }
            model.weights.insert(feature.clone(), w);
        }
        for r in rejected {
            let number = |key: &str| {
                r.get(key)
                    .and_then(Value::as_u64)
                    .and_then(|n| usize::try_from(n).ok())
            };
            let label = r.get("label").and_then(Value::as_str);
            match (number("start"), number("end"), label) {
                (Some(start), Some(end), Some(label)) if start < end => {
                    model.rejected.push(Rejected {
                        start,
                        end,
                        label: label.to_string(),
                    })
                }
                _ => return Err("each rejected span needs start < end and a label".into()),
            }
        }
        Ok(model)
    }
}
