"""Guard plotting: TPS grouped into guard posts (``posts``); named officers on them to come."""
