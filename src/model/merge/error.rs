//! What can keep a merge from starting, or a decision from being taken, in words a person can
//! act on.

use std::fmt;

/// Why a merge or a decision was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeError {
    /// There is nobody's work to merge.
    NoAnnotators,
    /// The minimum agreement is not between 1 and the number of annotators.
    MinAgree { min: usize, annotators: usize },
    /// An annotator's name is blank or used twice.
    Name(String),
    /// An annotator annotated another text than the first annotator.
    OtherText {
        annotator: String,
        title: String,
        first: String,
        first_title: String,
    },
    /// There is no group with this number.
    NoGroup(usize),
    /// A decision names a variant the group does not have.
    NoVariant { group: usize, variant: usize },
    /// An edited annotation does not fit the text or the labels.
    Edit(String),
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MergeError::NoAnnotators => f.write_str("there is no annotator's work to merge"),
            MergeError::MinAgree { min, annotators } => write!(
                f,
                "the minimum agreement must be between 1 and the {annotators} annotator(s), not {min}"
            ),
            MergeError::Name(name) if name.trim().is_empty() => {
                f.write_str("every annotator needs a name")
            }
            MergeError::Name(name) => {
                write!(f, "two annotators are called “{name}”; give them different names")
            }
            MergeError::OtherText {
                annotator,
                title,
                first,
                first_title,
            } => write!(
                f,
                "{annotator} annotated “{title}”, another text than {first}'s “{first_title}”; \
                 merge the work of one text at a time"
            ),
            MergeError::NoGroup(group) => write!(f, "there is no group {group}"),
            MergeError::NoVariant { group, variant } => {
                write!(f, "group {group} has no variant {variant}")
            }
            MergeError::Edit(message) => write!(f, "the edited annotation: {message}"),
        }
    }
}

impl std::error::Error for MergeError {}
