"""Forms of the secretariat's records about parties: approvals and signatures given outside the app, and parties
added or removed after a version was sent."""

from django import forms
from django.utils.translation import gettext_lazy as _

from stakeholders.models import Organisation

from .models import Method
from .services.parties import EVIDENCE_MAX_BYTES


class _OnRecordForm(forms.Form):
    """What the secretariat records for an approval or signature given outside the app: by whom, when, and the
    evidence. `organisation` offers the parties that have not acted yet."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        empty_label=_("Choose the party"),
        error_messages={"required": _("Choose the organisation that gave it.")},
    )
    evidence = forms.FileField(
        label=_("Evidence"),
        error_messages={"required": _("Attach the signed page, letter or message as evidence (PDF or image).")},
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf,image/png,image/jpeg"}),
    )

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=[o.pk for o in organisations])
        self.fields["evidence"].help_text = _(
            "PDF, PNG or JPEG, at most %(mb)d MB. Only people with a role on the partnership can open it."
        ) % {"mb": EVIDENCE_MAX_BYTES // (1024 * 1024)}


class PaperSignatureForm(_OnRecordForm):
    name = forms.CharField(label=_("Signed by (name)"), max_length=200)
    position = forms.CharField(label=_("Position"), max_length=200)
    signed_on = forms.DateField(label=_("Signed on"), widget=forms.DateInput(attrs={"type": "date"}))
    field_order = ["organisation", "name", "position", "signed_on", "evidence"]


class OnRecordApprovalForm(_OnRecordForm):
    name = forms.CharField(label=_("Approved by (name)"), max_length=200)
    method = forms.ChoiceField(
        label=_("Given"), choices=[(Method.PAPER, Method.PAPER.label), (Method.EMAIL, Method.EMAIL.label)]
    )
    given_on = forms.DateField(label=_("Approved on"), widget=forms.DateInput(attrs={"type": "date"}))
    field_order = ["organisation", "name", "method", "given_on", "evidence"]


class PartyForm(forms.Form):
    organisation = forms.IntegerField(widget=forms.HiddenInput)
