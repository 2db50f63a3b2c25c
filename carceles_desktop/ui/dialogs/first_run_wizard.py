"""The first-run wizard: setting up a new database before anyone can sign in.

Four pages: the establishment this installation serves, the institution (name, acronym,
RUC, logo), who signs the certificates, and the first administrator.  The settings
pages are checked as they are left, by the settings service itself in a unit of work
that is never committed (a rehearsal: it rolls back), so a bad RUC is shown on its own
page.  Finishing writes everything in ONE unit of work — missing catalogues, the
administrator, the settings — and then signs the administrator in; a refusal leaves
the database exactly as it was.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from carceles_desktop import resources
from carceles_desktop.domain.enums import Role
from carceles_desktop.errors import AppError
from carceles_desktop.services import catalogues, users
from carceles_desktop.services.actor import Actor
from carceles_desktop.services.context import ServiceContext
from carceles_desktop.services.settings import PRESETS, SIGNATORY_ROLES, Settings, update_settings
from carceles_desktop.ui.dialogs.form_errors import FieldErrors
from carceles_desktop.ui.dialogs.login_dialog import Authenticate
from carceles_desktop.ui.dialogs.password_dialog import mismatch_text, password_field, policy_hint
from carceles_desktop.ui.labels import SIGNATORY_LABELS, keyed_label

translate = QCoreApplication.translate


class _Page(QWizardPage):
    """A page with a form, its error lines and an optional introduction."""

    def __init__(self, title: str, intro: str) -> None:
        super().__init__()
        self.setTitle(title)
        self.errors = FieldErrors()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout = QVBoxLayout(self)
        text = QLabel(intro)
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addSpacing(6)
        layout.addLayout(self.form)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)

    def _owner(self) -> FirstRunWizard:
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        return wizard


class EstablishmentPage(_Page):
    """Which establishment the installation serves (or all of them)."""

    def __init__(self, places: list[catalogues.EstablishmentRow]) -> None:
        super().__init__(
            translate("FirstRunWizard", "Welcome"),
            translate(
                "FirstRunWizard",
                "This database is new. Four steps set it up: the establishment it serves, "
                "the institution, who signs the certificates, and the first administrator.",
            ),
        )
        self.establishment = QComboBox()
        self.establishment.addItem(
            translate("FirstRunWizard", "All (regional office or headquarters)"), None
        )
        for place in places:
            self.establishment.addItem(f"{place.name} ({place.code})", place.code)
        self.errors.add_row(
            self.form,
            "establishment_code",
            translate("FirstRunWizard", "Establishment served:"),
            self.establishment,
        )

    def validatePage(self) -> bool:
        """Qt: check the choice before going on."""
        return self._owner().rehearse_settings(self.errors)


class InstitutionPage(_Page):
    """The institution's name, acronym, RUC and logo, printed on every document."""

    def __init__(self) -> None:
        super().__init__(
            translate("FirstRunWizard", "Institution"),
            translate(
                "FirstRunWizard",
                "Printed at the head of every document. INPE is becoming SUNIR: choose the "
                "name in force.",
            ),
        )
        defaults = Settings()
        self.preset = QComboBox()
        for key, (name, _acronym) in PRESETS.items():
            self.preset.addItem(f"{key} — {name}", key)
        self.name = QLineEdit(defaults.institution_name)
        self.acronym = QLineEdit(defaults.institution_acronym)
        self.ruc = QLineEdit(defaults.institution_ruc)
        self.ruc.setMaxLength(11)
        self.logo = QLineEdit()
        self.logo.setPlaceholderText(translate("FirstRunWizard", "None (PNG or JPEG file)"))
        choose = QPushButton(translate("FirstRunWizard", "Choose…"))
        choose.clicked.connect(self._pick_logo)
        logo_row = QWidget()
        row = QHBoxLayout(logo_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.logo, 1)
        row.addWidget(choose)
        add = self.errors.add_row
        add(self.form, "institution_preset", translate("FirstRunWizard", "Preset:"), self.preset)
        add(self.form, "institution_name", translate("FirstRunWizard", "Name:"), self.name)
        add(self.form, "institution_acronym", translate("FirstRunWizard", "Acronym:"), self.acronym)
        add(self.form, "institution_ruc", translate("FirstRunWizard", "RUC:"), self.ruc)
        add(
            self.form,
            "logo_path",
            translate("FirstRunWizard", "Logo:"),
            logo_row,
            field_input=self.logo,
        )
        self.preset.activated.connect(self._apply_preset)

    def _apply_preset(self, index: int) -> None:
        name, acronym = PRESETS[self.preset.itemData(index)]
        self.name.setText(name)
        self.acronym.setText(acronym)

    def _pick_logo(self) -> None:
        chosen = FirstRunWizard.choose_logo(self, self.logo.text())
        if chosen:
            self.logo.setText(chosen)

    def validatePage(self) -> bool:
        """Qt: check the institution's data before going on."""
        return self._owner().rehearse_settings(self.errors)


