//! Property tests in the normal suite (the fuzz targets in fuzz/ go further): every importer,
//! the exercise reader and the command line return a value or an error for any input — no
//! panic — and leave nothing half done.
#![cfg(not(target_arch = "wasm32"))]

use claimmark::model::exercise;
use claimmark::model::formats::{
    brat, doccano, import, label_studio, native, spacy, w3c, zip, InputFile,
};
use claimmark::model::Workspace;
use proptest::prelude::*;

/// Inputs near the formats: JSON-ish fragments glued at random, with offsets and Unicode.
fn jsonish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\"format\"",
        "\"claimmark\"",
        "\"version\"",
        "1",
        "-1",
        "1e400",
        "0.5",
        "\"document\"",
        "\"text\"",
        "\"ab🙂 e\u{301}\"",
        "\"annotations\"",
        "\"start\"",
        "\"end\"",
        "\"label\"",
        "\"claim\"",
        "\"quote\"",
        "\"spans\"",
        "\"entities\"",
        "\"relations\"",
        "\"data\"",
        "\"result\"",
        "\"value\"",
        "\"labels\"",
        "\"@context\"",
        "\"type\"",
        "\"Annotation\"",
        "\"AnnotationCollection\"",
        "\"first\"",
        "\"items\"",
        "\"target\"",
        "\"selector\"",
        "\"TextPositionSelector\"",
        "\"TextQuoteSelector\"",
        "\"exact\"",
        "null",
        "true",
        "\n",
        "\r\n",
        "\\u0000",
        "\\ud83d",
        "T1\tclaim 0 2\tab\n",
        "R1\tAttribution Arg1:T1 Arg2:T2\n",
        "#1\tAnnotatorNotes T1\tx\n",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn importers_never_panic(input in jsonish()) {
        let _ = native::import(&input);
        let _ = w3c::import(&input, &[&Workspace::seed()]);
        let _ = spacy::import(&input);
        let _ = doccano::import(&input);
        let _ = label_studio::import(&input);
        let _ = brat::import(&[("d".into(), "ab🙂 e\u{301} cd".into(), input.clone())]);
        let _ = exercise::import(&input);
        let _ = exercise::from_fragment(&input);
        for name in ["x.json", "x.jsonl", "x.ann", "x.zip", "x"] {
            let _ = import(&[InputFile { name: name.into(), bytes: input.as_bytes().to_vec() }], &[&Workspace::seed()]);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = zip::read_stored(&bytes);
        for name in ["x.json", "x.zip", "x.ann"] {
            let _ = import(&[InputFile { name: name.into(), bytes: bytes.clone() }], &[]);
        }
    }
}
