//! Merging annotators' work into a gold set (model::merge): what is agreed (unanimous, majority,
//! single), the groups of what is not (ties, overlapping variants), sources equal through
//! aliases, mentions and notes, refusals, decisions with their provenance, the report and its
//! CSV. The text mixes scripts (Arabic, Chinese, an emoji sequence, a combining accent) so that
//! every offset is a code point that is not a byte or a UTF-16 unit.
#![cfg(not(target_arch = "wasm32"))]

use claimmark::model::annotation::{Annotation, AnnotationId, Attribution, LabelId, Source};
use claimmark::model::merge::{Decision, Merge, MergeError};
use claimmark::model::provenance::{Reason, Status};
use claimmark::model::review::Annotator;
use claimmark::model::{Document, Span, Workspace};

const TEXT: &str = "👨🏻‍🚒 Maria Zakharova said “talks” failed at the Cafe\u{301}. \
Kabul accused Islamabad of fraud. قالت زاخاروفا إن المحادثات فشلت. 外交部表示反对。";

/// (start, end) of the first `phrase` in TEXT, in code points.
fn at(phrase: &str) -> (usize, usize) {
    let byte = TEXT
        .find(phrase)
        .unwrap_or_else(|| panic!("{phrase:?} in the text"));
    let start = TEXT[..byte].chars().count();
    (start, start + phrase.chars().count())
}

fn span(phrase: &str) -> Span {
    let (start, end) = at(phrase);
    Span::new(start, end, TEXT.chars().count()).unwrap()
}

/// One annotation: (phrase, label, source ("" unattributed), mention phrase ("" none), note).
type Mark<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str);

/// An annotator's file: name, registered sources (name, aliases) and marks.
type File<'a> = (&'a str, &'a [(&'a str, &'a [&'a str])], &'a [Mark<'a>]);

fn annotation(i: usize, (phrase, label, source, mention, note): Mark) -> Annotation {
    Annotation {
        id: AnnotationId::new(&format!("a{}", i + 1)),
        span: span(phrase),
        fragments: Vec::new(),
        label: LabelId::new(label),
        attribution: Attribution::named(source).map(|a| Attribution {
            mention: (!mention.is_empty()).then(|| span(mention)),
            ..a
        }),
        note: note.to_string(),
        created: String::new(),
        modified: String::new(),
        provenance: None,
    }
}

fn annotator((name, sources, marks): File) -> Annotator {
    let sources = sources
        .iter()
        .map(|(name, aliases)| Source {
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        })
        .collect();
    let annotations = marks
        .iter()
        .enumerate()
        .map(|(i, m)| annotation(i, *m))
        .collect();
    let document = Document::new("Talks 🙂", TEXT);
    let labels = claimmark::model::annotation::default_labels();
    Annotator {
        name: name.to_string(),
        workspace: Workspace::from_parts(document, labels, sources, annotations),
    }
}

fn merge(files: &[File], min: Option<usize>) -> Merge {
    Merge::new(files.iter().map(|f| annotator(*f)).collect(), min).expect("a merge")
}

/// `status k/n label «quote» source [annotators] {note}`, one line per annotation.
fn describe(workspace: &Workspace) -> Vec<String> {
    workspace
        .annotations()
        .iter()
        .map(|a| {
            let p = a.provenance.as_ref().expect("a provenance");
            let status = match p.status {
                Status::Conflict { group } => format!("conflict {group}"),
                other => other.id().to_string(),
            };
            let mention = match a.attribution.as_ref().and_then(|at| at.mention) {
                Some(m) => format!(" @«{}»", workspace.document.text.quote(m)),
                None => String::new(),
            };
            let mut line = format!(
                "{status} {} {} «{}» {}{mention} [{}]",
                p.agreement,
                a.label,
                workspace.quote(a),
                a.source().unwrap_or("—"),
                p.annotators.join(", ")
            );
            for (what, text) in [("", &p.note), ("text: ", &a.note)] {
                if !text.is_empty() {
                    line.push_str(&format!(" {{{what}{text}}}"));
                }
            }
            if let Some(reason) = p.reason {
                line.push_str(&format!(" ({reason})"));
            }
            line
        })
        .collect()
}

