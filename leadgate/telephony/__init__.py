"""Telephony adapters behind domain/telephony.py's interface: today the simulator."""
