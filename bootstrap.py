#!/usr/bin/env python3
"""Set up Cárceles Productivas from a source checkout, then run it or test it.

    python3 bootstrap.py               install into .venv, open the app on the demo database
    python3 bootstrap.py -- ARGS...    the same, passing ARGS on to the app (e.g. --lang en)
    python3 bootstrap.py test [ARGS]   install with the test tools and run the whole suite
                                       (ARGS go to pytest)

It uses only the standard library, so the system's python3 (3.11 or newer) can run it
on a fresh machine.  On Debian and Ubuntu it installs the system libraries that Qt needs
when run as root, and prints the exact ``sudo apt-get`` line otherwise.  Re-running is
quick: pip runs again only when pyproject.toml has changed.  ``test`` also starts a
throwaway PostgreSQL server for the PostgreSQL tests and always removes it afterwards.
"""

from __future__ import annotations

import glob
import hashlib
import importlib.util
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
MARKER = VENV / "carceles-bootstrap.json"
TEST_EXTRAS = ("dev", "test")
POSTGRES_ENV = "CARCELES_TEST_POSTGRES_URL"
PG_USER = "carceles"
PG_DATABASE = "carceles_test"

# Debian package -> shared libraries it provides.  Checked by library name rather than
# package name, so that other distributions and renamed packages are judged fairly.
QT_OFFSCREEN_LIBS = {
    "libegl1": ["libEGL.so.1"],
    "libgl1": ["libGL.so.1"],
    "libxkbcommon0": ["libxkbcommon.so.0"],
    "libfontconfig1": ["libfontconfig.so.1"],
    "libdbus-1-3": ["libdbus-1.so.3"],
    "libglib2.0-0": ["libglib-2.0.so.0", "libgthread-2.0.so.0"],
    "libfreetype6": ["libfreetype.so.6"],
    # QtPdf and QtNetwork link Kerberos' GSSAPI; a minimal Debian lacks it.
    "libgssapi-krb5-2": ["libgssapi_krb5.so.2"],
}
QT_WINDOW_LIBS = {
    "libxcb-cursor0": ["libxcb-cursor.so.0"],
    "libxcb-icccm4": ["libxcb-icccm.so.4"],
    "libxcb-keysyms1": ["libxcb-keysyms.so.1"],
    "libxcb-image0": ["libxcb-image.so.0"],
    "libxcb-render-util0": ["libxcb-render-util.so.0"],
    "libxcb-randr0": ["libxcb-randr.so.0"],
    "libxcb-shape0": ["libxcb-shape.so.0"],
    "libxcb-xinerama0": ["libxcb-xinerama.so.0"],
    "libxcb-xkb1": ["libxcb-xkb.so.1"],
    "libxkbcommon-x11-0": ["libxkbcommon-x11.so.0"],
    "libx11-xcb1": ["libX11-xcb.so.1"],
}
# Debian package -> commands the tests call (they render PDFs to check them).
TEST_COMMANDS = {"poppler-utils": ["pdftoppm", "pdftotext"]}


def say(message: str) -> None:
    print(f"bootstrap: {message}", flush=True)


def fail(message: str, code: int = 1) -> SystemExit:
    say(message)
    return SystemExit(code)


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def run(command: list[str], **kwargs: Any) -> None:
    """Run a command, stopping bootstrap with its exit code if it fails."""
    result = subprocess.run(command, check=False, **kwargs)
    if result.returncode != 0:
        raise fail(f"failed ({result.returncode}): {' '.join(command)}", result.returncode or 1)


# --- system packages -------------------------------------------------------------------