/// Merges `files` with minimum agreement `min` and compares the gold set and the open
/// conflicts with the expected lines.
fn check(files: &[File], min: Option<usize>, gold: &[&str], conflicts: &[&str]) {
    let merge = merge(files, min);
    assert_eq!(describe(&merge.gold()), gold, "gold");
    assert_eq!(describe(&merge.conflicts()), conflicts, "conflicts");
    let ids: Vec<String> = merge
        .gold()
        .annotations()
        .iter()
        .map(|a| a.id.to_string())
        .collect();
    let fresh: Vec<String> = (1..=ids.len()).map(|n| format!("a{n}")).collect();
    assert_eq!(ids, fresh, "gold ids in text order");
}

const SAID: &str = "Maria Zakharova said “talks” failed";
const ACCUSED: &str = "Kabul accused Islamabad of fraud";
const ARABIC: &str = "قالت زاخاروفا إن المحادثات فشلت";
const CHINESE: &str = "外交部表示反对";

#[test]
fn agreement_makes_unanimous_majority_and_single() {
    let ana: File = (
        "ana",
        &[],
        &[
            (SAID, "claim", "Maria Zakharova", "", ""),
            (ACCUSED, "allegation", "Kabul", "", ""),
            (CHINESE, "claim", "外交部", "", ""),
        ],
    );
    let ben: File = (
        "ben",
        &[],
        &[
            (SAID, "claim", "maria  zakharova", "", ""),
            (ACCUSED, "allegation", "Kabul", "", ""),
        ],
    );
    let cara: File = (
        "cara",
        &[],
        &[
            (SAID, "claim", "Maria Zakharova", "", ""),
            (CHINESE, "claim", "外交部", "", ""),
        ],
    );
    check(
        &[ana, ben, cara],
        None,
        &[
            "unanimous 3/3 claim «Maria Zakharova said “talks” failed» Maria Zakharova [ana, ben, cara]",
            "majority 2/3 allegation «Kabul accused Islamabad of fraud» Kabul [ana, ben]",
            "majority 2/3 claim «外交部表示反对» 外交部 [ana, cara]",
        ],
        &[],
    );
    check(
        &[ana],
        None,
        &[
            "single 1/1 claim «Maria Zakharova said “talks” failed» Maria Zakharova [ana]",
            "single 1/1 allegation «Kabul accused Islamabad of fraud» Kabul [ana]",
            "single 1/1 claim «外交部表示反对» 外交部 [ana]",
        ],
        &[],
    );
    // With K = 3 only the unanimous one is agreed; the rest are groups of their own.
    check(
        &[ana, ben, cara],
        Some(3),
        &["unanimous 3/3 claim «Maria Zakharova said “talks” failed» Maria Zakharova [ana, ben, cara]"],
        &[
            "conflict 1 2/3 allegation «Kabul accused Islamabad of fraud» Kabul [ana, ben]",
            "conflict 2 2/3 claim «外交部表示反对» 外交部 [ana, cara]",
        ],
    );
}

