"""Password hashing (argon2id) and the minimum rules a real account's password must meet.

Parameters follow OWASP's Password Storage Cheat Sheet, which asks for Argon2id with at
least 19 MiB of memory (19456 KiB), 2 iterations and 1 degree of parallelism.  That costs
about 25 ms on the development machines; an office PC of ten years ago takes a few times
longer, still well inside what a login may take.  The parameters live in the stored hash
string itself, so raising them later only means that :func:`needs_rehash` turns True and
the next successful login stores a stronger hash.
"""

from __future__ import annotations

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from carceles_desktop.errors import ValidationError
from carceles_desktop.i18n import QT_TRANSLATE_NOOP

#: OWASP's minimum for Argon2id: m=19 MiB, t=2, p=1.
MEMORY_COST_KIB = 19 * 1024
TIME_COST = 2
PARALLELISM = 1

MIN_LENGTH = 8
#: Long enough for any passphrase; a limit keeps a pasted novel from costing seconds.
MAX_LENGTH = 256

# Passwords anyone would try first on a prison office PC; refused even when long enough.
_OBVIOUS = frozenset(
    {
        "12345678",
        "123456789",
        "1234567890",
        "87654321",
        "password",
        "password1",
        "contraseña",
        "contrasena",
        "qwertyui",
        "qwerty123",
        "administrador",
        "inpe1234",
        "11111111",
        "00000000",
    }
)

_HASHER = PasswordHasher(
    time_cost=TIME_COST,
    memory_cost=MEMORY_COST_KIB,
    parallelism=PARALLELISM,
    type=Type.ID,
)


def hash_password(password: str) -> str:
    """Return an argon2id hash (PHC string with salt and parameters) of ``password``.

    The policy is not checked here: demo data uses short passwords on purpose.  Real
    accounts call :func:`check_password_policy` first.
    """
    return _HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Return True when ``password`` matches ``password_hash``.

    A damaged or foreign hash string counts as a mismatch rather than an error: the
    user is refused, and nothing about the stored value leaks into a message.
    """
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Return True when the hash was made with other parameters than today's."""
    try:
        return _HASHER.check_needs_rehash(password_hash)
    except (InvalidHashError, ValueError):
        return True


def check_password_policy(password: str, *, username: str | None = None) -> None:
    """Refuse a password too weak for a real account.

    Args:
        password: the proposed password.
        username: when given, a password equal to it (in any case) is refused.

    Raises:
        ValidationError: (field ``password``) saying which rule was broken.
    """
    if len(password) < MIN_LENGTH:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The password must have at least {minimum} characters."),
            field="password",
            minimum=MIN_LENGTH,
        )
    if len(password) > MAX_LENGTH:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The password may have at most {maximum} characters."),
            field="password",
            maximum=MAX_LENGTH,
        )
    if not password.strip() or len(set(password)) < 3:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The password is too simple: use different characters."),
            field="password",
        )
    lowered = password.casefold()
    if lowered in _OBVIOUS or (username and lowered == username.casefold()):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The password is too easy to guess: choose another one."),
            field="password",
        )
