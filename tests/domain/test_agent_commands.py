"""The external_* command formats: what the Agent API writes, the session engine reads back
unchanged (domain/agent_commands.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from leadgate.domain.agent_commands import (
    LEAVE_3WAY_CALL,
    Callback,
    DialCommand,
    PauseRequest,
    StatusCommand,
    TransferCommand,
    logout_text,
    pause_text,
    read_pause,
)

# What the API's parameter filters let into a field: never the separator itself.
BANG_FREE = st.text(st.characters(blacklist_characters="!", codec="utf-8"), max_size=20)
DASH_FREE = st.text(st.characters(blacklist_characters="-", codec="utf-8"), max_size=20)
EPOCH = st.integers(min_value=0, max_value=2**40)
CALLBACK = st.builds(
    Callback,
    when=st.text(st.characters(blacklist_characters="!", codec="utf-8"), min_size=13, max_size=19),
    recipient=BANG_FREE,
    comments=BANG_FREE,
)


def test_pause_and_logout_read_back() -> None:
    assert pause_text("PAUSE", 1733480000) == "PAUSE!1733480000"
    assert read_pause(pause_text("PAUSE", 1)) == PauseRequest(
        logout=False, pause=True, resume=False
    )
    assert read_pause(pause_text("RESUME", 1)) == PauseRequest(
        logout=False, pause=False, resume=True
    )
    assert read_pause(logout_text("LOGOUT")).logout
    assert not read_pause(logout_text("XLOGOUT")).logout  # the screen wants it first


@given(status=BANG_FREE, callback=st.none() | CALLBACK, qm_dispo_code=BANG_FREE)
def test_status_command_round_trip(
    status: str, callback: Callback | None, qm_dispo_code: str
) -> None:
    command = StatusCommand(status, callback, qm_dispo_code)
    assert StatusCommand.parse(command.text()) == command


def test_status_command_is_vicidials_format() -> None:
    callback = Callback("2026-12-07 10:00:00", "USERONLY", "call me")
    assert StatusCommand("CBX", callback).text() == "CBX!2026-12-07 10:00:00!USERONLY!call me!"
    assert StatusCommand("SALE", None, "42").text() == "SALE!!!!42"
    assert StatusCommand("SALE").text() == "SALE"
    # A date-time too short to be one is no callback.
    assert StatusCommand.parse("CBX!2026-12-07!ANYONE!x!").callback is None


@given(
    fields=st.lists(BANG_FREE, min_size=13, max_size=13),
    epoch=EPOCH,
)
def test_dial_command_round_trip(fields: list[str], epoch: int) -> None:
    command = DialCommand(
        value=fields[0], phone_code=fields[1], search=fields[2], preview=fields[3],
        focus=fields[4], vendor_id=fields[5], epoch=epoch, dial_prefix=fields[6],
        group_alias=fields[7], caller_id_number=fields[8], lead_id=fields[9],
        alt_dial=fields[10], dial_ingroup=fields[11], vtiger_callback_id=fields[12],
    )  # fmt: skip
    text = command.text()
    assert text.count("!") == 13
    assert DialCommand.parse(text) == command


def test_a_short_dial_command_reads_as_its_first_fields() -> None:
    assert DialCommand.parse("SKIP").value == "SKIP"
    assert DialCommand.parse("5551234").lead_id == ""


@given(
    fields=st.lists(DASH_FREE, min_size=7, max_size=7),
    epoch=EPOCH,
    cid_choice=st.none() | DASH_FREE,
)
def test_transfer_command_round_trip(fields: list[str], epoch: int, cid_choice: str | None) -> None:
    command = TransferCommand(
        value=fields[0], epoch=epoch, ingroup=fields[1], phone_number=fields[2],
        consultative=fields[3], dial_override=fields[4], group_alias=fields[5],
        caller_id=fields[6], cid_choice=cid_choice,
    )  # fmt: skip
    assert TransferCommand.parse(command.text()) == command


def test_transfer_command_is_vicidials_format() -> None:
    hangup = TransferCommand(LEAVE_3WAY_CALL, 1733480000)
    assert hangup.text() == "LEAVE_3WAY_CALL---------NO------------1733480000"
    assert hangup.ends_the_call
    blind = TransferCommand(
        "BLIND_TRANSFER", 7, phone_number="5551234", dial_override="NO", cid_choice="CAMPAIGN"
    )
    assert blind.text() == "BLIND_TRANSFER------5551234---NO---NO---------7---CAMPAIGN"
    assert TransferCommand.parse(blind.text()).ends_the_call
    consult = TransferCommand(
        "DIAL_WITH_CUSTOMER", 7, ingroup="SALES", phone_number="555", consultative="YES",
        group_alias="ALIAS", caller_id="3125551234", cid_choice="",
    )  # fmt: skip
    assert consult.text() == "DIAL_WITH_CUSTOMER---SALES---555---YES------ALIAS---3125551234---7---"
    assert not consult.ends_the_call
