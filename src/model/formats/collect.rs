//! The documents of one foreign file on their way to a [`Decoded`]: each record is built
//! (`DocumentBuilder`) or refused on its own, so one bad record never blocks the others; the
//! offset unit is decided once for the whole file (`units`), then every builder is finished
//! in it. A builder whose drafts do not fit becomes a [`Rejected`] document with its problems.

use super::build::DocumentBuilder;
use super::problem::{Decoded, Problem, Rejected};
use super::units::{decide, Offsets, Tally, Unit, UnitMap, Verdict};

enum Entry {
    Built(DocumentBuilder),
    Refused(Rejected),
}

/// The records of one file, in file order.
pub struct Records {
    /// The tool that writes this format, for messages ("as doccano counts them").
    tool: &'static str,
    /// The units the tool may count in besides code points.
    alternatives: Vec<Unit>,
    entries: Vec<Entry>,
    warnings: Vec<String>,
    /// The unit the file says it counts in (claimmark's own exports say so).
    stated: Option<Unit>,
}

impl Records {
    pub fn new(tool: &'static str, alternative: Unit) -> Records {
        Records::among(tool, &[alternative])
    }

    /// Records whose tool may count in any of `alternatives` besides code points.
    pub fn among(tool: &'static str, alternatives: &[Unit]) -> Records {
        Records {
            tool,
            alternatives: alternatives.to_vec(),
            entries: Vec::new(),
            warnings: Vec::new(),
            stated: None,
        }
    }

    /// The file states its unit (spaCy `meta.offset_unit`, a claimmark document id): no
    /// weighing is needed.
    pub fn state(&mut self, unit: Unit) {
        self.stated.get_or_insert(unit);
    }

    pub fn push(&mut self, builder: DocumentBuilder) {
        self.entries.push(Entry::Built(builder));
    }

    /// A record that cannot become a document at all (no text, not an object).
    pub fn refuse(&mut self, record: &str, problems: Vec<Problem>) {
        self.entries.push(Entry::Refused(Rejected {
            record: record.to_string(),
            title: String::new(),
            problems,
        }));
    }

    /// The same as [`Records::refuse`] with one problem at the record.
    pub fn refuse_one(&mut self, record: &str, message: impl Into<String>) {
        let problem = Problem {
            at: record.to_string(),
            message: message.into(),
        };
        self.refuse(record, vec![problem]);
    }

    pub fn warn(&mut self, warning: impl Into<String>) {
        self.warnings.push(warning.into());
    }

    /// Decides the unit (`offsets` unless automatic), finishes every builder in it, and says
    /// what was decided.
    pub fn finish(self, offsets: Offsets) -> Decoded {
        let verdict = match (offsets, self.stated) {
            (Offsets::Fixed(unit), _) | (Offsets::Auto, Some(unit)) => Verdict::Agree(unit),
            (Offsets::Auto, None) => self.weigh(),
        };
        let unit = verdict.unit();
        let mut decoded = Decoded {
            documents: Vec::new(),
            warnings: self.warnings,
            rejected: Vec::new(),
            verdict,
        };
        if let Some(warning) = verdict_warning(verdict, self.tool) {
            decoded.warnings.insert(0, warning);
        }
        for entry in self.entries {
            match entry {
                Entry::Refused(rejected) => decoded.rejected.push(rejected),
                Entry::Built(builder) => {
                    let (record, title) =
                        (builder.record.clone(), builder.document().title.clone());
                    match builder.finish(unit) {
                        Ok((workspace, repaired)) => {
                            decoded.documents.push(workspace);
                            decoded.warnings.extend(repaired);
                        }
                        Err(problems) => decoded.rejected.push(Rejected {
                            record,
                            title,
                            problems,
                        }),
                    }
                }
            }
        }
        decoded
    }

    /// The verdict of every span in the file, read in code points and in each alternative:
    /// an alternative that beats code points wins (the fewest broken spans, then the fewest
    /// inside words, among several); else the first that could not be told apart; else code
    /// points. Grapheme clusters are a mode a project opts into: they win when the evidence
    /// says so, but a file that reads either way is not doubted for them (combining accents
    /// and Thai would make nearly every file doubtful).
    fn weigh(&self) -> Verdict {
        let mut verdicts = Vec::new();
        for &alternative in &self.alternatives {
            let (mut code_points, mut other) = (Tally::default(), Tally::default());
            for entry in &self.entries {
                let Entry::Built(builder) = entry else {
                    continue;
                };
                let map = UnitMap::new(builder.document().text.as_str(), alternative);
                code_points += builder.tally(Unit::CodePoint, &map);
                other += builder.tally(alternative, &map);
            }
            let verdict = match decide(alternative, code_points, other) {
                Verdict::Unsure { .. } if alternative == Unit::Grapheme => {
                    Verdict::Agree(Unit::CodePoint)
                }
                verdict => verdict,
            };
            verdicts.push((verdict, other));
        }
        let winner = verdicts
            .iter()
            .filter(|(v, _)| matches!(v, Verdict::Decided(u) if *u != Unit::CodePoint))
            .min_by_key(|(_, t)| (t.broken, t.inside_words));
        if let Some((verdict, _)) = winner {
            return *verdict;
        }
        verdicts
            .iter()
            .map(|(v, _)| *v)
            .find(|v| matches!(v, Verdict::Unsure { .. }))
            .or_else(|| verdicts.first().map(|(v, _)| *v))
            .unwrap_or(Verdict::Agree(Unit::CodePoint))
    }
}

/// What an import says about the unit it found: a conversion, or that it could not tell.
pub fn verdict_warning(verdict: Verdict, tool: &str) -> Option<String> {
    match verdict {
        Verdict::Decided(found) if found != Unit::CodePoint => Some(format!(
            "the offsets are counted in {}, as {tool} counts them{}; they were converted to code points",
            found.words(),
            found.detail()
        )),
        Verdict::Unsure { alternative } => Some(format!(
            "the offsets could be code points or {}{}, and nothing in the file tells which; they were read as code points. If spans look shifted, import again with the offsets in {} (--offsets {} on the command line)",
            alternative.words(),
            alternative.detail(),
            alternative.id(),
            alternative.id()
        )),
        _ => None,
    }
}