class SignatoriesPage(_Page):
    """Who signs the certificates: a name and the title printed under the line."""

    def __init__(self) -> None:
        super().__init__(
            translate("FirstRunWizard", "Signatures"),
            translate(
                "FirstRunWizard",
                "The names and titles printed under the signature lines of certificates. "
                "They can be completed later in Settings.",
            ),
        )
        titles = {s.role: s.title for s in Settings().signatories}
        self.lines: dict[str, tuple[QLineEdit, QLineEdit]] = {}
        grid = QWidget()
        rows = QFormLayout(grid)
        rows.setContentsMargins(0, 0, 0, 0)
        for role in SIGNATORY_ROLES:
            name, title = QLineEdit(), QLineEdit(titles.get(role, ""))
            name.setPlaceholderText(translate("FirstRunWizard", "Full name"))
            title.setPlaceholderText(translate("FirstRunWizard", "Title"))
            pair = QWidget()
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 0, 0)
            pair_layout.addWidget(name, 2)
            pair_layout.addWidget(title, 3)
            rows.addRow(keyed_label(SIGNATORY_LABELS, role) + ":", pair)
            self.lines[role] = (name, title)
        self.errors.add_row(self.form, "signatories", "", grid)

    def values(self) -> list[tuple[str, str, str]]:
        """The filled lines as (role, name, title)."""
        return [
            (role, name.text(), title.text())
            for role, (name, title) in self.lines.items()
            if name.text().strip() or title.text().strip()
        ]

    def validatePage(self) -> bool:
        """Qt: check the lines before going on."""
        return self._owner().rehearse_settings(self.errors)


class AdminPage(_Page):
    """The first administrator: user name, full name, password twice."""

    def __init__(self) -> None:
        super().__init__(
            translate("FirstRunWizard", "First administrator"),
            translate(
                "FirstRunWizard",
                "The administrator creates the other users and changes the settings. "
                "Keep the password somewhere safe.",
            ),
        )
        self.username = QLineEdit("admin")
        self.username.setMaxLength(40)
        self.full_name = QLineEdit()
        self.full_name.setMaxLength(120)
        self.password = password_field()
        self.repeat = password_field()
        add = self.errors.add_row
        add(self.form, "username", translate("FirstRunWizard", "User name:"), self.username)
        add(self.form, "full_name", translate("FirstRunWizard", "Full name:"), self.full_name)
        add(self.form, "password", translate("FirstRunWizard", "Password:"), self.password)
        add(self.form, "password_repeat", translate("FirstRunWizard", "Repeat it:"), self.repeat)
        hint = QLabel(policy_hint())
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.form.addRow(hint)

    def validatePage(self) -> bool:
        """Qt: Finish — write everything, or show why not and stay."""
        return self._owner().finish_setup()