def _ldconfig_libraries() -> set[str] | None:
    """Return the shared libraries in the loader's cache, or None if it cannot be read."""
    ldconfig = shutil.which("ldconfig") or next(
        (p for p in ("/sbin/ldconfig", "/usr/sbin/ldconfig") if os.path.exists(p)), None
    )
    if not ldconfig:
        return None
    try:
        listing = subprocess.run(
            [ldconfig, "-p"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    # A 64-bit python needs 64-bit libraries; an i386 copy beside them does not count.
    wanted = {"x86_64": "x86-64", "aarch64": "AArch64"}.get(os.uname().machine)
    found = set()
    for line in listing.splitlines()[1:]:
        name, _, rest = line.strip().partition(" ")
        if wanted is None or wanted in rest.partition("=>")[0]:
            found.add(name)
    return found


def _library_present(soname: str, cache: set[str] | None) -> bool:
    if cache is not None:
        return soname in cache
    import ctypes.util

    stem = soname[3:].split(".so")[0]
    return ctypes.util.find_library(stem) is not None


def missing_system_packages(mode: str) -> list[str]:
    """Return the Debian names of what this mode needs and the machine lacks."""
    missing = []
    if not _venv_python_works() and importlib.util.find_spec("ensurepip") is None:
        # Debian splits venv/ensurepip out of python3; the package must match this python.
        missing.append(f"python{sys.version_info.major}.{sys.version_info.minor}-venv")
    if sys.platform.startswith("linux"):
        wanted = dict(QT_OFFSCREEN_LIBS)
        if mode == "run":
            wanted.update(QT_WINDOW_LIBS)
        cache = _ldconfig_libraries()
        for package, libraries in wanted.items():
            if not all(_library_present(lib, cache) for lib in libraries):
                missing.append(package)
    if mode == "test":
        for package, commands in TEST_COMMANDS.items():
            if not all(shutil.which(c) for c in commands):
                missing.append(package)
    return missing


def ensure_system_packages(mode: str, want_postgres: bool) -> None:
    """Install what is missing when root on Debian; otherwise name it (and stop if vital)."""
    missing = missing_system_packages(mode)
    if not missing and not want_postgres:
        say("system packages: all present")
        return
    wanted = missing + (["postgresql"] if want_postgres else [])
    has_apt = bool(shutil.which("apt-get") and shutil.which("dpkg"))
    if not has_apt:
        say(
            "system packages: this is not a Debian-like system; install the equivalents of: "
            + " ".join(wanted)
            + " (carrying on)"
        )
        return
    say("system packages: missing " + " ".join(wanted))
    if not is_root():
        line = "sudo apt-get update && sudo apt-get install -y " + " ".join(wanted)
        if not missing:
            return  # only PostgreSQL: its tests are skipped, the rest can run
        raise fail(f"run this, then run bootstrap.py again:\n    {line}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    say("running: apt-get update && apt-get install -y --no-install-recommends " + " ".join(wanted))
    run(["apt-get", "update", "-q"], env=env, stdin=subprocess.DEVNULL)
    run(
        ["apt-get", "install", "-y", "-q", "--no-install-recommends", *wanted],
        env=env,
        stdin=subprocess.DEVNULL,
    )
    still = missing_system_packages(mode)
    if still:
        raise fail("still missing after apt-get: " + " ".join(still))
    say("system packages: installed")


# --- the virtual environment -----------------------------------------------------------


def venv_bin(name: str) -> Path:
    folder = VENV / ("Scripts" if os.name == "nt" else "bin")
    return folder / (name + (".exe" if os.name == "nt" else ""))


def _venv_python_works() -> bool:
    python = venv_bin("python")
    if not python.exists():
        return False
    probe = subprocess.run([str(python), "-c", "import pip"], capture_output=True, check=False)
    return probe.returncode == 0


def _wanted_state(extras: tuple[str, ...]) -> dict[str, object]:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    return {"pyproject_sha256": digest, "extras": sorted(extras)}


def _installed_state() -> dict[str, object]:
    try:
        state: dict[str, object] = json.loads(MARKER.read_text(encoding="utf-8"))
        return state
    except (OSError, ValueError):
        return {}


def ensure_venv(extras: tuple[str, ...]) -> None:
    """Create .venv and install the project into it, unless it is already current."""
    wanted = _wanted_state(extras)
    have = _installed_state()
    have_extras = have.get("extras")
    if (
        have.get("pyproject_sha256") == wanted["pyproject_sha256"]
        and isinstance(have_extras, list)
        and set(extras) <= set(have_extras)
        and venv_bin("python").exists()
    ):
        say(".venv is up to date with pyproject.toml")
        return
    if not _venv_python_works():
        if VENV.exists():
            say(".venv is unusable; creating it again")
            shutil.rmtree(VENV)
        say(f"creating .venv with {sys.executable}")
        run([sys.executable, "-m", "venv", str(VENV)])
    MARKER.unlink(missing_ok=True)
    target = "." + (f"[{','.join(sorted(extras))}]" if extras else "")
    say(f"installing {target} into .venv (the first time takes a few minutes)")
    pip = [str(venv_bin("python")), "-m", "pip", "install", "--disable-pip-version-check"]
    run([*pip, "-q", "-e", target], cwd=ROOT)
    MARKER.write_text(json.dumps(wanted), encoding="utf-8")


# --- a throwaway PostgreSQL ------------------------------------------------------------


def find_postgres() -> Path | None:
    """Return the folder holding initdb, pg_ctl and postgres, or None."""
    folders = []
    initdb = shutil.which("initdb")
    if initdb:
        folders.append(Path(initdb).resolve().parent)

    def version(folder: str) -> tuple[int, ...]:
        name = Path(folder).parent.name
        return tuple(int(p) for p in name.split(".") if p.isdigit())

    found = glob.glob("/usr/lib/postgresql/*/bin")
    folders += [Path(f) for f in sorted(found, key=version, reverse=True)]
    for folder in folders:
        if all((folder / tool).exists() for tool in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class ThrowawayPostgres:
    """A PostgreSQL server in a temporary folder, on 127.0.0.1 only, for one test run.

    initdb refuses to run as root, so as root the server runs as the ``postgres`` system
    user (or a dedicated ``carceles-pg`` user made for it) through ``runuser``.
    """

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.folder: Path | None = None
        self.started = False
        self.prefix: list[str] = []
        self.owner: str | None = None
        self.url = ""

    def _pg(self, tool: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        # A new session keeps the terminal's Ctrl+C away from the server: we stop it.
        result = subprocess.run(
            [*self.prefix, str(self.bin_dir / tool), *args],
            cwd=self.folder,
            capture_output=True,
            text=True,
            start_new_session=True,
            check=False,
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"{tool} failed: {(result.stderr or result.stdout).strip()}")
        return result

    def _pick_owner(self) -> None:
        if not is_root():
            return
        import pwd  # POSIX only; bootstrap.py also runs on Windows

        if not shutil.which("runuser"):
            raise RuntimeError("running as root and runuser is missing")
        for user in ("postgres", "carceles-pg"):
            try:
                pwd.getpwnam(user)
                break
            except KeyError:
                continue
        else:
            user = "carceles-pg"
            subprocess.run(
                ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user],
                check=True,
                capture_output=True,
            )
        self.owner = user
        self.prefix = ["runuser", "-u", user, "--"]

    def start(self, venv_python: Path) -> str:
        """Start the server, create the test database and return its URL."""
        self._pick_owner()
        # Another user must reach the folder: /tmp, not a TMPDIR that may be root's own.
        parent = "/tmp" if self.owner and os.path.isdir("/tmp") else None
        self.folder = Path(tempfile.mkdtemp(prefix="carceles-pg-", dir=parent))
        if self.owner:
            shutil.chown(self.folder, user=self.owner)
        data = self.folder / "data"
        common = ["-D", str(data), "-U", PG_USER, "--auth=trust", "-E", "UTF8", "--no-sync"]
        if self._pg("initdb", *common, "--locale=C.UTF-8", check=False).returncode != 0:
            shutil.rmtree(data, ignore_errors=True)  # no C.UTF-8 locale here: plain C
            self._pg("initdb", *common, "--no-locale")
        port = _free_port()
        # Throwaway data: durability settings off make the suite faster.
        with (data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write(
                f"\nlisten_addresses = '127.0.0.1'\nport = {port}\n"
                f"unix_socket_directories = '{self.folder}'\n"
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
            )
        log = self.folder / "server.log"
        started = self._pg(
            "pg_ctl", "-D", str(data), "-l", str(log), "-w", "-t", "60", "start", check=False
        )
        self.started = started.returncode == 0
        if not self.started:
            tail = log.read_text(errors="replace")[-800:] if log.exists() else started.stderr
            raise RuntimeError(f"pg_ctl start failed: {tail.strip()}")
        admin = f"postgresql://{PG_USER}@127.0.0.1:{port}/postgres"
        create = (
            "import sys, psycopg\n"
            "with psycopg.connect(sys.argv[1], autocommit=True) as c:\n"
            f"    c.execute('CREATE DATABASE {PG_DATABASE}')\n"
        )
        made = subprocess.run(
            [str(venv_python), "-c", create, admin], capture_output=True, text=True, check=False
        )
        if made.returncode != 0:
            raise RuntimeError(f"creating the test database failed: {made.stderr.strip()}")
        found = re.search(r"\d+(\.\d+)+", self._pg("pg_ctl", "--version").stdout)
        version = found.group(0) if found else "?"
        say(
            f"PostgreSQL {version} started on 127.0.0.1:{port} "
            f"(data in {data}{', user ' + self.owner if self.owner else ''})"
        )
        self.url = f"postgresql+psycopg://{PG_USER}@127.0.0.1:{port}/{PG_DATABASE}"
        return self.url

    def stop(self) -> None:
        """Stop the server (if it started) and delete its folder."""
        if self.folder is None:
            return
        data = str(self.folder / "data")
        if self.started:
            stopped = self._pg(
                "pg_ctl", "-D", data, "-m", "fast", "-w", "-t", "30", "stop", check=False
            )
            if stopped.returncode != 0:
                self._pg("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)
        if self.folder.exists():
            say(f"could not delete {self.folder}; remove it by hand")
        else:
            say("PostgreSQL stopped and its data deleted")
        self.folder = None


# --- the two commands ------------------------------------------------------------------


def run_app(app_args: list[str]) -> int:
    ensure_system_packages("run", want_postgres=False)
    ensure_venv(())
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    ):
        say("no display (DISPLAY is not set): the window needs a desktop session or xvfb-run")
    app = venv_bin("carceles-desktop")
    say(f"starting: {app.relative_to(ROOT)} --demo {' '.join(app_args)}".rstrip())
    return subprocess.call([str(app), "--demo", *app_args], cwd=ROOT)


def start_test_postgres(env: dict[str, str]) -> ThrowawayPostgres | None:
    """Start a server for the PostgreSQL tests and put its URL in ``env``, if one can be had."""
    if env.get(POSTGRES_ENV):
        say(f"using the PostgreSQL server given in {POSTGRES_ENV}")
        return None
    bin_dir = find_postgres()
    if bin_dir is None:
        if not shutil.which("apt-get"):
            why = "install it (initdb, pg_ctl) to run them"
        elif is_root():
            why = "apt-get did not provide initdb and pg_ctl"
        else:
            why = "bootstrap.py is not root to install it (sudo apt-get install -y postgresql)"
        say(f"the PostgreSQL tests will be skipped: PostgreSQL is not installed; {why}")
        return None
    server = ThrowawayPostgres(bin_dir)
    try:
        env[POSTGRES_ENV] = server.start(venv_bin("python"))
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        say(f"the PostgreSQL tests will be skipped: the server did not start ({exc})")
    else:
        say(f"{POSTGRES_ENV}={env[POSTGRES_ENV]}")
    return server


def run_tests(pytest_args: list[str]) -> int:
    want_postgres = not os.environ.get(POSTGRES_ENV) and find_postgres() is None
    ensure_system_packages("test", want_postgres=want_postgres)
    ensure_venv(TEST_EXTRAS)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    server = None
    try:
        server = start_test_postgres(env)
        command = [str(venv_bin("python")), "-m", "pytest", "-p", "no:cacheprovider", *pytest_args]
        say("running: pytest -p no:cacheprovider " + " ".join(pytest_args))
        code = subprocess.call(command, cwd=ROOT, env=env)
    finally:
        if server is not None:
            # A second Ctrl+C must not leave the server running or its folder behind.
            previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
            try:
                server.stop()
            finally:
                signal.signal(signal.SIGINT, previous)
    if code == 5:
        raise fail("pytest collected no tests: that is a failure here")
    return code


def _stop_on_signal(signum: int, _frame: object) -> None:
    # SystemExit unwinds through the finally blocks, so the server is still removed.
    raise SystemExit(128 + signum)


def main(argv: list[str]) -> int:
    # An older system python must get a clear sentence, not a traceback from pip later.
    if sys.version_info < (3, 11):  # noqa: UP036 - bootstrap runs on whatever python3 is
        raise fail(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
    for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if signum is not None:
            signal.signal(signum, _stop_on_signal)
    if argv[:1] in (["-h"], ["--help"]):
        print(__doc__)
        return 0
    try:
        if argv[:1] == ["test"]:
            rest = argv[1:]
            return run_tests(rest[1:] if rest[:1] == ["--"] else rest)
        if not argv or argv[0] == "--":
            return run_app(argv[1:])
        if argv[0] == "run":
            rest = argv[1:]
            return run_app(rest[1:] if rest[:1] == ["--"] else rest)
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
