//! Property tests in the normal suite (the fuzz targets in fuzz/ go further): every importer,
//! the exercise reader and the command line return a value or an error for any input — no
//! panic — and leave nothing half done.
#![cfg(not(target_arch = "wasm32"))]

use claimmark::model::importers::Importer;
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
        for importer in Importer::ALL {
            prop_assert_eq!(importer.feed(input.as_bytes()), Ok(()));
        }
        // Brat's annotations on a text of its own, and every file name the import recognises.
        let brat = format!("ab🙂 e\u{301} cd\0{input}");
        prop_assert_eq!(Importer::Brat.feed(brat.as_bytes()), Ok(()));
        for selector in 0..Importer::NAMES.len() as u8 {
            let named: Vec<u8> = std::iter::once(selector).chain(input.bytes()).collect();
            prop_assert_eq!(Importer::Any.feed(&named), Ok(()));
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        for importer in Importer::ALL {
            prop_assert_eq!(importer.feed(&bytes), Ok(()));
        }
    }
}
