"""The `leadgate` command itself: --version, --help defaults, database mistakes as one line."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

import leadgate
from leadgate.cli import common
from leadgate.cli.main import main
from leadgate.settings import Settings, data_dir, default_db_url
from tests.factories import Seeder


def run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    """`leadgate ARGS` through the console script's entry point: (exit code, stdout, stderr)."""
    monkeypatch.setattr(sys, "argv", ["leadgate", *args])
    monkeypatch.setattr(common, "created_files", [])
    with pytest.raises(SystemExit) as exited:
        main()
    out, err = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 0), out, err


@pytest.fixture(autouse=True)
def no_ambient_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Neither the developer's environment nor a .env file may decide these tests."""
    for name in ("LEADGATE_DB_URL", "LEADGATE_DATA_DIR", "LEADGATE_PORT", "LEADGATE_HOST"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(tmp_path)


def test_version(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(monkeypatch, capsys, "--version")
    assert (code, out) == (0, f"leadgate {leadgate.__version__}\n")


def test_serve_help_shows_defaults(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _err = run(monkeypatch, capsys, "serve", "--help")
    assert code == 0
    assert "8000" in out and "127.0.0.1" in out
    assert "LEADGATE_PORT" in out and "LEADGATE_DB_URL" in out
    assert "sqlite:///" in out and "leadgate.db" in out


def test_default_database_is_in_the_data_dir_not_the_current_one(tmp_path: Path) -> None:
    assert data_dir() == tmp_path / "xdg" / "leadgate"
    assert Settings().db_url == default_db_url() == f"sqlite:///{data_dir() / 'leadgate.db'}"


def test_data_dir_setting_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LEADGATE_DATA_DIR", str(tmp_path / "state"))
    assert Settings().db_url == f"sqlite:///{tmp_path / 'state' / 'leadgate.db'}"


def test_command_before_init_creates_no_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(monkeypatch, capsys, "user", "list")
    assert code == 1
    assert out == ""
    assert err == (
        f"error: no database at {data_dir() / 'leadgate.db'}: run `leadgate init` first "
        "(or give --db)\n"
    )
    assert list(tmp_path.rglob("*.db")) == []


def test_init_then_commands_name_their_database(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    database = data_dir() / "leadgate.db"
    code, out, err = run(monkeypatch, capsys, "init")
    assert code == 0, err
    assert database.is_file()
    # init lists what it creates first (storage/schema.py init_plan), then says it is done.
    assert "tables to create: " in out and "vicidial_list, " in out
    assert out.endswith(f"schema ready on sqlite:///{database}\n")
    assert err == f"database: sqlite:///{database}\n"
    code, _out, err = run(monkeypatch, capsys, "user", "list")
    assert (code, err) == (0, f"database: sqlite:///{database}\n")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("not a url", "error: bad database URL (Could not parse SQLAlchemy URL from given URL "
                      "string): use sqlite:///path, mysql://… or postgresql://…"),
        ("oracle://x@h/db", "error: bad database URL (unsupported database URL scheme: "
                            "oracle): use sqlite:///path, mysql://… or postgresql://…"),
        ("sqlite:////no/such/dir/x.db", "error: no database at /no/such/dir/x.db: run "
                                        "`leadgate init` first (or give --db)"),
    ],
)  # fmt: skip
def test_bad_database_urls_are_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], url: str, message: str
) -> None:
    for command in (["user", "list"], ["list", "show", "101"], ["dnc", "check", "3125551234"]):
        code, out, err = run(monkeypatch, capsys, *command, "--db", url)
        assert (code, out, err) == (1, "", message + "\n")


def test_init_in_a_missing_directory_creates_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "x.db"
    code, _out, err = run(monkeypatch, capsys, "init", "--db", f"sqlite:///{target}")
    assert code == 1
    assert err == f"error: cannot create {target}: directory {target.parent} does not exist\n"
    assert not target.parent.exists()


def test_refused_connection_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket_that_refuses() as port:
        for url in (
            f"postgresql://u:Secret9@127.0.0.1:{port}/x",
            f"mysql://u:Secret9@127.0.0.1:{port}/x",
        ):
            code, out, err = run(monkeypatch, capsys, "user", "list", "--db", url)
            assert code == 1 and out == ""
            assert err.count("\n") == 1
            masked = url.replace("Secret9", "***")
            assert err.startswith(f"error: cannot open database {masked}: ")
            assert "refused" in err.lower()
            assert "Secret9" not in err


def test_unknown_database_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        unknown = f"sqlite:///{Path(url.database or '').parent / 'unknown.db'}"
        expected = f"error: no database at {Path(url.database or '').parent / 'unknown.db'}"
    else:
        unknown = url.set(database="leadgate_no_such_db").render_as_string(hide_password=False)
        expected = "error: cannot open database "
    code, _out, err = run(monkeypatch, capsys, "user", "list", "--db", unknown)
    assert code == 1
    assert err.startswith(expected) and err.count("\n") == 1
    assert "leadgate_no_such_db" in err or "unknown.db" in err


def test_database_without_schema_asks_for_init(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    code, _out, err = run(monkeypatch, capsys, "user", "list", "--db", f"sqlite:///{empty}")
    assert code == 1
    assert (
        err
        == f"error: database sqlite:///{empty} has no leadgate tables: run `leadgate init` first\n"
    )


def test_failed_init_removes_the_file_it_created(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def broken_upgrade(_database: object) -> None:
        raise OperationalError("CREATE TABLE", {}, Exception("disk I/O error"))

    monkeypatch.setattr("leadgate.storage.schema.upgrade_schema", broken_upgrade)
    target = tmp_path / "new.db"
    code, _out, err = run(monkeypatch, capsys, "init", "--db", f"sqlite:///{target}")
    assert code == 1
    assert err.splitlines()[-1] == "error: database error: disk I/O error"
    assert list(tmp_path.glob("new.db*")) == []


def test_database_error_inside_a_command_is_one_line(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    db_url: str,
    seed: Seeder,
) -> None:
    seed.user()
    from leadgate.storage import users as user_store

    def lost(*_args: object, **_kwargs: object) -> object:
        raise OperationalError("SELECT", {}, Exception("server has gone away"))

    monkeypatch.setattr(user_store, "list_users", lost)
    code, _out, err = run(monkeypatch, capsys, "user", "list", "--db", db_url)
    assert code == 1
    assert err.splitlines()[-1] == "error: database error: server has gone away"


class socket_that_refuses:  # noqa: N801  (used as a context manager, like open())
    """A local port nobody listens on."""

    def __enter__(self) -> int:
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            return int(sock.getsockname()[1])

    def __exit__(self, *_exc: object) -> None:
        return None


def test_serve_with_an_unreachable_database_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket_that_refuses() as db_port, socket_that_refuses() as http_port:
        url = f"postgresql://u@127.0.0.1:{db_port}/x"
        code, _out, err = run(monkeypatch, capsys, "serve", "--db", url, "--port", str(http_port))
    assert code == 1
    assert err.startswith(f"error: cannot open database {url}: ") and err.count("\n") == 1