class FirstRunWizard(QWizard):
    """Sets up a new database; :attr:`actor` is the administrator signed in at the end.

    Attributes:
        establishment_page, institution_page, signatories_page, admin_page: the pages.
        actor: the signed-in administrator once finished.
    """

    def __init__(
        self, ctx: ServiceContext, authenticate: Authenticate, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._authenticate = authenticate
        self.actor: Actor | None = None
        with ctx.reading() as uow:
            places = catalogues.list_establishments(uow)
        self.setWindowTitle(translate("FirstRunWizard", "Setting up the program"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setWindowIcon(QIcon(str(resources.path("icons/app.svg"))))
        self.establishment_page = EstablishmentPage(places)
        self.institution_page = InstitutionPage()
        self.signatories_page = SignatoriesPage()
        self.admin_page = AdminPage()
        for page in (
            self.establishment_page,
            self.institution_page,
            self.signatories_page,
            self.admin_page,
        ):
            self.addPage(page)
        self.setMinimumSize(640, 460)

    def settings_values(self) -> dict[str, Any]:
        """The settings as the pages hold them, by the settings service's names."""
        institution = self.institution_page
        return {
            "establishment_code": self.establishment_page.establishment.currentData(),
            "institution_preset": institution.preset.currentData(),
            "institution_name": institution.name.text(),
            "institution_acronym": institution.acronym.text(),
            "institution_ruc": institution.ruc.text(),
            "logo_path": institution.logo.text().strip() or None,
            "signatories": self.signatories_page.values(),
        }

    def rehearse_settings(self, errors: FieldErrors) -> bool:
        """Check the settings with the service, writing nothing; show a refusal on ``errors``."""
        errors.clear()
        try:
            with self._ctx.writing() as uow:
                update_settings(uow, self._ctx.actor, **self.settings_values())
                # Never committed: the unit of work rolls the rehearsal back.
        except AppError as exc:
            errors.show(exc)
            return False
        return True

    def finish_setup(self) -> bool:
        """Write catalogues, administrator and settings in one unit of work, then sign in."""
        page = self.admin_page
        page.errors.clear()
        if page.password.text() != page.repeat.text():
            page.errors.show(mismatch_text(), "password_repeat")
            return False
        password = page.password.text()
        system = self._ctx.actor
        try:
            with self._ctx.writing() as uow:
                catalogues.load_catalogues(uow, system)
                created = users.create_user(
                    uow,
                    system,
                    username=page.username.text(),
                    full_name=page.full_name.text(),
                    role=Role.ADMIN,
                    password=password,
                )
                # The settings are the administrator's first act: the log says so.
                update_settings(uow, users.actor_for(uow, created.id), **self.settings_values())
                uow.commit()
        except AppError as exc:
            page.errors.show(exc)
            if exc.field == "password":
                page.password.clear()
                page.repeat.clear()
            return False
        try:
            self.actor = self._authenticate(created.username, password)
        except AppError as exc:
            # Set up, but not signed in: the login dialog comes at the next start.
            page.errors.show(exc)
        return True

    # ------------------------------------------------------------------ patch points

    @classmethod
    def choose_logo(cls, parent: QWidget, start: str) -> str:
        """Ask for a logo image; empty when cancelled (tests patch this)."""
        path, _ = QFileDialog.getOpenFileName(
            parent,
            translate("FirstRunWizard", "Choose the logo"),
            start,
            translate("FirstRunWizard", "Images (*.png *.jpg *.jpeg)"),
        )
        return path

    @classmethod
    def ask(
        cls, ctx: ServiceContext, authenticate: Authenticate, parent: QWidget | None = None
    ) -> Actor | None:
        """Run the wizard; return the signed-in administrator, or None if cancelled."""
        wizard = cls(ctx, authenticate, parent)
        finished = wizard.exec() == QDialog.DialogCode.Accepted
        return wizard.actor if finished else None
