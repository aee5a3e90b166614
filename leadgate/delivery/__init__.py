"""Outgoing HTTP: delivering queued call URLs (webhooks)."""
