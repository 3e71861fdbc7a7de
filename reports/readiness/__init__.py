"""The readiness report (laporan kesiapan operasi) for the Kapolda's tour, and the matrix as
a workbook or a text table, in the situation report's document conventions.

The modules, each with one job:

- ``content``: what is printed (``ReadinessReport``) and the report's number;
- ``labels``: the wording (``ReadinessText``: level words, money, reasons as sentences);
- ``sections``: the Polda summary and one page per Polres;
- ``document``: building and writing the PDF (the sitrep's letterhead, furniture, signature);
- ``workbook``: the matrix as an .xlsx workbook;
- ``export``: from the database to a file, for the command line and the window alike;
- ``plain``: the matrix as a text table for a terminal.
"""

from reports.readiness.content import ReadinessReport, default_number
from reports.readiness.document import render, write_pdf

__all__ = ["ReadinessReport", "default_number", "render", "write_pdf"]
