"""Domain events: what an operation changed, emitted into its unit of work.

Consumers (the webhook outbox, metrics) run inside the same transaction before it commits
(storage/unit_of_work.py), so an event's consequences are stored exactly when the change is.
Events carry facts, not wording; every field is plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LeadAdded:
    lead_id: int
    list_id: int
    phone_number: str
    api_user: str
    # The caller that added it: "add_lead" (Non-Agent API, lmapi too), "update_lead"
    # (insert_if_not_found), "external_add_lead" (Agent API), "import", "cli".
    origin: str
    vendor_lead_code: str = ""


@dataclass(frozen=True)
class LeadUpdated:
    lead_id: int
    columns: tuple[str, ...]
    api_user: str = ""


@dataclass(frozen=True)
class LeadDeleted:
    lead_id: int
    api_user: str = ""


@dataclass(frozen=True)
class LeadStatusSet:
    lead_id: int
    status: str
    user: str = ""


@dataclass(frozen=True)
class DncChanged:
    phone_number: str
    campaign_id: str  # "" = the system list
    added: bool
    user: str = ""


@dataclass(frozen=True)
class CallbackScheduled:
    lead_id: int
    callback_time: str
    user: str = ""


@dataclass(frozen=True)
class CallbacksRemoved:
    lead_id: int
    count: int


@dataclass(frozen=True)
class HopperChanged:
    lead_id: int
    campaign_id: str
    added: bool


@dataclass(frozen=True)
class AgentSessionChanged:
    """An agent session's state changed (logged in/out, paused, ready, in call)."""

    user: str
    campaign_id: str
    state: str
    details: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CallStarted:
    lead_id: int
    user: str
    campaign_id: str
    phone_number: str
    uniqueid: str = ""


@dataclass(frozen=True)
class CallAnswered:
    lead_id: int
    user: str
    campaign_id: str
    uniqueid: str = ""
    # The in-group an inbound call came through, "" for none; None: read from the live call.
    ingroup: str | None = None


@dataclass(frozen=True)
class CallDispositioned:
    lead_id: int
    user: str
    campaign_id: str
    status: str
    uniqueid: str = ""
    talk_seconds: int = 0
    callback_datetime: str = ""
    ingroup: str = ""  # the in-group an inbound call came through, "" for none
    call_notes: str = ""
    custom_fields: bool = False  # the lead's custom fields go with the URL


@dataclass(frozen=True)
class EntityChanged:
    """An admin entity (list, campaign, user, user group …) was added, changed or deleted."""

    entity: str  # "list", "campaign", "user", "user_group", …
    key: str
    action: str  # "added", "updated", "deleted"
    user: str = ""
