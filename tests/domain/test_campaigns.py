"""agent_campaigns: which campaigns and in-groups an agent may take, as VICIdial decides."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, update

from leadgate.domain.campaigns import (
    AgentCampaigns,
    AgentCampaignsProblem,
    AgentCampaignsQuery,
    agent_campaigns,
)
from leadgate.storage.database import Database
from leadgate.storage.tables import vicidial_inbound_groups, vicidial_user_groups
from tests.factories import Seeder


def _ingroup(seed: Seeder, group_id: str, active: str = "Y") -> None:
    with seed.db.transaction() as conn:
        conn.execute(insert(vicidial_inbound_groups).values(group_id=group_id, group_name=group_id,
                                                            active=active))  # fmt: skip


def _viewable(seed: Seeder, user_group: str, groups: str) -> None:
    with seed.db.transaction() as conn:
        conn.execute(update(vicidial_user_groups)
                     .where(vicidial_user_groups.c.user_group == user_group)
                     .values(admin_viewable_groups=groups))  # fmt: skip


def _world(seed: Seeder) -> None:
    seed.user_group("ADMIN")
    seed.user_group("AGENTS")
    seed.user_group("ONECAMP", " TESTCAMP -")
    seed.user(user="1000", user_group="AGENTS", user_level=1)
    seed.user(user="2000", user_group="ONECAMP", user_level=1)
    seed.user(user="3000", user_group="NOGROUP", user_level=1)
    seed.campaign("TESTCAMP", closer_campaigns=" SALESLINE SUPPORT agentdirect_y AGENTDIRECT_X -")
    seed.campaign("SECONDCP", closer_campaigns=" SUPPORT OLDLINE -")
    seed.campaign("Lower", closer_campaigns="")
    seed.campaign("OFF", active="N", closer_campaigns=" OFFLINE -")
    for group_id in ("SALESLINE", "SUPPORT", "AGENTDIRECT_X", "agentdirect_y", "OFFLINE"):
        _ingroup(seed, group_id)
    _ingroup(seed, "OLDLINE", active="N")


def _ask(
    db: Database, agent_user: str, caller_group: str = "ADMIN", *, campaign_id: str = "",
    ignore_agentdirect: bool = False,
) -> AgentCampaigns | AgentCampaignsProblem:  # fmt: skip
    query = AgentCampaignsQuery(caller_group=caller_group, agent_user=agent_user,
                                campaign_id=campaign_id,
                                ignore_agentdirect=ignore_agentdirect)  # fmt: skip
    with db.unit_of_work(datetime(2026, 11, 22, 10)) as uow:
        return agent_campaigns(uow, query)


def test_all_campaigns_give_the_active_ones_and_their_active_ingroups(
    db: Database, seed: Seeder
) -> None:
    _world(seed)
    # Each id once, in MariaDB's case-insensitive order on every engine.
    assert _ask(db, "1000") == AgentCampaigns(
        campaigns=("Lower", "SECONDCP", "TESTCAMP"),
        ingroups=("AGENTDIRECT_X", "agentdirect_y", "SALESLINE", "SUPPORT"),
    )


def test_agentdirect_ingroups_left_out_whatever_their_case(db: Database, seed: Seeder) -> None:
    _world(seed)
    found = _ask(db, "1000", ignore_agentdirect=True)
    assert isinstance(found, AgentCampaigns)
    assert found.ingroups == ("SALESLINE", "SUPPORT")


def test_the_agents_user_group_limits_the_campaigns(db: Database, seed: Seeder) -> None:
    _world(seed)
    assert _ask(db, "2000") == AgentCampaigns(
        campaigns=("TESTCAMP",),
        ingroups=("AGENTDIRECT_X", "agentdirect_y", "SALESLINE", "SUPPORT"),
    )
    # An agent whose user group does not exist may take no campaign.
    assert _ask(db, "3000") is AgentCampaignsProblem.NO_CAMPAIGNS


def test_one_campaign(db: Database, seed: Seeder) -> None:
    _world(seed)
    assert _ask(db, "1000", campaign_id="SECONDCP") == AgentCampaigns(("SECONDCP",), ("SUPPORT",))
    assert _ask(db, "2000", campaign_id="SECONDCP") is AgentCampaignsProblem.NO_CAMPAIGNS
    assert _ask(db, "1000", campaign_id="OFF") is AgentCampaignsProblem.NO_CAMPAIGNS


def test_the_callers_viewable_groups_limit_the_agents(db: Database, seed: Seeder) -> None:
    _world(seed)
    assert _ask(db, "nosuchuser") is AgentCampaignsProblem.AGENT_NOT_FOUND
    assert _ask(db, "") is AgentCampaignsProblem.AGENT_NOT_FOUND
    _viewable(seed, "ADMIN", " AGENTS -")
    assert isinstance(_ask(db, "1000"), AgentCampaigns)
    assert _ask(db, "2000") is AgentCampaignsProblem.AGENT_NOT_FOUND
    # --ALL-- (any case) or three characters or fewer: every group.
    _viewable(seed, "ADMIN", " --all-- ")
    assert isinstance(_ask(db, "2000"), AgentCampaigns)
    _viewable(seed, "ADMIN", " X ")
    assert isinstance(_ask(db, "2000"), AgentCampaigns)
    # A caller whose group does not exist sees every agent.
    assert isinstance(_ask(db, "2000", caller_group="GONE"), AgentCampaigns)
