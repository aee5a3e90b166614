"""Agent API operations by concern (the session mailbox commands stay in agent_sessions)."""
