"""Imports every module that registers API functions, so the registries are complete."""

from leadgate.wire.agent import functions as agent_functions  # noqa: F401
from leadgate.wire.nonagent import (  # noqa: F401
    add_lead,
    callbacks,
    dnc,
    lookups,
    telephony,
    update_lead,
)
