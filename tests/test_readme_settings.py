"""README "Settings" documents every setting leadgate reads (issue 9 item 7)."""

from __future__ import annotations

from pathlib import Path

from leadgate.settings import Settings

README = Path(__file__).resolve().parent.parent / "README.md"


def test_every_setting_is_in_the_readme() -> None:
    text = README.read_text()
    section = text[text.index("## Settings") :]
    section = section[: section.index("\n## ", 1)]
    names = [f"LEADGATE_{name.upper()}" for name in Settings.model_fields]
    missing = [name for name in [*names, "LEADGATE_DATA_DIR"] if f"`{name}`" not in section]
    assert missing == []
