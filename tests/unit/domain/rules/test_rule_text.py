import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carceles_desktop.domain.rules.text import fold, fold_pattern, search_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Núñez", "nunez"),
        ("  MARÍA   José\tPÉREZ \n", "maria jose perez"),
        ("Güemes", "guemes"),
        ("CAÑETE", "canete"),
        ("Ángel\u00a0Ñahui", "angel nahui"),  # non-breaking space from a spreadsheet
        ("", ""),
        (None, ""),
        ("   ", ""),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_folded_text_is_lower_case_and_single_spaced(text):
    folded = fold(text)
    assert folded == folded.lower()
    assert folded == folded.strip()
    assert "  " not in folded


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzáéíóúüñÁÉÍÓÚÜÑ "))
def test_spanish_text_folds_to_plain_ascii(text):
    assert re.fullmatch(r"[a-z ]*", fold(text))


def test_search_key_joins_non_empty_parts():
    assert search_key("Núñez", None, "", "  ", "María  José", "12345678") == (
        "nunez maria jose 12345678"
    )
    assert search_key() == ""
    assert search_key(None) == ""


def test_fold_pattern_escapes_like_wildcards():
    assert fold_pattern("Núñez") == "%nunez%"
    assert fold_pattern("50% de_x") == r"%50\% de\_x%"
    assert fold_pattern("a\\b") == r"%a\\b%"
    assert fold_pattern("") == "%%"


def _like(pattern, value):
    # A reference LIKE with escape "\\", written for the test: % any run, _ one character.
    regex = []
    chars = iter(pattern)
    for ch in chars:
        if ch == "\\":
            regex.append(re.escape(next(chars)))
        elif ch == "%":
            regex.append(".*")
        elif ch == "_":
            regex.append(".")
        else:
            regex.append(re.escape(ch))
    return re.fullmatch("".join(regex), value, flags=re.DOTALL) is not None


@given(st.text(), st.text(), st.text())
def test_pattern_finds_the_key_it_was_typed_from(before, typed, after):
    key = search_key(before, typed, after)
    assert _like(fold_pattern(typed), key)


@given(st.text(alphabet="ab%_\\ "), st.text(alphabet="ab%_\\ "))
def test_wildcards_typed_by_the_user_match_only_themselves(typed, key_text):
    key = fold(key_text)
    assert _like(fold_pattern(typed), key) == (fold(typed) in key)
