//! The suggestion engine on sentences: each structure of attribution, who is named as the
//! source, what is not an attribution, the registry and existing annotations, whole characters
//! in every script, and no English suggestions for other languages.

use claimmark::model::annotation::Source;
use claimmark::model::boundaries::split_problem;
use claimmark::model::suggest::{suggest, Model, Suggestion};
use claimmark::model::text::Document;
use claimmark::model::{Action, Editor, Workspace};

fn english(text: &str) -> Workspace {
    let mut document = Document::new("Test", text);
    document.language = Some("en".into());
    Workspace::new(document)
}

/// Each suggestion as "label | source | words said | cue".
fn shown(ws: &Workspace, suggestions: &[Suggestion]) -> Vec<String> {
    let text = &ws.document.text;
    suggestions
        .iter()
        .map(|s| {
            format!(
                "{} | {} | {} | {}",
                s.label,
                s.source.as_deref().unwrap_or("-"),
                text.quote(s.span),
                s.cue.map_or("-", |c| text.quote(c)),
            )
        })
        .collect()
}

fn check(text: &str, expected: &[&str]) {
    let ws = english(text);
    let found = shown(&ws, &suggest(&ws, &Model::new()));
    assert_eq!(found, expected, "{text}");
}

#[test]
fn quotations_before_after_and_split() {
    check(
        "“We are closer to a deal than ever,” said Lena Moravec, the envoy.",
        &["claim | Lena Moravec | We are closer to a deal than ever | said"],
    );
    check(
        "\"Nobody has spoken to us,\" union representative Marta Klein told reporters.",
        &["claim | Marta Klein | Nobody has spoken to us | told"],
    );
    check(
        "Mayor Ines Carvalho told the council: “This is the right decision.”",
        &["claim | Ines Carvalho | This is the right decision. | told"],
    );
    check(
        "“Every payment was proper,” he added, “and we will prove it.”",
        &[
            "claim | - | Every payment was proper | added",
            "claim | - | and we will prove it. | added",
        ],
    );
    check(
        "“We will not pay,” the mayor said. “Not now, not ever.”",
        &[
            "claim | mayor | We will not pay | said",
            "claim | mayor | Not now, not ever. | said",
        ],
    );
}

#[test]
fn reported_speech_and_according_to() {
    check(
        "Finance Minister Oskar Lind said on Monday that the tax would stay.",
        &["claim | Oskar Lind | the tax would stay | said"],
    );
    check(
        "Its chairman, Petr Blaha, said the count had been monitored.",
        &["claim | Petr Blaha | the count had been monitored | said"],
    );
    check(
        "Bread prices led the increase, the office said in its monthly report.",
        &["claim | office | Bread prices led the increase | said"],
    );
    check(
        "According to economists at Halden Bank, prices will keep rising.",
        &["claim | economists at Halden Bank | prices will keep rising | According to"],
    );
    check(
        "Prices rose 9 percent, according to the statistics office.",
        &["claim | statistics office | Prices rose 9 percent | according to"],
    );
    check(
        "A spokeswoman for the finance ministry said the position had not changed.",
        &["claim | finance ministry | the position had not changed | said"],
    );
    check(
        "A senior manager, who asked not to be named, said the cuts would fall on ground staff.",
        &["claim | senior manager | the cuts would fall on ground staff | said"],
    );
}

#[test]
fn accusations_calls_and_offers() {
    check(
        "Opposition councillors accused the mayor of hiding the cost.",
        &["allegation | Opposition councillors | the mayor of hiding the cost | accused"],
    );
    check(
        "Greenwatch urged the government to double the penalty.",
        &["proposal | Greenwatch | the government to double the penalty | urged"],
    );
    check(
        "Norway offered on Monday to host the talks.",
        &["proposal | Norway | to host the talks | offered"],
    );
    check(
        "The chamber said costs were choking investment and proposed a gradual cut in rates.",
        &[
            "claim | chamber | costs were choking investment | said",
            "proposal | chamber | a gradual cut in rates | proposed",
        ],
    );
    check(
        "Member states demanded a vote. Human rights advocates urged the court to act.",
        &[
            "proposal | Member states | a vote | demanded",
            "proposal | Human rights advocates | the court to act | urged",
        ],
    );
    check(
        "Salas called the claim “baseless and malicious.”",
        &["claim | Salas | baseless and malicious. | called"],
    );
    check(
        "The indictment alleges that he received 800,000 euros in bribes.",
        &["allegation | indictment | he received 800,000 euros in bribes | alleges"],
    );
}

