"""The plotting on paper: the plotting list (daftar plotting personel pengamanan TPS) per
kecamatan and its Polsek, as a PDF and as a workbook, and the per-person assignment slips
(lampiran surat perintah) as a PDF, in the situation report's document conventions.

The modules, each with one job:

- ``labels``: the wording (``PlotText``, beside the situation report's ``Text``);
- ``document``: the list and the slips as PDFs (the sitrep's letterhead, furniture, tables,
  signature);
- ``workbook``: the list as an .xlsx workbook.

What they print comes from ``opscenter.plotting.lists``.
"""

from reports.plotting.document import (
    PlottingDocument,
    render_list,
    render_slips,
    write_list,
    write_slips,
)

__all__ = ["PlottingDocument", "render_list", "render_slips", "write_list", "write_slips"]
