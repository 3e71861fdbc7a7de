"""OpsCenter's desktop front end (PySide6): windows, panels, Qt models.

The only package where Qt appears, and the owner of every user-visible label (Qt ``tr()``,
Indonesian source strings). It reads the core through plain snapshots and never keeps
an ORM object or a session beyond one read.
"""
