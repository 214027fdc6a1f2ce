"""How a person wants each kind of notification delivered: one radio group per kind."""

from crispy_forms.bootstrap import InlineRadios
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from msp.notices import Channel, NoticeKind


class NoticeSettingsForm(forms.Form):
    def __init__(self, *args, chosen: dict, **kwargs):
        """`chosen`: kind -> the channel the person chose (kinds they did not choose for get e-mail at once)."""
        super().__init__(*args, **kwargs)
        for kind, label in NoticeKind.choices:
            self.fields[kind] = forms.ChoiceField(
                label=label,
                choices=Channel.choices,
                widget=forms.RadioSelect,
                initial=chosen.get(kind, Channel.NOW),
                error_messages={"invalid_choice": _("Choose one of the three ways."), "required": _("Choose one.")},
            )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(*(InlineRadios(kind) for kind in NoticeKind.values))
