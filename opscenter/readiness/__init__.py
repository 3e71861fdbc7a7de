"""Readiness of every unit (issue 15): the sarpras inventory against what the guard plan
requires, the budget, inspection visits with their findings, and the judgements that the
readiness matrix rolls up from Polsek to Polres to the Polda."""
