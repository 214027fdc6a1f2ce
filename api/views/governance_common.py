"""What the stakeholder and governance endpoints share: the pages' FilterSets with their extra arguments, and writes
that go through the page's form and its one service call.

A write reads the JSON body as the page's form would read a posted form (strings, lists for multiple choices), so the
form validates it exactly as on the page; a valid form goes to the same service as the page's, inside one transaction
and with the token's owner as the author of the activity entries. Invalid input answers 400 with the form's (or the
service's) messages per field, and writes nothing."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import exceptions

from .base import PartnershipScoped


class PageFilterBackend(DjangoFilterBackend):
    """The page's FilterSet (`filterset_class`), given what the page gives it besides the query: the view's
    `filterset_kwargs()` (the partnership, the organisations offered...). Invalid filter values answer 400."""

    def get_filterset_kwargs(self, request, queryset, view):
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        extra = getattr(view, "filterset_kwargs", None)
        return {**kwargs, **(extra() if extra else {})}


class Scoped(PartnershipScoped):
    """A list or detail under a partnership, with the page's filters. The schema generator asks for querysets
    without a request: it gets an empty one (`empty_queryset`)."""

    filter_backends = [PageFilterBackend]
    model = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        return self.records()

    def records(self):
        raise NotImplementedError


def form_errors(form) -> dict:
    return {("non_field_errors" if name == "__all__" else name): list(errors) for name, errors in form.errors.items()}


def invalid(errors: dict):
    return exceptions.ValidationError(errors)


def _as_posted(value, field):
    """A JSON value as an HTML form would post it for `field`: text (numbers as written), null as an empty field,
    true/false for a checkbox, a list of ids for a multiple choice. Anything else is the wrong type: None."""
    if value is None:
        return ""
    if isinstance(field, forms.BooleanField):
        return value if isinstance(value, bool) else None
    if isinstance(field, forms.MultipleChoiceField):  # model multiple choices too
        plain = isinstance(value, list) and all(isinstance(v, int | str) and not isinstance(v, bool) for v in value)
        return [str(v) for v in value] if plain else None
    if isinstance(value, int | float | str) and not isinstance(value, bool):
        return str(value)
    return None


def _wrong_type(field):
    if isinstance(field, forms.BooleanField):
        return _("Give true or false.")
    if isinstance(field, forms.MultipleChoiceField):
        return _("Give a list of ids.")
    return _("Give a single value: text or a number.")


def posted(request, form, *, body=None) -> dict:
    """The request's JSON body as data for `form` (unbound; with the record for a change). An unknown field or a
    value of the wrong type is refused (a typo must not pass silently). For PATCH, the record's current values fill
    what the body leaves out, and an empty body is refused (nothing to change). `body`: the JSON body, when the
    caller took something out of it first."""
    body = request.data if body is None else body
    if not isinstance(body, dict):
        raise invalid({"non_field_errors": [_("Send a JSON object with the fields.")]})
    fields = form.fields
    names = ", ".join(fields)
    errors = {
        name: [_("Unknown field. The fields are: %(fields)s.") % {"fields": names}]
        for name in body
        if name not in fields
    }
    data = {}
    for name, value in body.items():
        if name in fields:
            data[name] = _as_posted(value, fields[name])
            if data[name] is None:
                errors[name] = [_wrong_type(fields[name])]
    if errors:
        raise invalid(errors)
    if request.method == "PATCH":
        if not data:
            raise invalid({"non_field_errors": [_("Send at least one field to change.")]})
        data = {**instance_data(form), **data}
    return data


def instance_data(form) -> dict:
    """An unbound form's initial values (the record's, for a ModelForm with an instance) as posted data: what a PATCH
    leaves out stays as it is."""
    data = {}
    for name, field in form.fields.items():
        # The record's own values (a ModelForm's `initial`), not get_initial_for_field's: that one drops the
        # microseconds of a time, which would move a meeting that the request does not move.
        value = form.initial.get(name, field.initial)
        value = value() if callable(value) else value
        if isinstance(value, list | tuple) or hasattr(value, "all"):
            value = [getattr(v, "pk", v) for v in (value.all() if hasattr(value, "all") else value)]
        elif hasattr(value, "pk"):
            value = value.pk
        data[name] = "" if value is None else value
    return data


def save_through(request, form, save):
    """Validate `form` (400 with its messages, nothing written), then `save(form)` (the page's one service call) in
    one transaction, with the token's owner as the author in the activity feed. A ValidationError of the service
    answers 400 (api.errors), its PermissionDenied 403, and the transaction leaves every table unchanged."""
    if not form.is_valid():
        raise invalid(form_errors(form))
    with transaction.atomic():
        return save(form)