#[test]
fn pronouns_and_short_names_name_the_source_before_them() {
    check(
        "Hospital director Karim Haddad warned that oxygen could run out. He said deliveries had \
         stopped. The army said the trucks lacked permits. It denied blocking the convoys.",
        &[
            "claim | Karim Haddad | oxygen could run out | warned",
            "claim | Karim Haddad | deliveries had stopped | said",
            "claim | army | the trucks lacked permits | said",
            "claim | army | blocking the convoys | denied",
        ],
    );
    check(
        "Norvik Energy was fined. Norvik said it would appeal. Ivan Dimov stayed calm. Dimov \
         told reporters that he was innocent. Officials said talks had stalled. They warned \
         that delays were likely.",
        &[
            "claim | Norvik Energy | it would appeal | said",
            "claim | Ivan Dimov | he was innocent | told",
            "claim | Officials | talks had stalled | said",
            "claim | Officials | delays were likely | warned",
        ],
    );
    check(
        "Rui Matos proposed a vote. Ines Carvalho rejected the idea. “It would only delay \
         everything,” she said.",
        &[
            "proposal | Rui Matos | a vote | proposed",
            "claim | Ines Carvalho | It would only delay everything | said",
        ],
    );
}

#[test]
fn what_is_not_an_attribution() {
    for text in [
        "A warning was issued on Monday.",
        "Two neighbouring states traded accusations.",
        "The company declined to comment.",
        "“We said it before and we will say it again.”",
        "The regulator fined the company 4 million euros.",
        "",
    ] {
        check(text, &[]);
    }
}

#[test]
fn known_sources_are_named_canonically_and_annotations_are_not_repeated() {
    let text = "Zakharova said the talks would resume. Lavrov said nothing more.";
    let mut ws = english(text);
    ws.sources = vec![Source {
        name: "Maria Zakharova".into(),
        aliases: vec!["Zakharova".into()],
    }];
    let first = suggest(&ws, &Model::new());
    assert_eq!(
        shown(&ws, &first)[0],
        "claim | Maria Zakharova | the talks would resume | said"
    );
    let mut editor = Editor::new(ws);
    editor
        .apply(first[0].to_action("2026-12-01T10:00:00Z"))
        .unwrap();
    let ws = editor.workspace();
    let added = &ws.annotations()[0];
    assert_eq!(added.source(), Some("Maria Zakharova"));
    assert_eq!(ws.quote(added), "the talks would resume");
    assert_eq!(ws.suggested(&added.id), None, "accepted: the person's now");
    let again = suggest(ws, &Model::new());
    assert!(again.iter().all(|s| s.span != first[0].span), "{again:?}");
}

/// `text` with `cluster` inserted before every `every`-th code point that follows a space.
fn sprinkled(text: &str, cluster: &str, every: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i % every == 0 && out.ends_with(' ') {
            out.push_str(cluster);
        }
        out.push(c);
    }
    out
}

#[test]
fn suggestions_never_split_a_character() {
    let base = "Moravec added that both sides\r\nhad agreed. “We are close,” said Zoë Brontë. \
                Officials in Merin accused Varos of staging the incident. The army denied it.";
    let clusters = [
        "👨🏻‍🚒",
        "e\u{301}",
        "🇵🇰",
        "\r\n",
        "क्षि",
        "รั",
        "1\u{fe0f}\u{20e3}",
        "\u{301}",
    ];
    let mut checked = 0;
    for cluster in clusters {
        for every in [2, 3, 5, 7] {
            let ws = english(&sprinkled(base, cluster, every));
            let text = &ws.document.text;
            for s in suggest(&ws, &Model::new()) {
                let spans = [Some(s.span), s.mention, s.cue];
                for span in spans.into_iter().flatten() {
                    assert_eq!(split_problem(text, span), None, "{cluster:?} {every}");
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} spans checked");
}

#[test]
fn other_languages_get_no_english_suggestions() {
    let said = "The minister said that the border would reopen.";
    for (text, language) in [
        (said, Some("fr")),
        (said, Some("zh-Hans")),
        (said, None),
        (
            "Le ministre a dit que la frontière rouvrirait. « Nous sommes prêts », a-t-il dit.",
            Some("fr"),
        ),
        ("El ministro dijo que la frontera se reabriría.", Some("es")),
        ("قالت الوزيرة إن الحدود ستفتح.", Some("ar")),
        ("外交部发言人表示，边境将重新开放。", Some("zh")),
    ] {
        let mut document = Document::new("Other", text);
        document.language = language.map(str::to_string);
        let ws = Workspace::new(document);
        assert_eq!(
            suggest(&ws, &Model::new()),
            Vec::new(),
            "{text} ({language:?})"
        );
    }
    let mut document = Document::new("British", said);
    document.language = Some("en-GB".into());
    assert_eq!(suggest(&Workspace::new(document), &Model::new()).len(), 1);
}

#[test]
fn a_suggestion_becomes_an_add_action() {
    let ws = english("Greenwatch urged the government to act.");
    let s = &suggest(&ws, &Model::new())[0];
    let Action::Add {
        span,
        label,
        attribution,
        note,
        now,
    } = s.to_action("2026-12-01T10:00:00Z")
    else {
        panic!("not an Add");
    };
    assert_eq!(
        (span, label.as_str(), note.as_str()),
        (s.span, "proposal", "")
    );
    assert_eq!(now, "2026-12-01T10:00:00Z");
    let attribution = attribution.unwrap();
    assert_eq!(attribution.source, "Greenwatch");
    assert_eq!((attribution.mention, attribution.cue), (s.mention, s.cue));
    assert!((0.5..=1.0).contains(&s.confidence));
    assert!(s.features.contains(&"cue:urge".to_string()));
}
