"""Agreement and scores from `claimmark agree --json`, checked against independent references:
scikit-learn's cohen_kappa_score and the krippendorff package, over units computed here from
the files themselves (every non-whitespace code point; category = sorted covering label ids
joined by "+", or "none"), on the three fixture sets in tests/data/agreement/."""

from __future__ import annotations

import itertools
import json
import math
import pathlib
import subprocess
import warnings

import krippendorff
import pytest
from sklearn.metrics import cohen_kappa_score


SETS = pathlib.Path(__file__).resolve().parents[1] / "data" / "agreement"


def units(path: pathlib.Path) -> list[str]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    text = doc["document"]["text"]
    covering: list[list[str]] = [[] for _ in text]
    for a in doc["annotations"]:
        assert text[a["start"]:a["end"]] == a["quote"]
        for i in range(a["start"], a["end"]):
            covering[i].append(a["label"])
    return ["+".join(sorted(c)) if c else "none" for ch, c in zip(text, covering) if not ch.isspace()]


def agree(claimmark_bin, files: list[pathlib.Path]) -> dict:
    out = subprocess.run([str(claimmark_bin), "agree", "--json", *map(str, files)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def same(ours, reference) -> bool:
    if ours is None:
        return reference is None or math.isnan(reference)
    return reference is not None and not math.isnan(reference) and abs(ours - reference) < 1e-9


@pytest.mark.parametrize("name", ["seed", "nasty", "short"])
def test_kappa_and_alpha_match_the_reference_implementations(name, claimmark_bin):
    folder = SETS / name
    files = [folder / "key.claimmark.json"] + sorted(p for p in folder.glob("*.claimmark.json") if p.name != "key.claimmark.json")
    result = agree(claimmark_bin, files)
    coded = [units(f) for f in files]
    assert len({len(c) for c in coded}) == 1
    names = result["agreement"]["annotators"]
    assert len(names) == len(files)
    kappas = {(k["a"], k["b"]): k["kappa"] for k in result["agreement"]["cohen_kappa"]}
    assert len(kappas) == len(files) * (len(files) - 1) // 2
    for (i, a), (j, b) in itertools.combinations(enumerate(coded), 2):
        with warnings.catch_warnings():
            # scikit-learn warns, and answers nan, when kappa is undefined.
            warnings.simplefilter("ignore")
            reference = cohen_kappa_score(a, b)
        assert same(kappas[(names[i], names[j])], reference), (names[i], names[j], kappas[(names[i], names[j])], reference)
    categories = sorted({c for coder in coded for c in coder})
    data = [[categories.index(c) for c in coder] for coder in coded]
    reference_alpha = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert same(result["agreement"]["krippendorff_alpha"], reference_alpha), (result["agreement"]["krippendorff_alpha"], reference_alpha)


def test_undefined_kappa_is_null_not_a_number(claimmark_bin):
    folder = SETS / "short"
    result = agree(claimmark_bin, [folder / "key.claimmark.json", folder / "fay.claimmark.json", folder / "ivy.claimmark.json"])
    kappas = {(k["a"], k["b"]): k["kappa"] for k in result["agreement"]["cohen_kappa"]}
    assert kappas[("Fay", "Ivy")] is None, "both annotators put every unit in one category"


def test_the_sets_cover_overlaps_and_unicode():
    nasty = json.loads((SETS / "nasty" / "dee.claimmark.json").read_text(encoding="utf-8"))
    spans = [(a["start"], a["end"]) for a in nasty["annotations"]]
    assert any(s1 < e2 and s2 < e1 for (s1, e1), (s2, e2) in itertools.combinations(spans, 2)), "overlapping spans"
    assert "👨🏻‍🚒" in nasty["document"]["text"] and "\r\n" in nasty["document"]["text"]
    assert any("+" in u for u in units(SETS / "nasty" / "dee.claimmark.json")), "a unit under two labels"
