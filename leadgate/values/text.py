"""Text measured as VICIdial's PHP measures it."""

from __future__ import annotations


def php_strlen(value: str) -> int:
    """PHP's strlen(): the length in UTF-8 bytes (a Cyrillic or CJK letter counts 2 or 3).

    VICIdial's length limits count bytes; they differ from len() only for text beyond ASCII,
    which reaches them mostly under system_settings.use_non_latin=1."""
    return len(value.encode("utf-8", "surrogatepass"))
