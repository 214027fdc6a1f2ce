"""The forms of a page, as a browser sees them (the fields a POST carries), and the Django fields behind them.

Used by the bad-input walk (tests/test_bad_input.py): `post_forms(html)` lists each <form method="post"> with its
action and fields; `django_fields(response)` maps each field's HTML name to the Django form field that reads it,
from the forms in the response's template context, so the walk knows a date from a number or a choice of records.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

from django import forms
from django.test.utils import ContextList


@dataclass
class Field:
    name: str
    kind: str  # the input type, "select", "select-multiple" or "textarea"
    value: object = None  # what the page sends as it is (None: nothing)
    options: list = field(default_factory=list)  # a select's, a radio group's or a checkbox group's values


@dataclass
class Form:
    action: str
    multipart: bool
    fields: dict = field(default_factory=dict)  # name -> Field


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms, self._form, self._select, self._option, self._textarea = [], None, None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            if (a.get("method") or "get").lower() == "post":
                self._form = Form(a.get("action") or "", (a.get("enctype") or "").startswith("multipart"))
                self.forms.append(self._form)
            return
        form, name = self._form, a.get("name")
        if form is None:
            return
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "image", "reset", "button"):
                return
            existing = form.fields.get(name)
            if kind in ("checkbox", "radio"):
                entry = existing or form.fields.setdefault(name, Field(name, kind))
                entry.options.append(a.get("value", "on"))
                if "checked" in a:
                    entry.value = a.get("value", "on") if entry.value is None else [*_list(entry.value), a["value"]]
            else:
                form.fields[name] = Field(name, kind, a.get("value", ""))
        elif tag == "select" and name:
            kind = "select-multiple" if "multiple" in a else "select"
            self._select = form.fields[name] = Field(name, kind, [] if kind == "select-multiple" else None)
        elif tag == "option" and self._select is not None:
            self._option = a.get("value")
            self._select.options.append(self._option if self._option is not None else "")
            if "selected" in a:
                if self._select.kind == "select-multiple":
                    self._select.value.append(self._select.options[-1])
                else:
                    self._select.value = self._select.options[-1]
        elif tag == "textarea" and name:
            self._textarea = form.fields[name] = Field(name, "textarea", "")
        elif tag == "button" and name and (a.get("type") or "submit") == "submit":
            entry = form.fields.setdefault(name, Field(name, "button"))
            entry.options.append(a.get("value", ""))
            entry.value = entry.options[0]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            if self._select is not None and self._select.kind == "select" and self._select.value is None:
                self._select.value = self._select.options[0] if self._select.options else ""
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def _list(value):
    return value if isinstance(value, list) else [value]


def post_forms(html):
    parser = _Parser()
    parser.feed(html)
    return parser.forms


def django_fields(response):
    """HTML name -> Django form field, for every form (and formset) in the response's template context."""
    found, seen = {}, set()

    def add(form):
        if id(form) in seen:
            return
        seen.add(id(form))
        for name, form_field in form.fields.items():
            html_name = form.add_prefix(name)
            found[html_name] = form_field
            if isinstance(form_field, forms.MultiValueField):
                for index, sub in enumerate(form_field.fields):
                    found[f"{html_name}_{index}"] = sub

    def visit(value):
        if isinstance(value, forms.BaseForm):
            add(value)
        elif isinstance(value, forms.BaseFormSet):
            add(value.management_form)
            for form in value.forms:
                add(form)
            add(value.empty_form)
        elif isinstance(value, list | tuple) and value and len(value) < 200:
            for item in value:
                visit(item)

    contexts = response.context
    for context in contexts if isinstance(contexts, ContextList) else [contexts] if contexts else []:
        for value in context.flatten().values():
            visit(value)
    return found
