"""Agent sessions leadgate starts, and the engine that drives them (issue: agent sessions)."""
