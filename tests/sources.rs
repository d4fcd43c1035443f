//! Host tests of sources as entities: canonical names, suggestions, the registry edits (each one
//! undo step that every attribution follows), tagging many spans at once, and the names the text
//! suggests as new sources.
#![cfg(not(target_arch = "wasm32"))]

use claimmark::model::sources::{self, SourceEdit};
use claimmark::model::{
    Action, ActionError, Attribution, Document, Editor, LabelId, Source, Span, Workspace,
};

mod common;

const TEXT: &str = "Maria Zakharova said “talks” — 🙂 e\u{301}. Zakharova urged calm.\r\n\
Pakistani officials accused Kabul. The Ministry of Foreign Affairs of Pakistan agreed. \
Kabul denied it. Pakistani officials 👨🏻‍🚒 repeated it.";

const NOW: &str = "2026-11-27T10:00:00Z";

fn at(phrase: &str) -> Span {
    let byte = TEXT.find(phrase).expect("phrase in text");
    let start = TEXT[..byte].chars().count();
    Span::new(start, start + phrase.chars().count(), TEXT.chars().count()).unwrap()
}

fn editor(registry: Vec<Source>) -> Editor {
    let mut ws = Workspace::new(Document::new("t", TEXT));
    ws.sources = registry;
    Editor::new(ws)
}

fn zakharova() -> Source {
    Source {
        name: "Maria Zakharova".into(),
        aliases: vec!["Zakharova".into()],
    }
}

fn add(ed: &mut Editor, phrase: &str, label: &str, source: &str) {
    let span = at(phrase);
    common::add(ed, (span.start(), span.end(), label, source), "", NOW);
}

/// Each annotation's source, in text order.
fn attributed(ed: &Editor) -> Vec<Option<String>> {
    ed.workspace()
        .annotations()
        .iter()
        .map(|a| a.source().map(str::to_string))
        .collect()
}

#[test]
fn typed_names_and_aliases_resolve_to_the_canonical_name() {
    let mut ed = editor(vec![zakharova()]);
    add(
        &mut ed,
        "Pakistani officials accused",
        "allegation",
        "Pakistani officials",
    );
    let ws = ed.workspace();
    let check = |typed: &str, expected: Option<&str>| {
        assert_eq!(
            sources::canonical(ws, typed).as_deref(),
            expected,
            "{typed:?}"
        );
    };
    check("Zakharova", Some("Maria Zakharova"));
    check("  zakharova ", Some("Maria Zakharova"));
    check("MARIA   ZAKHAROVA", Some("Maria Zakharova"));
    check("pakistani officials", Some("Pakistani officials"));
    check("Kabul", Some("Kabul"));
    check("  Ré 🙂  e\u{301} ", Some("Ré 🙂 e\u{301}"));
    check("   ", None);
}

#[test]
fn tagging_with_an_alias_stores_the_canonical_name() {
    let mut ed = editor(vec![zakharova()]);
    add(&mut ed, "urged calm", "proposal", "zakharova");
    ed.apply(Action::Edit {
        id: ed.workspace().annotations()[0].id.clone(),
        change: claimmark::model::Change::Attribution(Attribution::named("ZAKHAROVA")),
        now: NOW.into(),
    })
    .unwrap_or(claimmark::model::Outcome::Unchanged);
    assert_eq!(attributed(&ed), [Some("Maria Zakharova".into())]);
    assert_eq!(
        ed.workspace().sources,
        [zakharova()],
        "the alias stays in the registry"
    );
}

#[test]
fn suggestions_match_names_and_aliases_prefix_first() {
    let mut ed = editor(vec![zakharova()]);
    add(&mut ed, "Kabul denied", "claim", "Kabul");
    add(
        &mut ed,
        "Pakistani officials accused",
        "allegation",
        "Pakistani officials",
    );
    let ws = ed.workspace();
    let check = |typed: &str, expected: &[(&str, Option<&str>)]| {
        let got: Vec<(String, Option<String>)> = sources::matches(ws, typed, 5)
            .into_iter()
            .map(|m| (m.name, m.via))
            .collect();
        let expected: Vec<(String, Option<String>)> = expected
            .iter()
            .map(|(n, v)| (n.to_string(), v.map(str::to_string)))
            .collect();
        assert_eq!(got, expected, "{typed:?}");
    };
    check("zak", &[("Maria Zakharova", Some("Zakharova"))]);
    check("mar", &[("Maria Zakharova", None)]);
    check(
        "a",
        &[
            ("Kabul", None),
            ("Maria Zakharova", None),
            ("Pakistani officials", None),
        ],
    );
    check("off", &[("Pakistani officials", None)]);
    check("xyz", &[]);
    // An empty field lists every source.
    check(
        " ",
        &[
            ("Kabul", None),
            ("Maria Zakharova", None),
            ("Pakistani officials", None),
        ],
    );
}

