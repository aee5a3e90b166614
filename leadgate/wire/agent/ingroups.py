"""change_ingroups: set, add or remove the in-groups a logged-in agent takes calls from."""

from __future__ import annotations

from leadgate.domain.agents import ingroups
from leadgate.domain.agents.ingroups import IngroupChange, IngroupRefusal
from leadgate.wire.agent import params
from leadgate.wire.agent.common import AgentCall
from leadgate.wire.context import Call
from leadgate.wire.filters import php_strlen

SET_AS_DEFAULT_NOTE = "User settings set as default"


def change_ingroups(call: Call) -> None:
    ac = AgentCall.start(call)
    ac.value = params.UPPER(ac.value)
    blended = ac.param("blended", params.UPPER)
    choices = ac.param("ingroup_choices", params.INGROUP_CHOICES)
    if php_strlen(blended) < 2 or php_strlen(ac.agent_user) < 2 or php_strlen(ac.value) < 3:
        data = f"{ac.value}|{blended}|{choices}"
        ac.fail("change_ingroups not valid", f"{data}|{ac.agent_user}", data=data)
    ac.require_function_allowed()
    ac.require_session()
    change = IngroupChange(
        api_user=call.user_name, agent_user=ac.agent_user, value=ac.value, blended=blended,
        choices=choices, set_as_default=ac.param("set_as_default", params.UPPER) == "YES",
        client_ip=call.request.client_ip,
    )  # fmt: skip
    outcome = ingroups.change_ingroups(call.uow, change, call.now)
    refusal = outcome.refusal
    if refusal is IngroupRefusal.CAMPAIGN_NO_INBOUND:
        ac.fail(refusal.value, ac.agent_user)
    if refusal is IngroupRefusal.USER_NOT_ALLOWED:
        ac.fail(refusal.value, call.user_name)
    if refusal is IngroupRefusal.NO_AUTODIAL:
        ac.fail(refusal.value, f"{ac.agent_user}|{blended}", data=blended)
    if refusal is IngroupRefusal.NO_SUCH_INGROUP:
        data = f"{outcome.bad_group}|{choices}"
        ac.fail(refusal.value, f"{ac.agent_user}|{data}", data=data)
    if refusal is IngroupRefusal.CHOICES_REQUIRED:
        data = f"{ac.value}|{choices}"
        ac.fail(refusal.value, f"{ac.agent_user}|{data}", data=data)
    note = SET_AS_DEFAULT_NOTE if change.set_as_default else ""
    data = f"{outcome.ingroups}|{blended}|{note}"
    ac.say("SUCCESS", "change_ingroups function set", f"{call.user_name}|{ac.agent_user}|{data}",
           data=data)  # fmt: skip
