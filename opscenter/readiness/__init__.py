"""Readiness of every unit (issue 15)."""
