"""Password hashing with argon2id and the password policy."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher, Type

from carceles_desktop.errors import ValidationError
from carceles_desktop.services import passwords


def test_hash_is_argon2id_with_owasp_parameters_and_never_the_password() -> None:
    stored = passwords.hash_password("correcto caballo")

    assert "correcto caballo" not in stored
    assert stored.startswith("$argon2id$")
    assert "m=19456,t=2,p=1" in stored


def test_two_hashes_of_one_password_differ_by_salt() -> None:
    assert passwords.hash_password("mismo-secreto") != passwords.hash_password("mismo-secreto")


def test_verify_accepts_the_password_and_refuses_others() -> None:
    stored = passwords.hash_password("Taller2026!")

    assert passwords.verify_password(stored, "Taller2026!")
    assert not passwords.verify_password(stored, "taller2026!")
    assert not passwords.verify_password(stored, "")


def test_verify_treats_a_damaged_hash_as_a_mismatch() -> None:
    assert not passwords.verify_password("not-a-hash", "whatever")
    assert not passwords.verify_password("$argon2id$v=19$m=19456,t=2,p=1$broken", "x")


def test_fresh_hash_needs_no_rehash() -> None:
    assert not passwords.needs_rehash(passwords.hash_password("secreto-largo"))


def test_hash_with_weaker_parameters_needs_rehash_and_still_verifies() -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1, type=Type.ID)
    stored = weak.hash("secreto-largo")

    assert passwords.needs_rehash(stored)
    assert passwords.verify_password(stored, "secreto-largo")


def test_damaged_hash_needs_rehash() -> None:
    assert passwords.needs_rehash("garbage")


def test_hashing_does_not_apply_the_policy() -> None:
    # Demo data uses "demo" on purpose; only check_password_policy refuses it.
    assert passwords.verify_password(passwords.hash_password("demo"), "demo")


@pytest.mark.parametrize(
    "weak",
    [
        "",
        "demo",
        "corto1!",
        "12345678",
        "Password",
        "contraseña",
        "aaaaaaaaaa",
        "abababab",
        " " * 9,
    ],
)
def test_policy_refuses_weak_passwords(weak: str) -> None:
    with pytest.raises(ValidationError) as caught:
        passwords.check_password_policy(weak)

    assert caught.value.field == "password"


def test_policy_refuses_a_password_equal_to_the_user_name() -> None:
    with pytest.raises(ValidationError, match="easy to guess"):
        passwords.check_password_policy("Jperez2026", username="jperez2026")


def test_policy_refuses_an_endless_password() -> None:
    with pytest.raises(ValidationError, match="at most"):
        passwords.check_password_policy("x1y2z3" * 100)


def test_policy_message_names_the_minimum_length() -> None:
    with pytest.raises(ValidationError, match="8 characters"):
        passwords.check_password_policy("abc")


@pytest.mark.parametrize("good", ["taller-carpinteria", "Lurigancho#2026", "ñandú con tilde"])
def test_policy_accepts_reasonable_passwords(good: str) -> None:
    passwords.check_password_policy(good, username="jperez")
