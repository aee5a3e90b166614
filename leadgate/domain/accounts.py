"""API users: creating them with hashed passwords and sensible permission profiles."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection

from leadgate.domain.passwords import hash_password
from leadgate.storage import users as user_store

# The permission columns an API administrator gets (VICIdial level 9 "admin").
ADMIN_PERMISSIONS = {
    "user_level": 9,
    "user_group": "ADMIN",
    "active": "Y",
    "vdc_agent_api_access": "1",
    "modify_leads": "1",
    "view_reports": "1",
    "modify_lists": "1",
    "delete_lists": "1",
    "modify_users": "1",
    "delete_users": "1",
    "modify_campaigns": "1",
    "delete_from_dnc": "1",
    "custom_fields_modify": "1",
    "api_allowed_functions": " ALL_FUNCTIONS ",
    "api_list_restrict": "0",
}


class AccountError(ValueError):
    """A user-facing reason why an account change was refused."""


def admin_profile(user: str, password: str, full_name: str) -> dict[str, Any]:
    return {"user": user, "password": password, "full_name": full_name, **ADMIN_PERMISSIONS}


def validate_user_name(user: str) -> None:
    if not (2 <= len(user) <= 20) or not all(c.isalnum() or c in "-_" for c in user):
        raise AccountError("user must be 2-20 characters of letters, digits, - or _")


def validate_password(password: str) -> None:
    # VICIdial's API filters passwords to [-_0-9a-zA-Z]: any other character could never match.
    if len(password) < 8 or not all(c.isalnum() or c in "-_" for c in password):
        raise AccountError("password must be 8+ characters of letters, digits, - or _")


def create_user(conn: Connection, profile: Mapping[str, Any]) -> None:
    values = dict(profile)
    user = str(values["user"])
    validate_user_name(user)
    password = str(values.pop("password"))
    validate_password(password)
    if user_store.find_user(conn, user) is not None:
        raise AccountError(f"user {user} already exists")
    values.update({"pass": "", "pass_hash": hash_password(password)})
    user_store.insert_user(conn, values)


def update_user(conn: Connection, user: str, changes: Mapping[str, Any]) -> None:
    values = dict(changes)
    if "password" in values:
        password = str(values.pop("password"))
        validate_password(password)
        # Clearing the plain column makes an imported VICIdial account hash-only from now on.
        values.update({"pass": "", "pass_hash": hash_password(password), "failed_login_count": 0})
    if not values:
        return
    if user_store.update_user(conn, user, values) == 0:
        raise AccountError(f"user {user} does not exist")