#[test]
fn summaries_count_per_label_with_annotations_and_mentions() {
    let mut ed = editor(vec![zakharova()]);
    add(&mut ed, "urged calm", "proposal", "Zakharova");
    add(
        &mut ed,
        "said “talks” — 🙂 e\u{301}",
        "claim",
        "Maria Zakharova",
    );
    add(&mut ed, "Kabul denied it", "claim", "Kabul");
    let id = ed.workspace().annotations()[0].id.clone();
    ed.apply(Action::Edit {
        id,
        change: claimmark::model::Change::Attribution(Some(Attribution {
            mention: Some(at("Maria Zakharova")),
            ..Attribution::named("Maria Zakharova").unwrap()
        })),
        now: NOW.into(),
    })
    .unwrap();
    let summaries = sources::summaries(ed.workspace());
    let rows: Vec<(&str, bool, Vec<usize>, usize, usize)> = summaries
        .iter()
        .map(|s| {
            (
                s.name.as_str(),
                s.registered,
                s.counts.clone(),
                s.annotations.len(),
                s.mentions.len(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("Maria Zakharova", true, vec![1, 0, 1], 2, 1),
            ("Kabul", false, vec![1, 0, 0], 1, 0),
        ]
    );
}

/// Applies a registry edit; returns the sources then each annotation's source.
fn edit(
    ed: &mut Editor,
    edit: SourceEdit,
) -> Result<(Vec<Source>, Vec<Option<String>>), ActionError> {
    ed.apply(Action::Sources(edit))?;
    Ok((ed.workspace().sources.clone(), attributed(ed)))
}

fn source(name: &str, aliases: &[&str]) -> Source {
    Source {
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
    }
}

#[test]
fn registry_edits_carry_every_attribution_and_undo_in_one_step() {
    let mut ed = editor(vec![zakharova()]);
    add(&mut ed, "urged calm", "proposal", "Zakharova");
    add(
        &mut ed,
        "Pakistani officials accused",
        "allegation",
        "Pakistani officials",
    );
    add(&mut ed, "Kabul denied", "claim", "Kabul");
    add(&mut ed, "agreed", "claim", "Islamabad");
    let before = ed.workspace().clone();

    let renamed = edit(
        &mut ed,
        SourceEdit::Rename {
            from: "maria zakharova".into(),
            to: "M. Zakharova".into(),
        },
    );
    assert_eq!(renamed.unwrap().0, [source("M. Zakharova", &["Zakharova"])]);
    assert_eq!(attributed(&ed)[0].as_deref(), Some("M. Zakharova"));

    let aliased = edit(
        &mut ed,
        SourceEdit::SetAliases {
            name: "Kabul".into(),
            aliases: vec![
                " Afghan  officials ".into(),
                "afghan officials".into(),
                "Kabul".into(),
                "".into(),
            ],
        },
    );
    assert_eq!(
        aliased.unwrap().0[1],
        source("Kabul", &["Afghan officials"]),
        "an implicit source is registered with its aliases"
    );

    let merged = edit(
        &mut ed,
        SourceEdit::Merge {
            from: "Islamabad".into(),
            into: "Pakistani officials".into(),
        },
    )
    .unwrap();
    assert_eq!(merged.0[2], source("Pakistani officials", &["Islamabad"]));
    assert_eq!(
        merged.1,
        [
            Some("M. Zakharova".into()),
            Some("Pakistani officials".into()),
            Some("Pakistani officials".into()),
            Some("Kabul".into())
        ]
    );
    assert_eq!(
        sources::canonical(ed.workspace(), "islamabad").as_deref(),
        Some("Pakistani officials")
    );

    for _ in 0..3 {
        ed.undo().unwrap();
    }
    assert_eq!(ed.workspace(), &before, "three edits, three undo steps");
}

#[test]
fn registry_edits_refuse_clear_mistakes_and_change_nothing() {
    let mut ed = editor(vec![zakharova()]);
    add(&mut ed, "Kabul denied", "claim", "Kabul");
    let before = ed.workspace().clone();
    let check = |ed: &mut Editor, e: SourceEdit, expected: &str| {
        let error = ed.apply(Action::Sources(e)).unwrap_err().to_string();
        assert_eq!(error, expected);
        assert_eq!(ed.workspace(), &before);
    };
    check(
        &mut ed,
        SourceEdit::Rename {
            from: "Kabul".into(),
            to: "zakharova".into(),
        },
        "“zakharova” already names Maria Zakharova",
    );
    check(
        &mut ed,
        SourceEdit::Rename {
            from: "Kabul".into(),
            to: "Maria zakharova".into(),
        },
        "“Maria zakharova” is already a source; merge the two instead",
    );
    check(
        &mut ed,
        SourceEdit::Rename {
            from: "Nobody".into(),
            to: "X".into(),
        },
        "there is no source “Nobody”",
    );
    check(
        &mut ed,
        SourceEdit::Rename {
            from: "Zakharova".into(),
            to: "X".into(),
        },
        "there is no source “Zakharova”",
    );
    check(
        &mut ed,
        SourceEdit::Rename {
            from: "Kabul".into(),
            to: " \u{a0}".into(),
        },
        "a source's name cannot be empty",
    );
    check(
        &mut ed,
        SourceEdit::SetAliases {
            name: "Kabul".into(),
            aliases: vec!["Zakharova".into()],
        },
        "“Zakharova” already names Maria Zakharova",
    );
    check(
        &mut ed,
        SourceEdit::Merge {
            from: "Kabul".into(),
            into: "kabul".into(),
        },
        "“Kabul” cannot be merged into itself",
    );
    check(
        &mut ed,
        SourceEdit::Add {
            name: "KABUL".into(),
            aliases: vec![],
        },
        "“KABUL” is already a source; merge the two instead",
    );
    assert_eq!(
        ed.apply(Action::Sources(SourceEdit::Rename {
            from: "Kabul".into(),
            to: " Kabul ".into()
        })),
        Ok(claimmark::model::Outcome::Unchanged)
    );
}

#[test]
fn tagging_many_spans_is_one_step_and_skips_those_already_tagged() {
    let mut ed = editor(vec![zakharova()]);
    add(&mut ed, "Kabul denied", "claim", "Kabul");
    let kabul: Vec<Span> = vec![at("Kabul."), at("Kabul denied")]
        .into_iter()
        .map(|s| Span::new(s.start(), s.start() + 5, TEXT.chars().count()).unwrap())
        .collect();
    let many = |spans: Vec<Span>, label: &str| Action::AddMany {
        spans,
        label: LabelId::new(label),
        attribution: Attribution::named("zakharova"),
        note: "from search".into(),
        now: NOW.into(),
    };
    let outcome = ed.apply(many(kabul.clone(), "proposal")).unwrap();
    assert_eq!(
        outcome,
        claimmark::model::Outcome::Changed("tag 2 matches as proposal".into())
    );
    assert_eq!(ed.workspace().annotations().len(), 3);
    assert!(ed
        .workspace()
        .annotations()
        .iter()
        .filter(|a| a.label.as_str() == "proposal")
        .all(|a| a.source() == Some("Maria Zakharova")));
    assert_eq!(
        ed.apply(many(kabul.clone(), "proposal")),
        Err(ActionError::AlreadyTagged)
    );
    ed.undo().unwrap();
    assert_eq!(
        ed.workspace().annotations().len(),
        1,
        "one undo removes every match"
    );
    let cut = Span::new(
        at("e\u{301}").start(),
        at("e\u{301}").start() + 1,
        TEXT.chars().count(),
    )
    .unwrap();
    assert!(matches!(
        ed.apply(many(vec![kabul[0], cut], "claim")),
        Err(ActionError::SplitsCharacter(_))
    ));
    assert_eq!(
        ed.workspace().annotations().len(),
        1,
        "a refused batch adds nothing"
    );
}

#[test]
fn candidates_are_names_in_the_text_not_yet_sources() {
    let mut ed = editor(vec![zakharova()]);
    add(&mut ed, "Kabul denied", "claim", "Kabul");
    let found: Vec<(String, usize, Option<String>)> = sources::candidates(ed.workspace(), 10)
        .into_iter()
        .map(|c| (c.name, c.occurrences, c.alias_of))
        .collect();
    assert_eq!(
        found,
        [
            ("Pakistani".to_string(), 2, None),
            (
                "Ministry of Foreign Affairs of Pakistan".to_string(),
                1,
                None
            ),
        ],
        "“The” at a sentence start, sources and their aliases are not candidates"
    );
    let mut ed = editor(vec![source("Maria Zakharova", &[])]);
    add(&mut ed, "Kabul denied", "claim", "Kabul");
    let first = sources::candidates(ed.workspace(), 1).remove(0);
    assert_eq!(
        (first.name.as_str(), first.alias_of.as_deref()),
        ("Zakharova", Some("Maria Zakharova"))
    );
    assert_eq!(
        ed.workspace().document.text.quote(first.first),
        "Zakharova",
        "the first occurrence, in code points"
    );
}

#[test]
fn names_in_text_skip_sentence_words_possessives_and_headlines() {
    let check = |text: &str, expected: &[(&str, &str)]| {
        let text = claimmark::model::Text::new(text);
        let got: Vec<(String, String)> = claimmark::model::names::capitalised_names(&text)
            .into_iter()
            .map(|(name, span, _)| (name, text.quote(span).to_string()))
            .collect();
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(n, q)| (n.to_string(), q.to_string()))
            .collect();
        assert_eq!(got, expected, "{text:?}");
    };
    check("The Kremlin’s view", &[("Kremlin", "Kremlin")]);
    check(
        "“Zakharova” said 🙂 Renée\u{301} Dupont agreed.",
        &[
            ("Zakharova", "Zakharova"),
            ("Renée\u{301} Dupont", "Renée\u{301} Dupont"),
        ],
    );
    check(
        "👨🏻‍🚒 crews met.\r\nHowever Ministry of Defence staff left.",
        &[("Ministry of Defence", "Ministry of Defence")],
    );
    check(
        "Russia’s Position on Conflict Resolution\nTalks — in Doha — ended.",
        &[("Talks", "Talks"), ("Doha", "Doha")],
    );
    check("ALL CAPS AND A B", &[]);
}

#[test]
fn only_name_like_words_make_a_candidate_an_alias() {
    let text = "Officials met. Afghan officials said so. Officials agreed. Zakharova spoke.";
    let mut ws = Workspace::new(Document::new("t", text));
    ws.sources = vec![
        source("Afghan officials", &[]),
        source("Maria Zakharova", &[]),
    ];
    let found: Vec<(String, Option<String>)> = sources::candidates(&ws, 10)
        .into_iter()
        .map(|c| (c.name, c.alias_of))
        .collect();
    assert_eq!(
        found,
        [
            ("Zakharova".to_string(), Some("Maria Zakharova".to_string())),
            ("Officials".to_string(), None),
        ],
        "“Officials” recurs, so it is a name, but not a short form of “Afghan officials”"
    );
}

#[test]
fn names_match_without_regard_to_normalisation_or_case() {
    let mut ws = Workspace::new(Document::new("t", TEXT));
    ws.sources = vec![
        Source {
            name: "José Álvarez".into(),
            aliases: vec!["Straße-Büro".into()],
        },
        Source {
            name: "ΟΔΥΣΣΕΥΣ".into(),
            aliases: vec![],
        },
    ];
    let check = |typed: &str, expected: &str| {
        assert_eq!(
            sources::canonical(&ws, typed).as_deref(),
            Some(expected),
            "{typed:?}"
        );
    };
    // Decomposed accents, upper case, full case folding (ß = ss, final sigma = sigma).
    check("Jose\u{301} A\u{301}lvarez", "José Álvarez");
    check("JOSÉ  ÁLVAREZ", "José Álvarez");
    check("STRASSE-BÜRO", "José Álvarez");
    check("οδυσσευς", "ΟΔΥΣΣΕΥΣ");
    check("Οδυσσεύς", "Οδυσσεύς");
}
