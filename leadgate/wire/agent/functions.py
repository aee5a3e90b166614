"""The Agent API (/agc/api.php) functions: importing this module registers all of them."""

from leadgate.wire.agent import (  # noqa: F401
    add_lead,
    dial,
    lead_screen,
    screen_extras,
    session_commands,
    transfer,
)
