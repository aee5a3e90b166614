"""Password hashing and the verification cache."""

from __future__ import annotations

from leadgate.domain import passwords
from leadgate.domain.passwords import PasswordVerifier


def test_hash_is_argon2_and_verifies() -> None:
    stored = passwords.hash_password("Correct-horse1")
    assert stored.startswith("$argon2")
    assert "Correct-horse1" not in stored
    verifier = PasswordVerifier()
    assert verifier.verify("bob", "Correct-horse1", "", stored)
    assert not verifier.verify("bob", "wrong-horse1", "", stored)


def test_plain_vicidial_password_is_accepted_but_empty_never() -> None:
    verifier = PasswordVerifier()
    assert verifier.verify("6666", "1234", "1234", "")
    assert not verifier.verify("6666", "12345", "1234", "")
    assert not verifier.verify("6666", "", "", "")


def test_cache_skips_rehash_and_misses_after_credential_change(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    stored = passwords.hash_password("First-pass1")
    verifier = PasswordVerifier()
    calls = []
    real_check = PasswordVerifier._check

    def counting_check(password: str, plain: str, hashed: str) -> bool:
        calls.append(password)
        return real_check(password, plain, hashed)

    monkeypatch.setattr(PasswordVerifier, "_check", staticmethod(counting_check))
    assert verifier.verify("bob", "First-pass1", "", stored)
    assert verifier.verify("bob", "First-pass1", "", stored)
    assert len(calls) == 1  # the second call came from the cache
    changed = passwords.hash_password("Second-pass2")
    assert not verifier.verify("bob", "First-pass1", "", changed)
    assert len(calls) == 2


def test_cache_expires() -> None:
    verifier = PasswordVerifier(ttl_seconds=-1)
    assert verifier.verify("6666", "1234", "1234", "")
    assert not verifier.verify("6666", "1234", "0000", "")


def test_generated_passwords_survive_the_api_filter() -> None:
    generated = passwords.generate_password()
    assert len(generated) == 20 and generated.isalnum()


def test_check_after_an_identical_one_finished_does_not_verify_again(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A request that looked at the cache before an identical verification finished, and
    asks after it finished, gets the remembered answer (a burst of cold logins costs one)."""
    import asyncio

    verifier = PasswordVerifier()
    calls: list[str] = []
    real_check = PasswordVerifier._check

    def counting(password: str, stored_plain: str, stored_hash: str) -> bool:
        calls.append(password)
        return real_check(password, stored_plain, stored_hash)

    monkeypatch.setattr(PasswordVerifier, "_check", staticmethod(counting))

    async def two_in_turn() -> list[bool]:
        first = await verifier.check("6666", "1234", "1234", "")
        second = await verifier.check("6666", "1234", "1234", "")
        wrong = await verifier.check("6666", "4321", "1234", "")
        return [first, second, wrong]

    assert asyncio.run(two_in_turn()) == [True, True, False]
    assert calls == ["1234", "4321"]
    verifier.close()