#[test]
fn ties_are_conflicts() {
    let claim: Mark = (ACCUSED, "claim", "Kabul", "", "");
    let allegation: Mark = (ACCUSED, "allegation", "Kabul", "", "");
    let files: [File; 4] = [
        ("ana", &[], &[claim]),
        ("ben", &[], &[allegation]),
        ("cara", &[], &[claim]),
        ("dan", &[], &[allegation]),
    ];
    let both = [
        "conflict 1 2/4 allegation «Kabul accused Islamabad of fraud» Kabul [ben, dan]",
        "conflict 1 2/4 claim «Kabul accused Islamabad of fraud» Kabul [ana, cara]",
    ];
    // 2 against 2: neither reaches the default K = 3…
    check(&files, None, &[], &both);
    // …and with K = 2 both do, which is a tie: no agreement either.
    check(&files, Some(2), &[], &both);
    // 3 against 1 with K = 1: the one more made wins, the other stays open.
    let files: [File; 4] = [files[0], files[1], files[2], ("dan", &[], &[claim])];
    check(
        &files,
        Some(1),
        &["majority 3/4 claim «Kabul accused Islamabad of fraud» Kabul [ana, cara, dan]"],
        &["conflict 1 1/4 allegation «Kabul accused Islamabad of fraud» Kabul [ben]"],
    );
    // Made by the same annotator, two labels of one span are not rivals.
    let both_labels: File = ("ana", &[], &[claim, allegation]);
    check(
        &[both_labels, ("ben", &[], &[claim, allegation])],
        None,
        &[
            "unanimous 2/2 allegation «Kabul accused Islamabad of fraud» Kabul [ana, ben]",
            "unanimous 2/2 claim «Kabul accused Islamabad of fraud» Kabul [ana, ben]",
        ],
        &[],
    );
}

#[test]
fn overlapping_variants_form_groups_lowest_agreement_first() {
    let files: [File; 3] = [
        (
            "ana",
            &[],
            &[
                ("Maria Zakharova said", "claim", "", "", ""),
                ("Kabul accused Islamabad", "allegation", "Kabul", "", ""),
                (ARABIC, "claim", "زاخاروفا", "", ""),
            ],
        ),
        (
            "ben",
            &[],
            &[
                ("Zakharova said “talks” failed", "claim", "", "", ""),
                (ACCUSED, "allegation", "Kabul", "", ""),
                (ARABIC, "claim", "زاخاروفا", "", ""),
            ],
        ),
        (
            "cara",
            &[],
            &[
                (
                    "said “talks” failed at the Cafe\u{301}",
                    "proposal",
                    "",
                    "",
                    "",
                ),
                (ACCUSED, "allegation", "Kabul", "", ""),
            ],
        ),
    ];
    check(
        &files,
        None,
        &[
            "majority 2/3 allegation «Kabul accused Islamabad of fraud» Kabul [ben, cara]",
            "majority 2/3 claim «قالت زاخاروفا إن المحادثات فشلت» زاخاروفا [ana, ben]",
        ],
        &[
            "conflict 1 1/3 claim «Maria Zakharova said» — [ana]",
            "conflict 1 1/3 claim «Zakharova said “talks” failed» — [ben]",
            "conflict 1 1/3 proposal «said “talks” failed at the Cafe\u{301}» — [cara]",
            "conflict 2 1/3 allegation «Kabul accused Islamabad» Kabul [ana]",
        ],
    );
    let merge = merge(&files, None);
    let first = &merge.groups()[0];
    assert_eq!(
        (first.number, first.agreement(), first.variants.len()),
        (1, 1, 3)
    );
    assert_eq!(
        (first.start, first.end),
        (at("Maria").0, at("Cafe\u{301}").1)
    );
    assert_eq!(
        merge.groups()[1].silent(3),
        [1, 2],
        "ben and cara marked nothing else there"
    );
}

#[test]
fn aliases_in_any_file_make_sources_equal() {
    let zakharova: &[(&str, &[&str])] = &[("Maria Zakharova", &["Zakharova"])];
    let arabic: &[(&str, &[&str])] = &[("زاخاروفا", &["Zakharova", "M. Zakharova"])];
    let files: [File; 3] = [
        (
            "ana",
            zakharova,
            &[(SAID, "claim", "Maria Zakharova", "", "")],
        ),
        ("ben", &[], &[(SAID, "claim", "ZAKHAROVA", "", "")]),
        ("cara", arabic, &[(SAID, "claim", "زاخاروفا", "", "")]),
    ];
    check(
        &files,
        None,
        &["unanimous 3/3 claim «Maria Zakharova said “talks” failed» Maria Zakharova [ana, ben, cara]"],
        &[],
    );
    let gold = merge(&files, None).gold();
    assert_eq!(
        gold.sources,
        [Source {
            name: "Maria Zakharova".into(),
            aliases: vec!["زاخاروفا".into(), "Zakharova".into(), "M. Zakharova".into()],
        }]
    );
    // Without the aliases, three names are three sources.
    let files = [files[0], files[1], ("cara", &[], files[2].2)];
    assert_eq!(merge(&files, None).groups().len(), 1);
}

