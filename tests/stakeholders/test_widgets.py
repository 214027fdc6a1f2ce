from django import forms

from stakeholders.filters import OrganisationFilter
from stakeholders.models import Organisation
from stakeholders.widgets import FastSelect
from tests.factories import OrganisationFactory


def django_render(widget, name, value, attrs=None):
    return forms.Select.render(widget, name, value, attrs)


def test_it_renders_what_djangos_templates_render():
    widget = FastSelect(
        attrs={"class": "form-select", "required": True, "disabled": False, "data-x": 'a"<b'},
        choices=[("", "---"), ("Group <1>", [(1, "a & b"), (2, "c")]), (3, "d")],
    )
    for value in (None, [2], ["3"], ["nothing"]):
        assert widget.render("name<", value, {"id": "id_x"}) == django_render(widget, "name<", value, {"id": "id_x"})


def test_it_renders_the_registry_country_filter_as_before(db):
    OrganisationFactory(country_id="GH")
    OrganisationFactory(country_id="KE")
    for data in ({}, {"country": "KE"}):
        field = OrganisationFilter(data, queryset=Organisation.objects.all()).form["country"]
        widget = field.field.widget
        assert isinstance(widget, FastSelect)
        html = str(field)
        assert html == django_render(widget, field.html_name, field.value(), {"id": field.auto_id})
        assert '<option value="KE"' in html


def test_a_subclass_with_its_own_template_renders_through_it():
    class Other(FastSelect):
        template_name = "django/forms/widgets/radio.html"

    assert Other(choices=[(1, "a")]).render("n", None).startswith("<div>")
