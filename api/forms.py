from django import forms

from .models import ApiToken


class TokenForm(forms.ModelForm):
    """A new API token's name (the key is made by api.services.token_create)."""

    class Meta:
        model = ApiToken
        fields = ["name"]