#[test]
fn unattributed_equals_unattributed_only() {
    let files: [File; 3] = [
        ("ana", &[], &[(CHINESE, "claim", "", "", "")]),
        ("ben", &[], &[(CHINESE, "claim", "", "", "")]),
        ("cara", &[], &[(CHINESE, "claim", "外交部", "", "")]),
    ];
    check(
        &files,
        None,
        &["majority 2/3 claim «外交部表示反对» — [ana, ben]"],
        &["conflict 1 1/3 claim «外交部表示反对» 外交部 [cara]"],
    );
}

#[test]
fn mentions_and_notes_of_agreeing_annotators() {
    let files: [File; 3] = [
        (
            "ana",
            &[],
            &[(SAID, "claim", "Maria Zakharova", "", "check “talks” 👨🏻‍🚒")],
        ),
        (
            "ben",
            &[],
            &[(SAID, "claim", "Maria Zakharova", "Maria Zakharova", "")],
        ),
        (
            "cara",
            &[],
            &[(
                SAID,
                "claim",
                "Maria Zakharova",
                "Zakharova",
                "check “talks” 👨🏻‍🚒",
            )],
        ),
    ];
    // A linked mention beats none; a tie goes to the annotator given first.
    check(
        &files,
        None,
        &["unanimous 3/3 claim «Maria Zakharova said “talks” failed» Maria Zakharova @«Maria Zakharova» [ana, ben, cara] {mentions differ; kept the one ben gave} {text: ana, cara: check “talks” 👨🏻‍🚒}"],
        &[],
    );
    let files = [
        files[0],
        files[2],
        (
            "ben",
            &[],
            &[(SAID, "claim", "Maria Zakharova", "Zakharova", "fine")],
        ),
    ];
    check(
        &files,
        None,
        &["unanimous 3/3 claim «Maria Zakharova said “talks” failed» Maria Zakharova @«Zakharova» [ana, cara, ben] {mentions differ; kept the one cara, ben gave} {text: ana, cara: check “talks” 👨🏻‍🚒\nben: fine}"],
        &[],
    );
    // One annotator: the note as written.
    check(
        &files[..1],
        None,
        &["single 1/1 claim «Maria Zakharova said “talks” failed» Maria Zakharova [ana] {text: check “talks” 👨🏻‍🚒}"],
        &[],
    );
}

#[test]
fn merges_are_refused_with_reasons() {
    let ana = annotator(("ana", &[], &[]));
    let mut other = annotator(("ben", &[], &[]));
    other.workspace = Workspace::new(Document::new("Другой текст", "Совсем другой текст."));
    let refused = |annotators: Vec<Annotator>, min| Merge::new(annotators, min).unwrap_err();
    let error = refused(vec![ana.clone(), other], None);
    assert_eq!(
        error.to_string(),
        "ben annotated “Другой текст”, another text than ana's “Talks 🙂”; merge the work of one text at a time"
    );
    assert_eq!(
        refused(vec![ana.clone(), ana.clone()], None).to_string(),
        "two annotators are called “ana”; give them different names"
    );
    assert_eq!(refused(vec![], None), MergeError::NoAnnotators);
    let two = vec![ana.clone(), annotator(("ben", &[], &[]))];
    assert_eq!(
        refused(two.clone(), Some(3)),
        MergeError::MinAgree {
            min: 3,
            annotators: 2
        }
    );
    assert_eq!(
        refused(two.clone(), Some(0)),
        MergeError::MinAgree {
            min: 0,
            annotators: 2
        }
    );
    assert_eq!(Merge::new(two, None).unwrap().min_agree(), 2);
    for (n, k) in [(1, 1), (2, 2), (3, 2), (4, 3), (5, 3)] {
        assert_eq!(claimmark::model::merge::default_min_agree(n), k, "{n}");
    }
}

