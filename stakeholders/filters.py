"""One FilterSet per list page. Each runs on the already scoped queryset; dropdowns offer only what occurs there."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from msp.filters import CountryFilter
from msp.models import Country

from .models import (
    ContactPerson,
    EngagementLevel,
    MemberRole,
    Membership,
    Organisation,
    Quadrant,
    Sector,
    StakeholderMapEntry,
)
from .widgets import FastSelect

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def _yes_no(queryset, field, value):
    if value in ("yes", "no"):
        return queryset.filter(**{field: value == "yes"})
    return queryset


class _Styled(django_filters.FilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            css = "form-select form-select-sm" if hasattr(field, "choices") else "form-control form-control-sm"
            field.widget.attrs.setdefault("class", css)

    @property
    def active(self):
        return any(self.data.get(name) for name in self.filters)


class MembershipFilter(_Styled):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[("current", _("Current members")), ("left", pgettext_lazy("members who left", "Left"))],
        empty_label=_("Current and past"),
        method="by_status",
    )
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), field_name="organisation__sector", choices=Sector.choices, empty_label=_("Any sector")
    )
    role = django_filters.ChoiceFilter(label=_("Role"), choices=MemberRole.choices, empty_label=_("Any role"))
    core = django_filters.ChoiceFilter(
        label=_("Core group"), choices=YES_NO, empty_label=_("Core group or not"), method="by_core"
    )

    class Meta:
        model = Membership
        fields = ["q", "status", "sector", "role", "core"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(organisation__name__icontains=value) | Q(organisation__short_name__icontains=value))

    def by_status(self, queryset, name, value):
        return queryset.filter(current=value == "current") if value else queryset

    def by_core(self, queryset, name, value):
        return _yes_no(queryset, "is_core_group", value)


class ContactFilter(_Styled):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"), queryset=Organisation.objects.none(), empty_label=_("Any organisation")
    )
    member = django_filters.ChoiceFilter(
        label=_("Member"),
        choices=[("yes", _("Members")), ("no", _("Not members"))],
        empty_label=_("Members or not"),
        method="by_member",
    )
    may_sign = django_filters.ChoiceFilter(
        label=_("May sign"), choices=YES_NO, empty_label=_("Signatory or not"), method="by_sign"
    )
    active = django_filters.ChoiceFilter(
        label=_("Active"), choices=YES_NO, empty_label=_("Active or not"), method="by_active"
    )

    class Meta:
        model = ContactPerson
        fields = ["q", "organisation", "member", "may_sign", "active"]

    def __init__(self, data=None, queryset=None, *, organisations=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["organisation"].queryset = organisations
        self.form.fields["organisation"].queryset = organisations

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value)
            | Q(email__icontains=value)
            | Q(job_title__icontains=value)
            | Q(organisation__name__icontains=value)
        )

    def by_member(self, queryset, name, value):
        return _yes_no(queryset, "is_member", value)

    def by_sign(self, queryset, name, value):
        return _yes_no(queryset, "may_sign", value)

    def by_active(self, queryset, name, value):
        return _yes_no(queryset, "is_active", value)


class MapFilter(_Styled):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    quadrant = django_filters.ChoiceFilter(
        label=_("Quadrant"), choices=Quadrant.choices, empty_label=_("Any quadrant"), method="by_quadrant"
    )
    engagement = django_filters.ChoiceFilter(
        label=_("Engagement"), choices=EngagementLevel.choices, empty_label=_("Any engagement")
    )
    flag = django_filters.ChoiceFilter(
        label=_("Flag"),
        choices=[
            ("key", _("Key stakeholders")),
            ("target", _("Target groups")),
            ("champion", _("Champions")),
            ("member", _("Members")),
            ("not_member", _("Not members")),
        ],
        empty_label=_("Any"),
        method="by_flag",
    )
    country = CountryFilter(
        label=_("Located in"), queryset=Country.objects.none(), empty_label=_("Any country"), widget=FastSelect
    )

    class Meta:
        model = StakeholderMapEntry
        fields = ["q", "quadrant", "engagement", "flag", "country"]

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        countries = Country.objects.filter(pk__in=queryset.values("country")).order_by("name")
        self.filters["country"].queryset = countries
        self.form.fields["country"].queryset = countries

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(organisation__name__icontains=value)
            | Q(organisation__short_name__icontains=value)
            | Q(notes__icontains=value)
        )

    def by_quadrant(self, queryset, name, value):
        return queryset.filter(Quadrant(value).q()) if value in Quadrant.values else queryset

    def by_flag(self, queryset, name, value):
        field = {"key": "is_key", "target": "is_target_group", "champion": "is_champion", "member": "is_member"}
        if value == "not_member":
            return queryset.filter(is_member=False)
        return queryset.filter(**{field[value]: True}) if value in field else queryset


class OrganisationFilter(_Styled):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    sector = django_filters.ChoiceFilter(label=_("Sector"), choices=Sector.choices, empty_label=_("Any sector"))
    country = CountryFilter(
        label=_("Country"), queryset=Country.objects.none(), empty_label=_("Any country"), widget=FastSelect
    )

    class Meta:
        model = Organisation
        fields = ["q", "sector", "country"]

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        countries = Country.objects.filter(pk__in=Organisation.objects.values("country")).order_by("name")
        self.filters["country"].queryset = countries
        self.form.fields["country"].queryset = countries

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value)
            | Q(short_name__icontains=value)
            | Q(iati_identifier__icontains=value)
            | Q(description__icontains=value)
        )
