"""OpsCenter core: domain model, storage with audit journal, services. No Qt, no reportlab."""

__version__ = "0.1.0"
