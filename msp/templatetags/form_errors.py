"""The error summary every form page starts with when a form comes back with errors (base.html includes it).

It finds the bound forms (and formsets) with errors in the page's context, so views of every app get it without
doing anything. Form-level errors are shown only here: the form is marked `msp_error_summary`, and the crispy
template `bootstrap5/errors.html` then leaves them out, so the same sentence is not said twice.
"""

from dataclasses import dataclass

from django import template
from django.forms import BaseForm
from django.forms.formsets import BaseFormSet

register = template.Library()


@dataclass
class Problem:
    message: str
    label: str = ""
    target: str = ""  # the id of the field to jump to, if there is one


def _forms_with_errors(context):
    seen = set()
    for value in context.flatten().values():
        if id(value) in seen:
            continue
        seen.add(id(value))
        if (
            isinstance(value, BaseForm)
            and value.is_bound
            and value.errors
            or isinstance(value, BaseFormSet)
            and value.is_bound
            and value.total_error_count()
        ):
            yield value


def _field_target(bound_field):
    # Radio buttons and checkbox lists have no single input with the field's id: jump to the first one.
    return bound_field.id_for_label or (f"{bound_field.auto_id}_0" if bound_field.auto_id else "")


def _problems_of_form(form):
    problems = [Problem(str(message)) for message in form.non_field_errors()]
    for name, errors in form.errors.items():
        if name == "__all__" or name not in form.fields:
            continue
        bound_field = form[name]
        label = "" if bound_field.is_hidden else str(bound_field.label or name)
        target = "" if bound_field.is_hidden else _field_target(bound_field)
        problems.extend(Problem(str(message), label, target) for message in errors)
    return problems


def problems_of(form_or_formset):
    if isinstance(form_or_formset, BaseFormSet):
        problems = [Problem(str(message)) for message in form_or_formset.non_form_errors()]
        for form in form_or_formset.forms:
            problems.extend(_problems_of_form(form))
        return problems
    return _problems_of_form(form_or_formset)


@register.inclusion_tag("partials/error_summary.html", takes_context=True)
def error_summary(context):
    problems = []
    for form in _forms_with_errors(context):
        form.msp_error_summary = True
        problems.extend(problems_of(form))
    return {"problems": problems}
