"""Tests that commit get every codelist back after another such test's flush emptied the tables."""

import pytest
from django.core.management import call_command

from msp.models import Country, SdgTarget
from stakeholders.models import OrganisationType


@pytest.mark.django_db(transaction=True)
def test_reference_data_reloads_every_codelist_after_a_flush(request):
    call_command("flush", interactive=False, verbosity=0)  # what the previous transactional test's teardown does
    assert not OrganisationType.objects.exists()

    request.getfixturevalue("reference_data")

    assert Country.objects.filter(code="GH").exists()
    assert SdgTarget.objects.filter(code="15.2").exists()
    assert OrganisationType.objects.exists()