/// Three annotators who disagree on one span (group 1) and on another (group 2).
fn disputed() -> Merge {
    let files: [File; 3] = [
        (
            "ana",
            &[],
            &[("Maria Zakharova said", "claim", "Maria Zakharova", "", "")],
        ),
        (
            "ben",
            &[],
            &[
                (SAID, "allegation", "Maria Zakharova", "", "too long?"),
                (ARABIC, "claim", "زاخاروفا", "", ""),
            ],
        ),
        ("cara", &[], &[(SAID, "claim", "Maria Zakharova", "", "")]),
    ];
    merge(&files, None)
}

#[test]
fn decisions_make_adjudicated_gold_annotations() {
    let mut merge = disputed();
    let group: Vec<String> = merge.groups()[0]
        .variants
        .iter()
        .map(|v| {
            format!(
                "{} «{}»",
                v.annotation.label,
                merge.document().text.quote(v.annotation.span)
            )
        })
        .collect();
    assert_eq!(
        group,
        [
            "allegation «Maria Zakharova said “talks” failed»",
            "claim «Maria Zakharova said “talks” failed»",
            "claim «Maria Zakharova said»"
        ]
    );
    // Combine: the span of ben's variant with ana's label and source, which is cara's.
    let kept = merge
        .decide(
            1,
            Decision::combine(0, 2)
                .with_note("ben's span, ana's label")
                .with_reason(Reason::Boundary),
        )
        .unwrap();
    assert_eq!(kept.len(), 1);
    merge.decide(2, Decision::reject_all()).unwrap();
    assert_eq!(
        describe(&merge.gold()),
        ["adjudicated 1/3 claim «Maria Zakharova said “talks” failed» Maria Zakharova [cara] {ben's span, ana's label} {text: ben: too long?} (boundary)"]
    );
    assert!(merge.conflicts().annotations().is_empty());
    let summary = merge.summary();
    assert_eq!(
        (
            summary.decided,
            summary.rejected,
            summary.open,
            summary.adjudicated
        ),
        (2, 1, 0, 1)
    );
    // Pick, and an edit of the adjudicator's own (the source named as the gold set names it).
    merge.decide(1, Decision::pick(2)).unwrap();
    let mine = Annotation {
        attribution: Attribution::named("زاخاروفا"),
        ..annotation(0, ("قالت زاخاروفا", "claim", "", "", "mine"))
    };
    merge
        .decide(2, Decision::edit(mine).with_reason(Reason::GuidelineGap))
        .unwrap();
    assert_eq!(
        describe(&merge.gold()),
        [
            "adjudicated 1/3 claim «Maria Zakharova said» Maria Zakharova [ana]",
            "adjudicated 0/3 claim «قالت زاخاروفا» زاخاروفا [] {text: mine} (guideline gap)",
        ]
    );
    let taken = merge.decision(2).cloned();
    assert_eq!(merge.reopen(2), taken);
    assert_eq!(
        describe(&merge.conflicts()),
        ["conflict 2 1/3 claim «قالت زاخاروفا إن المحادثات فشلت» زاخاروفا [ben]"]
    );
}

