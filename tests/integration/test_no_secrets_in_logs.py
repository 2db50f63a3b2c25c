"""No password, passphrase or private key ever reaches a log file."""

from __future__ import annotations

from pathlib import Path

import pytest

from carceles_desktop import config
from carceles_desktop.app import main

PASSWORD = "Clave-Secreta-7391"
WRONG = "Equivocada-5520"
PASSPHRASE = "frase-de-firma-4417"


def _logs() -> str:
    folder = config.log_dir()
    return "\n".join(
        path.read_text(encoding="utf-8", errors="replace") for path in folder.glob("*.log*")
    )


def test_secrets_typed_at_the_command_line_are_not_logged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CARCELES_HOME", str(tmp_path / "home"))
    database = str(tmp_path / "carceles.sqlite3")
    monkeypatch.setenv("CARCELES_PASSWORD", PASSWORD)
    assert (
        main(["--database", database, "init", "--admin", "admin", "--establishment", "LURIGANCHO"])
        == 0
    )
    monkeypatch.setenv("CARCELES_KEY_PASSPHRASE", PASSPHRASE)
    assert (
        main(
            [
                "--database",
                database,
                "--user",
                "admin",
                "keys",
                "create",
                "--establishment",
                "LURIGANCHO",
            ]
        )
        == 0
    )
    monkeypatch.setenv("CARCELES_PASSWORD", WRONG)
    assert main(["--database", database, "--user", "admin", "list", "trainees"]) != 0
    # A bug's traceback is logged: make one happen with the secrets in the environment.
    monkeypatch.setattr(
        "carceles_desktop.commands.listing.run_list",
        lambda env: (_ for _ in ()).throw(RuntimeError(f"boom {PASSWORD} {PASSPHRASE}")),
    )
    monkeypatch.setenv("CARCELES_PASSWORD", PASSWORD)
    assert main(["--database", database, "--user", "admin", "list", "trainees"]) == 70
    captured = capsys.readouterr()
    logs = _logs()
    assert "boom" in logs  # the bug was logged …
    for secret in (PASSWORD, WRONG, PASSPHRASE):
        assert secret not in logs  # … without the secrets
        assert secret not in captured.out + captured.err
    raw = Path(database).read_bytes()
    for secret in (PASSWORD, WRONG, PASSPHRASE):
        assert secret.encode() not in raw
