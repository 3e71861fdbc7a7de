"""The situation report as a PDF (reportlab platypus): A4 portrait, landscape annexes.

``render(sitrep)`` returns the PDF's bytes; ``write_pdf(sitrep, path)`` checks the
destination first, then writes the whole file or nothing. Every page carries the
classification at the top and bottom and a footer with "Hal. X dari Y", the time the
report was generated and the short fingerprint of its content.

The modules, each with one job:

- ``labels``: the Indonesian/English wording and date formats (``Text``);
- ``layout``: page sizes, margins and paragraph styles;
- ``tables``: the table engine (grid tables, ``PagedTable`` for long ones, ``wrap``);
- ``charts``: incidents per region and per day;
- ``sections``: the letterhead, sections I to IX and the signature;
- ``annexes``: Annex A (units) and Annex B (incidents), landscape;
- ``document``: page templates, furniture on every page, building and writing the PDF.

The signature keeps the end of the text before it with it: ``reports.ending``, shared with
the other reports.
"""

from reports.sitrep.annexes import ProgressFn
from reports.sitrep.document import render, write_pdf
from reports.sitrep.tables import wrap

__all__ = ["ProgressFn", "render", "wrap", "write_pdf"]
