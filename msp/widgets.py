"""Widgets. `PlainSelect`: a <select> drawn without the template engine. `SearchSelect`: a picker over a table that grows with the installation (the organisation registry): search as you type.

`SearchSelect` replaces a `<select>` that would list every row (3,000 organisations: 179 KB of options on every
form). The page carries only the current choice; static/js/picker.js turns the select into a combobox (Tom Select,
the same control as every other picker, with its WAI-ARIA combobox pattern: role=combobox, aria-expanded,
aria-controls, aria-activedescendant, a listbox; arrow keys, Enter, Escape) that asks a paged, permission-checked
endpoint (`url`, JSON {"results": [{"value", "text"}], "next"}) for the rows matching what is typed.

The form posts the same field name and value as the old select (the chosen row's id), so the field's queryset
still validates it: an id outside what the person may pick is refused with the field's message, as before.

Without JavaScript the select offers the current choice only, and a text box (in <noscript>) under it takes a
row's exact name (or whatever `lookup` matches exactly): one match chooses it; none or several keep the text and
the field refuses it, so the person sees what they typed and the error. That keeps a form usable without scripts,
with nothing to build per form (no search page, no round trip through another view).
"""

from urllib.parse import urlencode

from django import forms
from django.template.base import template_localtime
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _


def _shown(value):
    """`{{ value }}` as a template writes it: localised (numbers, dates), then escaped unless safe."""
    return conditional_escape(localize(template_localtime(value)))


def _attrs(attrs):
    """django/forms/widgets/attrs.html in Python: ` name="value"` each, ` name` alone for True, False left out."""
    return "".join(
        f" {conditional_escape(name)}"
        if value is True
        else f' {conditional_escape(name)}="{conditional_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class PlainSelect(forms.Select):
    """A <select> with the very HTML of Django's templates (django/forms/widgets/select.html, select_option.html,
    attrs.html), written out in Python: through the template engine, a filter bar's dropdowns cost more than the rows
    of the list under them (an include and a context per option). Same context (get_context), same output."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        html = [f'<select name="{_shown(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                html.append(f'\n  <optgroup label="{_shown(group_name)}">')
            html.extend(
                f'\n  <option value="{conditional_escape(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_shown(option['label'])}</option>\n"  # select_option.html ends with a new line
                for option in options
            )
            if group_name:
                html.append("\n  </optgroup>")
        html.append("\n</select>")
        return mark_safe("".join(html))


class SearchSelect(forms.Select):
    FIND = "__find"  # suffix of the no-script text box's name

    def __init__(self, url="", *, placeholder="", lookup=None, find_label="", attrs=None):
        super().__init__(attrs=attrs)
        self.find_label = find_label  # the no-script text box's label: what `lookup` matches
        self.url = url
        self.params = {}
        self.placeholder = placeholder
        self.lookup = lookup  # (queryset, text) -> queryset of exact matches, for the no-script text box

    def __deepcopy__(self, memo):
        copy = super().__deepcopy__(memo)
        copy.params = dict(self.params)
        return copy

    def narrow(self, **params):
        """Extra query parameters for the endpoint (e.g. leave out a partnership's current members)."""
        self.params.update(params)
        return self

    @property
    def search_url(self):
        url = str(self.url)
        if self.params:
            url += ("&" if "?" in url else "?") + urlencode(self.params)
        return url

    def _chosen(self, value):
        """The choices to render: the empty one and the current value, never the whole table (one query)."""
        wanted = [str(v) for v in value if str(v).isdigit() and len(str(v)) < 16]  # an id, not a bigint overflow
        field = getattr(self.choices, "field", None)
        if field is None:  # plain choices (not a model field): keep those of the current value
            return [(k, v) for k, v in self.choices if str(k) in wanted or k in ("", None)]
        choices = [("", field.empty_label)] if field.empty_label is not None else []
        if wanted:
            rows = field.queryset.filter(pk__in=wanted)
            choices += [(str(obj.pk), field.label_from_instance(obj)) for obj in rows]
        return choices

    def optgroups(self, name, value, attrs=None):
        groups = []
        for index, (option_value, label) in enumerate(self._chosen(value)):
            selected = str(option_value) in value and option_value not in ("", None)
            option = self.create_option(name, option_value, label, selected, index, attrs=attrs)
            groups.append((None, [option], index))
        return groups

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        attrs = context["widget"]["attrs"]
        attrs["data-picker-url"] = self.search_url
        if self.placeholder:
            attrs["data-placeholder"] = str(self.placeholder)
        return context

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        if self.lookup is None:
            return html
        values = self.format_value(value)
        typed = next((v for v in values if v and not v.isdigit()), "")
        box_id = f"{(attrs or {}).get('id') or self.attrs.get('id') or 'id_' + name}{self.FIND}"
        disabled = " disabled" if (attrs or {}).get("disabled") or self.attrs.get("disabled") else ""
        return format_html(
            '{}<noscript><div class="mt-2"><label class="form-label small" for="{}">{}</label>'
            '<input type="text" class="form-control" name="{}" id="{}" value="{}" maxlength="200"{}></div></noscript>',
            html,
            box_id,
            self.find_label or _("Or type its exact name"),
            name + self.FIND,
            box_id,
            typed,
            disabled,
        )

    def value_from_datadict(self, data, files, name):
        typed = (data.get(name + self.FIND) or "").strip()[:200]
        if not typed or self.lookup is None:
            return super().value_from_datadict(data, files, name)
        field = getattr(self.choices, "field", None)
        matches = list(self.lookup(field.queryset, typed).values_list("pk", flat=True)[:2]) if field else []
        return str(matches[0]) if len(matches) == 1 else typed
