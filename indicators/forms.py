"""KPI forms: Dutch number input ("3,70", "3,70%", "3.70"), school years, and a reason for every change."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import DutchDecimalField, DutchIntegerField, VersionedForm
from core.periods import SchoolYear
from projects.models import Project

from . import selectors
from .figures import check_percentage, percentage_of
from .models import FIGURE_STATUS_CHOICES, Category, Figure, ImportRun, Indicator, Norm, Target


class SchoolYearField(forms.CharField):
    default_error_messages = {"invalid": _("Vul een schooljaar in als 2020-2021.")}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("help_text", _("Bijvoorbeeld 2020-2021: het schooljaar dat het cijfer meet."))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        try:
            return str(SchoolYear.parse(value))
        except ValueError as exc:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from exc


class KpiForm(VersionedForm):
    """A reason is required for every change to an existing figure: the steering group asks why."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "reason" in self.fields:
            self.fields["reason"].required = True
            self.fields["reason"].help_text = _(
                "Komt in de geschiedenis te staan, bijvoorbeeld: gecorrigeerd naar het definitieve DUO-cijfer."
            )
            self.fields["reason"].error_messages["required"] = _("Geef een reden voor deze wijziging.")


class IndicatorForm(KpiForm):
    baseline = DutchDecimalField(label=_("Nulmeting"), required=False, min_value=0)
    risk_margin_pct = DutchDecimalField(
        label=_("Marge voor risico (%)"),
        min_value=0,
        max_value=100,
        help_text=Indicator._meta.get_field("risk_margin_pct").help_text,
    )

    class Meta:
        model = Indicator
        fields = [
            "name",
            "definition",
            "baseline",
            "baseline_when",
            "risk_margin_pct",
            "projects",
        ]
        widgets = {"definition": forms.Textarea(attrs={"rows": 4}), "projects": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["projects"].queryset = Project.objects.filter(programme=self.instance.programme).order_by(
            "theme__number", "code"
        )
        self.fields["projects"].label_from_instance = str


class TargetForm(KpiForm):
    school_year = SchoolYearField(label=_("Schooljaar"))
    value = DutchDecimalField(label=_("Streefcijfer"), min_value=0)

    class Meta:
        model = Target
        fields = ["school_year", "value"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["school_year"]  # another year is another target
        if self.instance.indicator.is_percentage:
            self.fields["value"].label = _("Streefpercentage")

    def clean_school_year(self):
        year = self.cleaned_data["school_year"]
        if Target.objects.filter(indicator=self.instance.indicator, school_year=year).exists():
            raise ValidationError(
                _("Voor %(year)s is al een streefcijfer. Pas dat aan in plaats van een nieuw te maken."),
                params={"year": year},
            )
        return year


class FigureForm(KpiForm):
    """A figure of the KPI's category and area entered by hand (a series DUO does not publish, or a correction)."""

    school_year = SchoolYearField(label=_("Schooljaar"))
    value = DutchDecimalField(
        label=_("Cijfer"),
        required=False,
        min_value=0,
        help_text=_("Leeg laten als u teller en noemer invult: dan wordt het percentage berekend."),
    )
    numerator = DutchIntegerField(label=_("Teller (bijvoorbeeld vsv'ers)"), required=False)
    denominator = DutchIntegerField(label=_("Noemer (bijvoorbeeld deelnemers)"), required=False)

    class Meta:
        model = Figure
        fields = ["school_year", "value", "numerator", "denominator", "finality", "source_detail"]
        labels = {"source_detail": _("Bron")}
        help_texts = {"source_detail": _("Waar komt het cijfer vandaan? Bijvoorbeeld: DUO-factsheet maart 2025.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        category = self.instance.category
        if self.instance.pk:
            del self.fields["school_year"]
        if category.is_percentage:
            self.fields["value"].label = _("Percentage")
        else:
            del self.fields["numerator"], self.fields["denominator"]
            self.fields["value"].required = True
            self.fields["value"].help_text = ""
        self.fields["finality"].widget = forms.RadioSelect(choices=self.fields["finality"].choices)

    def clean_school_year(self):
        year = self.cleaned_data["school_year"]
        figure = self.instance
        taken = Figure.objects.filter(
            category=figure.category,
            area_kind=figure.area_kind,
            area_code=figure.area_code,
            breakdown="",
            school_year=year,
        )
        if taken.exists():
            raise ValidationError(
                _("Voor %(year)s is al een cijfer. Pas dat aan; het oude cijfer blijft in de geschiedenis."),
                params={"year": year},
            )
        return year

    def clean(self):
        data = super().clean()
        value, numerator, denominator = (data.get(name) for name in ("value", "numerator", "denominator"))
        if self.errors:
            return data
        if (numerator is None) != (denominator is None):
            raise ValidationError(_("Vul teller en noemer allebei in, of allebei niet."))
        if numerator is not None and denominator:
            if value is None:
                data["value"] = self.instance.value = percentage_of(numerator, denominator)
            elif not self._figure_unchanged(value, numerator, denominator) and (
                error := check_percentage(value, numerator, denominator)
            ):
                self.add_error("value", error)
        elif value is None:
            self.add_error("value", _("Vul het cijfer in, of teller en noemer."))
        return data

    def _figure_unchanged(self, value, numerator, denominator) -> bool:
        """A stored figure keeps the precision it was imported with only as two decimals ("27" becomes 27,00), so
        checking it again against its counts could refuse what the importer accepted: a figure that is not
        changed (e.g. only its status or source is edited) is not checked again."""
        stored = self.instance
        return bool(stored.pk) and (stored.value, stored.numerator, stored.denominator) == (
            value,
            numerator,
            denominator,
        )


class NormForm(VersionedForm):
    """The national streefnorm of a category in a school year (a new one, or a correction with a reason)."""

    school_year = SchoolYearField(
        label=_("Schooljaar"), help_text=_("Bijvoorbeeld 2024-2025: het schooljaar waarvoor de norm geldt.")
    )
    value = DutchDecimalField(label=_("Streefnorm (%)"), min_value=0, max_value=100)

    class Meta:
        model = Norm
        fields = ["category", "school_year", "value", "source_detail"]
        help_texts = {"source_detail": _("Waar de norm staat, bijvoorbeeld: OCW-brief van 3 maart 2025.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(programme=None, unit="percentage")
        if self.instance.pk:  # another category or year is another norm
            del self.fields["category"], self.fields["school_year"]
            self.fields["reason"].required = True
            self.fields["reason"].error_messages["required"] = _("Geef een reden voor deze wijziging.")

    def clean(self):
        data = super().clean()
        category, year = data.get("category"), data.get("school_year")
        if not self.instance.pk and category and year and Norm.objects.filter(category=category, school_year=year):
            self.add_error(
                "school_year",
                _("Voor %(category)s in %(year)s is al een norm. Pas die aan.") % {"category": category, "year": year},
            )
        return data


class YearForm(forms.Form):
    """The dashboard's year selector."""

    jaar = forms.ChoiceField(label=_("Schooljaar"), required=False)

    def __init__(self, *args, school_years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [
            (
                year,
                _("%(year)s (peildatum %(peildatum)s)")
                % {"year": year, "peildatum": SchoolYear.parse(year).peildatum_label},
            )
            for year in reversed(school_years)
        ]


class SinceForm(forms.Form):
    """ "Gewijzigd sinds": the KPI pages mark figures revised after this date (default: the last import)."""

    sinds = forms.DateField(
        label=_("Herzien sinds"),
        required=False,
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean_sinds(self):
        day = self.cleaned_data["sinds"]
        if day is not None and not 1900 <= day.year <= 2999:
            raise forms.ValidationError(_("Kies een datum tussen 1900 en 2999."))
        return day


MAX_UPLOAD_BYTES = 50 * 1024 * 1024


class ImportUploadForm(forms.Form):
    """A DUO file to check and, after the preview, import. The options fill what the file does not say."""

    kind = forms.ChoiceField(
        label=_("Soort bestand"),
        choices=ImportRun.Kind.choices,
        initial=ImportRun.Kind.FIGURES,
        widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label=_("Bestand"),
        help_text=_("CSV (puntkomma, komma of tab) of Excel (XLSX), zoals DUO het publiceert."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.tsv,.txt,.xlsx"}),
    )
    school_year = SchoolYearField(
        label=_("Schooljaar"),
        required=False,
        help_text=_("Alleen als het bestand geen kolom schooljaar heeft, bijvoorbeeld 2019-2020."),
    )
    figure_status = forms.ChoiceField(
        label=_("Status van de cijfers"),
        required=False,
        choices=[("", _("zoals in het bestand")), *FIGURE_STATUS_CHOICES],
        help_text=_("Alleen als het bestand niet zegt of de cijfers voorlopig of definitief zijn."),
    )

    def __init__(self, *args, can_load_regions: bool = True, owner_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner_id = owner_id  # whose run this upload becomes: a programme, or the stewards (None)
        if not can_load_regions:  # regions and municipalities are the data stewards' (every programme sees them)
            self.fields["kind"].choices = [(ImportRun.Kind.FIGURES, ImportRun.Kind.FIGURES.label)]
            self.fields["kind"].widget = forms.HiddenInput()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(_("Het bestand is groter dan 50 MB."))
        if upload.size == 0:
            raise ValidationError(_("Het bestand is leeg."))
        self.data_bytes = upload.read()
        return upload

    def clean(self):
        data = super().clean()
        if self.errors or data.get("kind") != ImportRun.Kind.FIGURES:
            return data
        from .importers.runs import already_imported_message, checksum_of

        earlier = selectors.previous_import(
            kind=ImportRun.Kind.FIGURES, checksum=checksum_of(self.data_bytes), programme_id=self.owner_id
        )
        if earlier is not None:
            self.add_error("file", already_imported_message(earlier))
        return data
