import pytest
from hypothesis import given
from hypothesis import strategies as st

from carceles_desktop.domain.rules.identity import (
    DNI_LENGTH,
    describe_dni_problem,
    describe_ruc_problem,
    dni_check_characters,
    is_valid_dni,
    is_valid_foreign_document,
    is_valid_ruc,
    is_valid_ubigeo,
    restore_dni_zeros,
    ruc_check_digit,
    ruc_for_dni,
)

dnis = st.text(alphabet="0123456789", min_size=DNI_LENGTH, max_size=DNI_LENGTH)


# --- DNI -------------------------------------------------------------------------------


def test_dni_check_characters_of_the_published_example():
    assert dni_check_characters("10117410") == ("2", "G")


@pytest.mark.parametrize("check", ["2", "G", "g", None, ""])
def test_dni_with_either_check_form_is_valid(check):
    assert is_valid_dni("10117410", check)
    assert describe_dni_problem("10117410", check) is None


@pytest.mark.parametrize("check", ["3", "H", "GG", " "])
def test_dni_with_wrong_check_is_invalid(check):
    assert not is_valid_dni("10117410", check)
    assert describe_dni_problem("10117410", check) is not None


@pytest.mark.parametrize(
    ("number", "expected_words"),
    [
        ("", "Enter"),
        ("1234567", "8 digits"),
        ("123456789", "8 digits"),
        ("1234567A", "only digits"),
        (" 1234567", "only digits"),
        ("1234567\n", "only digits"),
        ("１２３４５６７８", "only digits"),  # full-width digits are not ASCII digits
    ],
)
def test_invalid_dni_is_described(number, expected_words):
    assert not is_valid_dni(number)
    problem = describe_dni_problem(number)
    assert problem is not None
    assert expected_words in problem


def test_dni_keeps_its_leading_zeros():
    assert is_valid_dni("01234567")
    assert not is_valid_dni("1234567")


@given(dnis)
def test_every_dni_has_digit_and_letter_checks_at_the_same_position(dni):
    digit, letter = dni_check_characters(dni)
    assert (digit, letter) in set(zip("65432110987", "KJIHGFEDCBA", strict=True))
    assert is_valid_dni(dni, digit)
    assert is_valid_dni(dni, letter.lower())


@given(dnis, st.sampled_from("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
def test_a_check_is_accepted_only_when_it_is_one_of_the_two_forms(dni, check):
    assert is_valid_dni(dni, check) == (check in dni_check_characters(dni))


def test_dni_check_characters_rejects_non_dni():
    with pytest.raises(ValueError, match="8 digits"):
        dni_check_characters("1234")


# --- restoring zeros --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1234567, ("01234567", True)),
        (1234567.0, ("01234567", True)),
        ("1234567", ("01234567", True)),
        ("1234567.0", ("01234567", True)),
        (" 01234567 ", ("01234567", False)),
        (12345678, ("12345678", False)),
        ("12345678", ("12345678", False)),
        (42, ("00000042", True)),
    ],
)
def test_restore_dni_zeros(value, expected):
    assert restore_dni_zeros(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "1234567A",
        "",
        "  ",
        "123456789",
        123456789,
        -1234567,
        -1.0,
        1234567.5,
        float("nan"),
        float("inf"),
        "1,234,567",
        "1234567.5",
        True,
    ],
)
def test_restore_dni_zeros_rejects_what_cannot_be_a_dni(value):
    with pytest.raises(ValueError, match=r"DNI|digits"):
        restore_dni_zeros(value)


@given(dnis)
def test_dni_that_lost_its_zeros_is_restored(dni):
    as_number = int(dni)
    restored, warned = restore_dni_zeros(as_number)
    assert restored == dni
    assert warned == dni.startswith("0")
    assert restore_dni_zeros(float(as_number)) == (dni, warned)
    assert restore_dni_zeros(dni) == (dni, False)


# --- RUC --------------------------------------------------------------------------------


@pytest.mark.parametrize("ruc", ["20512333797", "10054148289", "10101174102"])
def test_published_valid_rucs(ruc):
    assert is_valid_ruc(ruc)
    assert describe_ruc_problem(ruc) is None


def test_published_invalid_ruc():
    assert not is_valid_ruc("20512333798")
    problem = describe_ruc_problem("20512333798")
    assert problem is not None
    assert "last digit" in problem


def test_ruc_check_digit():
    assert ruc_check_digit("2051233379") == 7
    assert ruc_check_digit("1005414828") == 9


def test_ruc_check_digit_rejects_wrong_length():
    with pytest.raises(ValueError, match="10 digits"):
        ruc_check_digit("205123337")


def test_ruc_for_dni_of_the_published_example():
    assert ruc_for_dni("10117410") == "10101174102"


def test_ruc_for_dni_rejects_non_dni():
    with pytest.raises(ValueError, match="8 digits"):
        ruc_for_dni("1011741")


@pytest.mark.parametrize(
    ("ruc", "expected_words"),
    [
        ("", "Enter"),
        ("2051233379", "11 digits"),
        ("205123337970", "11 digits"),
        ("2051233379A", "only digits"),
        ("30512333797", "starts with"),
    ],
)
def test_invalid_ruc_is_described(ruc, expected_words):
    assert not is_valid_ruc(ruc)
    problem = describe_ruc_problem(ruc)
    assert problem is not None
    assert expected_words in problem


@given(dnis)
def test_every_persons_ruc_is_valid(dni):
    ruc = ruc_for_dni(dni)
    assert len(ruc) == 11
    assert ruc[2:10] == dni
    assert is_valid_ruc(ruc)


@given(
    st.sampled_from(["10", "15", "16", "17", "20"]),
    st.text(alphabet="0123456789", min_size=8, max_size=8),
    st.data(),
)
def test_changing_the_check_digit_invalidates_a_ruc(prefix, body, data):
    first_ten = prefix + body
    check = ruc_check_digit(first_ten)
    assert is_valid_ruc(f"{first_ten}{check}")
    wrong = data.draw(st.integers(0, 9).filter(lambda d: d != check))
    assert not is_valid_ruc(f"{first_ten}{wrong}")


def _sunat_check_digit(first_ten):
    # SUNAT's formulation, written independently: 11 - remainder, with 10 -> 0 and 11 -> 1.
    total = sum(int(d) * w for d, w in zip(first_ten, (5, 4, 3, 2, 7, 6, 5, 4, 3, 2), strict=True))
    result = 11 - total % 11
    return {10: 0, 11: 1}.get(result, result)


@given(st.text(alphabet="0123456789", min_size=10, max_size=10))
def test_ruc_check_digit_agrees_with_sunats_formulation(first_ten):
    assert ruc_check_digit(first_ten) == _sunat_check_digit(first_ten)


# --- other documents ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["A", "X1234567", "AB1234567890", "001234567", "p123"])
def test_valid_foreign_documents(text):
    assert is_valid_foreign_document(text)


@pytest.mark.parametrize("text", ["", "AB12345678901", "AB-123", "AB 123", "Ñ123", "１２"])
def test_invalid_foreign_documents(text):
    assert not is_valid_foreign_document(text)


@pytest.mark.parametrize("text", ["150101", "010101", "250101", "070101"])
def test_valid_ubigeos(text):
    assert is_valid_ubigeo(text)


@pytest.mark.parametrize("text", ["", "15010", "1501011", "000101", "260101", "99999A", "15010\n"])
def test_invalid_ubigeos(text):
    assert not is_valid_ubigeo(text)
