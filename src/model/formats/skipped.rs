//! What a file holds that claimmark does not carry (relations other than attribution and cue,
//! events, attributes, document categories, predictions, rejected answers), counted by kind,
//! so that an import says so in a warning instead of dropping it silently.

/// Counts of things left out, by kind, in the order first met.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Skipped {
    /// (one, many, count): the kind in the singular and the plural, and how many.
    counts: Vec<(String, String, usize)>,
}

impl Skipped {
    /// Counts one thing of a kind, named in the singular and the plural
    /// (`"relation of type “causes”"`, `"relations of type “causes”"`).
    pub fn add(&mut self, one: &str, many: &str) {
        self.add_n(one, many, 1);
    }

    pub fn add_n(&mut self, one: &str, many: &str, n: usize) {
        if n == 0 {
            return;
        }
        match self.counts.iter_mut().find(|(o, _, _)| o == one) {
            Some((_, _, count)) => *count += n,
            None => self.counts.push((one.to_string(), many.to_string(), n)),
        }
    }

    /// One warning per kind: `3 relations of type “causes” not imported (why)`.
    pub fn warnings(&self, why: &str) -> Vec<String> {
        self.counts
            .iter()
            .map(|(one, many, n)| {
                let what = if *n == 1 { one } else { many };
                let why = if why.is_empty() {
                    String::new()
                } else {
                    format!(" ({why})")
                };
                format!("{n} {what} not imported{why}")
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_counted_and_named_in_number() {
        let mut skipped = Skipped::default();
        skipped.add("relation of type “causes”", "relations of type “causes”");
        skipped.add("event", "events");
        skipped.add("relation of type “causes”", "relations of type “causes”");
        skipped.add_n("event", "events", 0);
        assert_eq!(
            skipped.warnings("claimmark keeps attributions and cues"),
            [
                "2 relations of type “causes” not imported (claimmark keeps attributions and cues)",
                "1 event not imported (claimmark keeps attributions and cues)"
            ]
        );
        assert!(Skipped::default().warnings("").is_empty());
    }
}
