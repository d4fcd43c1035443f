//! A suggestion: a span the engine thinks a person would tag, with the label, who says it (the
//! source, where the text names them, the cue), how sure the engine is, and the features that
//! made it think so. Suggestions are not annotations: they appear in no statistics and no
//! export until the person accepts them (`Action::Accept`, made by `Suggestion::accept`, or an
//! `Action::Add` from `Suggestion::to_action`, both in `suggest::engine`).

use crate::model::annotation::{Attribution, LabelId};
use crate::model::span::Span;

#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub label: LabelId,
    /// What is said: a quotation's words or the reported clause, trimmed.
    pub span: Span,
    /// The source's canonical name, when the engine could name one.
    pub source: Option<String>,
    /// Where the text names the source ("Zakharova", "She", "the ministry").
    pub mention: Option<Span>,
    /// The reporting verb or phrase ("said", "according to", "called for").
    pub cue: Option<Span>,
    /// How sure the engine is that a person would tag this span with this label, 0 to 1
    /// (three decimals).
    pub confidence: f64,
    /// What the model saw ("cue:say", "shape:quote-first"…); learning reads them.
    pub features: Vec<String>,
}

impl Suggestion {
    /// The attribution an accepted suggestion gets: the source with its mention and cue, or
    /// none when the engine named no source.
    pub fn attribution(&self) -> Option<Attribution> {
        let named = Attribution::named(self.source.as_deref()?)?;
        Some(Attribution {
            mention: self.mention,
            cue: self.cue,
            ..named
        })
    }

    /// The attribution of the suggestion accepted with `source` in place of the engine's: a
    /// changed name keeps the mention and the cue (the text still names whoever speaks there,
    /// with the same reporting verb: the person corrected who that is); no source, no
    /// attribution.
    pub fn attribution_as(&self, source: Option<&str>) -> Option<Attribution> {
        let named = Attribution::named(source?)?;
        Some(Attribution {
            mention: self.mention,
            cue: self.cue,
            ..named
        })
    }
}
