//! The comparator's own cases (`selftest/comparator.json`): pairs that must match and pairs
//! that must not, so a green conformance run can be trusted.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;
use xtask::compare::{self, Mode};
use xtask::fixture::OneOrMany;

#[derive(Deserialize)]
struct Pair {
    kind: String,
    #[serde(rename = "match")]
    should_match: bool,
    reason: String,
    expected: Value,
    actual: Value,
    #[serde(default)]
    absent: Vec<String>,
}

fn run(pair: &Pair) -> Result<(), String> {
    let result = match pair.kind.as_str() {
        "json_exact" => compare::json(&pair.expected, &pair.actual, Mode::Exact, "body"),
        "json_subset" => compare::json(&pair.expected, &pair.actual, Mode::Subset, "result"),
        "xml" => compare::xml(
            pair.expected
                .as_str()
                .ok_or("xml expected must be a string")?,
            pair.actual.as_str().ok_or("xml actual must be a string")?,
            "body",
        ),
        "form" => {
            let expected: BTreeMap<String, OneOrMany> =
                serde_json::from_value(pair.expected.clone()).map_err(|e| e.to_string())?;
            let actual = pair.actual.as_str().ok_or("form actual must be a string")?;
            let decoded: Vec<(String, String)> =
                serde_urlencoded::from_str(actual).map_err(|e| e.to_string())?;
            compare::pairs(&expected, &decoded, "form")
        }
        "headers" => {
            let expected: BTreeMap<String, String> =
                serde_json::from_value(pair.expected.clone()).map_err(|e| e.to_string())?;
            let actual: Vec<(String, String)> =
                serde_json::from_value(pair.actual.clone()).map_err(|e| e.to_string())?;
            compare::headers(&expected, &pair.absent, &actual)
        }
        other => return Err(format!("unknown kind {other}")),
    };
    match (pair.should_match, result) {
        (true, Ok(())) | (false, Err(_)) => Ok(()),
        (true, Err(diff)) => Err(format!("should match ({}), but: {diff}", pair.reason)),
        (false, Ok(())) => Err(format!("should NOT match ({}), but did", pair.reason)),
    }
}

#[test]
fn comparator_self_test() {
    let text = include_str!("../selftest/comparator.json");
    let pairs: Vec<Pair> = serde_json::from_str(text).expect("selftest file parses");
    let failing = pairs.iter().filter(|p| !p.should_match).count();
    assert!(
        failing >= 10,
        "the self-test must keep failing pairs, has {failing}"
    );
    let problems: Vec<String> = pairs
        .iter()
        .enumerate()
        .filter_map(|(i, p)| run(p).err().map(|e| format!("pair {i} [{}]: {e}", p.kind)))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_diff_names_the_field_and_both_values() {
    let diff = compare::json(
        &serde_json::json!({"Subscriber": {"BirthDate": "5/16/1980"}}),
        &serde_json::json!({"Subscriber": {"BirthDate": "1980-05-16"}}),
        Mode::Exact,
        "body",
    )
    .unwrap_err();
    assert_eq!(diff.at, "body.Subscriber.BirthDate");
    assert_eq!(diff.expected, "\"5/16/1980\"");
    assert_eq!(diff.actual, "\"1980-05-16\"");
}
