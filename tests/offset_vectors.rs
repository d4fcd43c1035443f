//! The shared offset test vectors (`../shared/test-vectors/`), checked against the model's
//! conversions: the same span in code points, UTF-16 units and UTF-8 bytes.
#![cfg(not(target_arch = "wasm32"))]

use claimmark::model::offsets::{
    code_points_to_utf16, code_points_to_utf8, utf16_to_code_points, utf8_to_code_points, Round,
};
use claimmark::model::Text;
use serde_json::Value;

fn vectors() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/offsets.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn pair(v: &Value) -> (usize, usize) {
    (
        v[0].as_u64().unwrap() as usize,
        v[1].as_u64().unwrap() as usize,
    )
}

#[test]
fn every_vector_converts_between_units() {
    let mut checked = 0;
    for case in vectors().iter().filter(|c| c.get("text").is_some()) {
        let text = case["text"].as_str().unwrap();
        let (cs, ce) = pair(&case["codepoint"]);
        let (us, ue) = pair(&case["utf16"]);
        let (bs, be) = pair(&case["utf8_bytes"]);
        assert_eq!(
            Text::new(text).slice(cs, ce),
            case["span"].as_str().unwrap()
        );
        assert_eq!(
            (
                utf16_to_code_points(text, us, Round::Down),
                utf16_to_code_points(text, ue, Round::Up)
            ),
            (cs, ce)
        );
        assert_eq!(
            (
                code_points_to_utf16(text, cs),
                code_points_to_utf16(text, ce)
            ),
            (us, ue)
        );
        assert_eq!(
            (
                utf8_to_code_points(text, bs, Round::Down),
                utf8_to_code_points(text, be, Round::Up)
            ),
            (cs, ce)
        );
        assert_eq!(
            (code_points_to_utf8(text, cs), code_points_to_utf8(text, ce)),
            (bs, be)
        );
        assert_eq!(
            Text::new(text).len(),
            case["len_codepoints"].as_u64().unwrap() as usize
        );
        checked += 1;
    }
    assert_eq!(checked, 4);
}
