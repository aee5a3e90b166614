"""Authentication rules: levels, active flag, lockout windows, failure counting."""

from __future__ import annotations

from datetime import datetime, timedelta

from leadgate.domain.auth import authenticate
from leadgate.domain.passwords import PasswordVerifier
from leadgate.storage.database import Database
from tests.factories import Seeder

NOW = datetime(2026, 11, 22, 10, 0, 0)


def _login(db: Database, password: str = "1234", user: str = "6666", min_level: int = 7):  # type: ignore[no-untyped-def]
    with db.transaction() as conn:
        return authenticate(conn, PasswordVerifier(), user, password, min_level=min_level,
                            now=NOW, ip="10.0.0.1")  # fmt: skip


def test_success_resets_failures_and_records_ip(db: Database, seed: Seeder) -> None:
    seed.user(failed_login_count=3)
    result = _login(db)
    assert result.user is not None and result.user.name == "6666"
    row = seed.user_row("6666")
    assert row["failed_login_count"] == 0
    assert row["last_ip"] == "10.0.0.1"
    assert row["last_login_date"] == NOW


def test_failure_counts_up(db: Database, seed: Seeder) -> None:
    seed.user(failed_login_count=2, last_login_date=NOW - timedelta(minutes=5))
    assert _login(db, "nope").failure == "BAD"
    row = seed.user_row("6666")
    assert row["failed_login_count"] == 3
    assert row["failed_last_type_today"] == "aBAD"


def test_locked_within_window_even_with_right_password(db: Database, seed: Seeder) -> None:
    seed.user(failed_login_count=10, last_login_date=NOW - timedelta(minutes=5))
    assert _login(db).failure == "LOCK"
    assert _login(db, "nope").failure == "LOCK"
    assert seed.user_row("6666")["failed_login_count"] == 10


def test_lock_expires_after_fifteen_minutes(db: Database, seed: Seeder) -> None:
    seed.user(failed_login_count=10, last_login_date=NOW - timedelta(minutes=16))
    assert _login(db).user is not None


def test_failure_after_window_restarts_count(db: Database, seed: Seeder) -> None:
    seed.user(failed_login_count=10, last_login_date=NOW - timedelta(minutes=16))
    assert _login(db, "nope").failure == "BAD"
    row = seed.user_row("6666")
    assert row["failed_login_count"] == 1
    assert row["last_login_date"] == NOW


def test_level_and_active_rules(db: Database, seed: Seeder) -> None:
    seed.user(user="agent1", user_level=1)
    assert _login(db, user="agent1").failure == "BAD"
    assert _login(db, user="agent1", min_level=1).user is not None
    seed.user(user="gone", active="N")
    assert _login(db, user="gone").failure == "BAD"


def test_unknown_user_is_bad(db: Database) -> None:
    assert _login(db, user="nobody").failure == "BAD"


def test_recent_login_skips_the_user_read_until_a_failure(db: Database, seed: Seeder) -> None:
    from leadgate.domain.auth import RecentLogins

    seed.user()
    recent = RecentLogins(ttl_seconds=60)
    verifier = PasswordVerifier()

    def login(password: str) -> str:
        with db.transaction() as conn:
            result = authenticate(conn, verifier, "6666", password, min_level=7, now=NOW,
                                  ip="10.0.0.1", recent=recent)  # fmt: skip
        return "GOOD" if result.user else result.failure

    assert login("1234") == "GOOD"
    seed.execute("UPDATE vicidial_users SET active='N'")
    assert login("1234") == "GOOD"  # served from the recent-login cache
    assert login("wrong") == "BAD"  # a failure forgets the cached row ...
    assert login("1234") == "BAD"  # ... so the deactivation is seen now


def test_all_campaigns_group_still_limits_restricted_users_to_defined_lists(
    db: Database, seed: Seeder
) -> None:
    from leadgate.domain.auth import User, allowed_list_ids

    seed.user_group("ALLGRP", " -ALL-CAMPAIGNS- -")
    seed.user_group("ONEGRP", " TESTCAMP -")
    seed.campaign("TESTCAMP")
    seed.campaign("OTHER")
    seed.list(101, "TESTCAMP")
    seed.list(202, "OTHER")
    with db.transaction() as conn:
        assert allowed_list_ids(conn, User({"api_list_restrict": "0"})) is None
        everything = allowed_list_ids(
            conn, User({"api_list_restrict": "1", "user_group": "ALLGRP"})
        )
        one = allowed_list_ids(conn, User({"api_list_restrict": "1", "user_group": "ONEGRP"}))
    assert everything == {"101", "202"}
    assert one == {"101"}
