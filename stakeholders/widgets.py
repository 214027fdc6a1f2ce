"""A `<select>` that renders its options in Python: the same HTML as Django's templates, character for character.

Django renders every option through two template includes (select_option.html, attrs.html): about 50 µs an
option, so a country dropdown of some 200 options cost 10-20 ms of every registry and stakeholder-map page, more
than the rest of the page. `FastSelect` builds the same markup with string operations (tests/stakeholders/
test_widgets.py compares it with Django's output); anything it does not know (a subclass with its own template)
renders as before.
"""

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


def _attrs(attrs) -> str:
    """As django/forms/widgets/attrs.html: False leaves the attribute out, True writes its name alone."""
    out = []
    for name, value in attrs.items():
        if value is False:
            continue
        out.append(f" {name}" if value is True else f' {name}="{conditional_escape(str(value))}"')
    return "".join(out)


class FastSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        if self.template_name != forms.Select.template_name or self.option_template_name != (
            forms.Select.option_template_name
        ):
            return super().render(name, value, attrs, renderer)
        widget = self.get_context(name, value, attrs)["widget"]
        out = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                out.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            for option in options:
                out.append(
                    f'\n  <option value="{conditional_escape(str(option["value"]))}"{_attrs(option["attrs"])}>'
                    f"{conditional_escape(option['label'])}</option>\n"
                )
            if group_name:
                out.append("\n  </optgroup>")
        out.append("\n</select>")
        return mark_safe("".join(out))
