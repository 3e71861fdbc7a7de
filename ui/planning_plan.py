"""The plan beside the heat map: requirements and strength per Polres (with what the stage's
plotting still lacks on its guard posts), the proposals for reinforcement (BKO) with their
accept button, a one-line summary, and the chosen proposal's reason shown whole. Figures
under an unsaved what-if are titled as such."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from opscenter.planning import Plan, Proposal
from ui import theme
from ui.planning_models import NeedColumn, ProposalColumn, ProposalsModel, RequirementsModel
from ui.planning_views import (
    fixed_columns,
    heading,
    heading_row,
    lay_out,
    own_width,
    sort_proxy,
    table,
)
from ui.screen_fit import narrow_drops, scrolling
from ui.text_size import follow_font
from ui.translations import translator

_tr = translator("PlanningWindow")


class PlanPanel(QSplitter):
    """Requirements above, proposals below (they scroll in a low window rather than cut
    the reason). ``accept_button`` is the window's to connect."""

    def __init__(
        self, needs: RequirementsModel, proposals: ProposalsModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setChildrenCollapsible(False)
        self.needs = needs
        self.proposals = proposals
        self._build_requirements()
        self.addWidget(scrolling(self._build_proposals(), self))
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)

    def show_plan(self, plan: Plan, *, what_if: bool) -> None:
        """Show ``plan``'s figures; ``what_if``: they are not the saved ones."""
        self.needs.set_rows(plan.units)
        self._fit_needs()  # the names listed may be longer or shorter
        self.proposals.set_rows(plan.proposals)
        self._fit_proposals()
        self._summarise(plan, what_if)
        self._show_reason()

    def _build_requirements(self) -> None:
        """Requirements and strength per Polres, under a title that says when the figures
        are a what-if."""
        top = QFrame(self)
        tcol = QVBoxLayout(top)
        tcol.setContentsMargins(8, 0, 0, 0)
        self.needs_title = heading(top, _tr("Kebutuhan dan kekuatan per Polres"))
        tcol.addWidget(self.needs_title)
        self.needs_view = table(top, "requirementsTable")
        self.needs_proxy = sort_proxy(top, self.needs)
        self.needs_view.setModel(self.needs_proxy)
        self.needs_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.needs_view.setSortingEnabled(True)
        self.needs_view.horizontalHeader().setSortIndicatorClearable(True)
        self.needs_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        # Sized by ``_fit_needs``: names never cut off; the figures share the rest.
        fixed_columns(self.needs_view)
        tcol.addWidget(self.needs_view, 1)
        self.needs_view.viewport().installEventFilter(self)
        follow_font(self.needs_view, self._fit_needs, now=False)  # a text size step

    def _build_proposals(self) -> QWidget:
        """The proposals (BKO), their accept button, the summary, and the chosen one's
        reason shown whole."""
        bottom = QFrame()
        bcol = QVBoxLayout(bottom)
        bcol.setContentsMargins(8, 0, 0, 0)
        self.accept_button = QPushButton(_tr("Terima usulan"), bottom)
        self.accept_button.setObjectName("acceptProposals")
        self.accept_button.setFont(theme.scaled_font(self.accept_button, 1.05, bold=True))
        self.accept_button.setToolTip(
            _tr(
                "Buat penugasan BKO untuk tahapan ini dari usulan yang dipilih (tanpa pilihan: "
                "semua usulan). Dapat diurungkan dengan Ctrl+Z."
            )
        )
        bcol.addLayout(heading_row(bottom, _tr("Usulan penebalan (BKO)"), self.accept_button))
        self.summary = QLabel(bottom)
        self.summary.setObjectName("planSummary")
        self.summary.setWordWrap(True)
        bcol.addWidget(self.summary)
        self.proposals_view = table(bottom, "proposalsTable")
        self.proposals_view.setModel(self.proposals)
        self.proposals_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.proposals_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # Sized by ``_fit_proposals``: the figures whole, the names share the rest.
        fixed_columns(self.proposals_view)
        self.proposals_view.viewport().installEventFilter(self)
        follow_font(self.proposals_view, self._fit_proposals, now=False)
        self.proposals_view.selectionModel().currentRowChanged.connect(self._show_reason)
        bcol.addWidget(self.proposals_view, 1)
        # The reason is the point of a proposal: shown whole, below the table.
        self.reason = QLabel(bottom)
        self.reason.setObjectName("proposalReason")
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason.setStyleSheet(
            f"background: {theme.PANEL.name()}; border-left: 4px solid {theme.NAVY.name()};"
            " padding: 8px;"
        )
        bcol.addWidget(self.reason)
        return bottom

    def _fit_needs(self) -> None:
        """Each column as wide as its own header and figures need (in the table's type); a
        narrow table (a 1366 px laptop) leaves out what each Polres may lend (the proposals
        below say it), then its vulnerability (the heat map beside it shows it), so that the
        balance and what the plotting leaves short on the posts, which explains a proposal
        larger than the balance, are never scrolled out of sight; the figures share the
        rest."""
        view = self.needs_view
        widths = {c: own_width(view, c) for c in NeedColumn}
        # The plotting's shortfall goes last: the proposals are read against it.
        drops = (NeedColumn.LENDABLE, NeedColumn.VULNERABILITY, NeedColumn.PLOT_SHORT)
        hide = narrow_drops(view.viewport().width(), widths, drops)
        figures = [c for c in NeedColumn if c not in (NeedColumn.UNIT, NeedColumn.VULNERABILITY)]
        lay_out(view, widths, hide, figures)

    def _fit_proposals(self) -> None:
        """Each column as wide as its own header and contents need (in the table's type), the
        names whole where the table has room: where it has not, the sources without their
        Polda (" Polda Jambi": the whole window is the Polda's), then without what the source
        keeps and the vulnerability (the reason below, and each row's tooltip, say both); only
        then do the names share what is left, cut at their end (the tooltip says them whole).
        The count never scrolls out of sight."""
        view = self.proposals_view
        room = view.viewport().width()
        names = (ProposalColumn.TARGET, ProposalColumn.SOURCE)
        for short in (False, True):
            self.proposals.set_short_sources(short)
            widths = {c: own_width(view, c) for c in ProposalColumn}
            if sum(widths.values()) <= room:
                break
        drops = (ProposalColumn.LEFT, ProposalColumn.VULNERABILITY)
        hide = narrow_drops(room, widths, drops)
        lay_out(view, widths, hide, names)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            if watched is self.needs_view.viewport():
                self._fit_needs()
            elif watched is self.proposals_view.viewport():
                self._fit_proposals()
        return super().eventFilter(watched, event)

    def _show_reason(self, *_args: object) -> None:
        """The whole sentence of the current proposal (the first when none is chosen)."""
        rows = self.proposals.rows()
        current = self.proposals_view.currentIndex()
        if not rows:
            self.reason.setText(_tr("Tidak ada usulan: tidak ada kekurangan yang dapat ditutup."))
            return
        p = rows[current.row()] if current.isValid() and current.row() < len(rows) else rows[0]
        self.reason.setText(p.sentence(self.locale().name()[:2]))

    def _summarise(self, plan: Plan, dirty: bool) -> None:
        deficits = plan.deficits
        # Hypothetical figures must never pass for the real ones.
        self.needs_title.setText(
            _tr("Kebutuhan dan kekuatan per Polres — BAGAIMANA JIKA (belum disimpan)")
            if dirty
            else _tr("Kebutuhan dan kekuatan per Polres")
        )
        self.needs_title.setStyleSheet(f"color: {theme.DEFICIT.name()};" if dirty else "")
        self.accept_button.setEnabled(bool(plan.proposals) and not dirty)
        if not deficits:
            text = _tr("Tidak ada Polres yang kekurangan personel pada tahapan {stage}.").format(
                stage=plan.stage.name
            )
            colour = theme.SURPLUS
        else:
            # One line, whatever the number of Polres: the tables below carry the detail.
            short = sum(u.need for u in deficits)
            text = _tr("{n} Polres kurang {total} personel").format(n=len(deficits), total=short)
            lang = self.locale().name()[:2]
            # A need of the plotting's differs from the "Selisih" beside it: say why, for each.
            posts = [u for u in deficits if u.need_from_plotting]
            if len(deficits) == 1:
                only = deficits[0]
                text = _tr("{name} kurang {total} personel").format(name=only.name, total=short)
                if posts:
                    text = _tr(
                        "{name} kurang {total} personel di pos pengamanan TPS menurut plotting"
                    ).format(name=only.name, total=short) + only.why_beyond_balance(lang)
                    posts = []
            if plan.unmet:
                text += _tr("; {total} belum tertutup oleh cadangan dan Polres lain.").format(
                    total=sum(plan.unmet.values())
                )
            else:
                text += _tr("; usulan di bawah menutup semuanya.")
            for u in posts:
                text += (
                    " "
                    + _tr(
                        "{name} kurang {n} personel di pos pengamanan TPS menurut plotting"
                    ).format(name=u.name, n=u.need)
                    + u.why_beyond_balance(lang)
                    + "."
                )
            colour = theme.DEFICIT
        unrated = plan.report.total.unrated
        if unrated:
            text += " " + _tr(
                "{n} TPS belum dinilai, dihitung dengan pola pengamanan paling ketat."
            ).format(n=unrated)
        self.summary.setToolTip(
            "\n".join(
                _tr("{name}: kurang {n}, belum tertutup {left}").format(
                    name=u.name, n=u.need, left=plan.unmet.get(u.unit_id, 0)
                )
                for u in deficits
            )
        )
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {colour.name()}; font-weight: bold;")

    def selected_proposals(self) -> tuple[Proposal, ...]:
        rows = sorted({i.row() for i in self.proposals_view.selectionModel().selectedRows()})
        chosen = [self.proposals.row(r) for r in rows]
        return tuple(chosen) if chosen else self.proposals.rows()