#[test]
fn decisions_that_do_not_fit_are_refused_and_change_nothing() {
    let mut merge = disputed();
    let before = merge.clone();
    let refused = |merge: &mut Merge, number, decision| {
        merge.decide(number, decision).unwrap_err().to_string()
    };
    assert_eq!(
        refused(&mut merge, 3, Decision::pick(0)),
        "there is no group 3"
    );
    assert_eq!(
        refused(&mut merge, 0, Decision::pick(0)),
        "there is no group 0"
    );
    assert_eq!(
        refused(&mut merge, 1, Decision::combine(0, 3)),
        "group 1 has no variant 3"
    );
    let edit = |label: &str, start: usize, end: usize| {
        let mut a = annotation(0, (SAID, label, "", "", ""));
        a.span = Span::new(start, end, 1000).unwrap();
        Decision::edit(a)
    };
    assert_eq!(
        refused(&mut merge, 1, edit("verdict", 10, 20)),
        "the edited annotation: the label “verdict” is not one of the annotators' labels"
    );
    let len = TEXT.chars().count();
    assert!(refused(&mut merge, 1, edit("claim", 10, len + 1))
        .contains("ends past the end of the text"));
    // Inside the firefighter emoji sequence, and between "e" and its accent.
    assert!(refused(&mut merge, 1, edit("claim", 1, 8)).contains("the span:"));
    let accent = at("e\u{301}").0 + 1;
    assert!(refused(&mut merge, 1, edit("claim", accent, accent + 2)).contains("the span:"));
    assert_eq!(merge, before);
    // A preview changes nothing either.
    assert_eq!(merge.preview(1, &Decision::pick(0)).unwrap().len(), 1);
    assert_eq!(merge, before);
}

#[test]
fn the_report_counts_choices_and_agreement() {
    let mut merge = disputed();
    merge.decide(1, Decision::pick(1)).unwrap();
    merge.decide(2, Decision::pick(0)).unwrap();
    let report = merge.report();
    let rows: Vec<(&str, usize, usize, usize, usize)> = report
        .annotators
        .iter()
        .map(|a| {
            (
                a.name.as_str(),
                a.annotations,
                a.in_gold,
                a.decided,
                a.chosen,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("ana", 1, 0, 1, 0),
            ("ben", 2, 1, 2, 1),
            ("cara", 1, 1, 1, 1)
        ]
    );
    assert_eq!(report.annotators[1].chosen_share(), Some(0.5));
    assert_eq!(report.kappa_before.len(), 3);
    assert!(report.alpha_before.is_some());
    let cara = &report.annotators[2].score.exact;
    assert_eq!(
        (cara.precision, cara.recall),
        (1.0, 0.5),
        "cara's one annotation is gold"
    );
    let csv = report.csv();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "annotator,annotations,in_gold,decided_groups,chosen,chosen_share,kappa_before_mean,kappa_with_gold,exact_f1_with_gold,relaxed_f1_with_gold");
    assert!(lines[3].starts_with("cara,1,1,1,1,1.0000,"), "{csv}");
    // A name that looks like a formula is neutralised.
    let files: [File; 2] = [("=HYPERLINK(\"x\")", &[], &[]), ("ben", &[], &[])];
    let csv = merge_of(&files).report().csv();
    assert!(
        csv.contains("\r\n\"'=HYPERLINK(\"\"x\"\")\",0,0,0,0,,"),
        "{csv}"
    );
}

fn merge_of(files: &[File]) -> Merge {
    merge(files, None)
}

#[test]
fn the_gold_set_has_every_label_and_the_first_definition_wins() {
    let mut ana = annotator(("ana", &[], &[(SAID, "claim", "", "", "")]));
    let mut ben = annotator(("ben", &[], &[(CHINESE, "rumeur", "", "", "")]));
    let extra = |name: &str, color: &str| claimmark::model::Label {
        id: LabelId::new("rumeur"),
        name: name.into(),
        description: String::new(),
        color: color.into(),
    };
    ben.workspace.labels.push(extra("Rumeur", "#112233"));
    ana.workspace.labels.insert(0, extra("Bruit", "#445566"));
    let gold = Merge::new(vec![ana, ben], Some(1)).unwrap().gold();
    let labels: Vec<(&str, &str)> = gold
        .labels
        .iter()
        .map(|l| (l.id.as_str(), l.name.as_str()))
        .collect();
    assert_eq!(
        labels,
        [
            ("rumeur", "Bruit"),
            ("claim", "Claim"),
            ("allegation", "Allegation"),
            ("proposal", "Proposal")
        ]
    );
    assert_eq!(
        describe(&gold),
        [
            "majority 1/2 claim «Maria Zakharova said “talks” failed» — [ana]",
            "majority 1/2 rumeur «外交部表示反对» — [ben]",
        ]
    );
}
