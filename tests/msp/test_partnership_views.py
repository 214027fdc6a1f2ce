import pytest
from django.urls import reverse

from msp.models import Partnership, PartnershipRole, Role
from tests.factories import PartnershipFactory, RoleFactory, UserFactory

VALID = {
    "name": "Upper Tana Water Partnership",
    "problem_statement": "Silt fills the reservoirs.",
    "planned_approach": "A water fund pays for terraces.",
    "partnership_fit": "yes",
    "fit_rationale": "Users downstream pay, farmers upstream act.",
    "vision": "Clean water all year.",
    "countries": ["KE"],
    "sdg_targets": ["6.1", "15.3"],
    "currency": "USD",
}


def test_secretariat_creates_a_partnership_and_becomes_its_secretariat(client, secretariat):
    client.force_login(secretariat)
    response = client.post(reverse("msp:partnership_create"), VALID, follow=True)
    created = Partnership.objects.get(name="Upper Tana Water Partnership")
    assert response.redirect_chain[-1][0] == created.get_absolute_url()
    assert "is created, in phase 1 (Initiation)" in response.content.decode()
    assert created.phase == 1
    assert created.created_by == secretariat
    assert PartnershipRole.objects.get(partnership=created, user=secretariat).role == Role.SECRETARIAT
    assert sorted(created.sdg_targets.values_list("code", flat=True)) == ["15.3", "6.1"]
    # targets imply their goals, so filtering by goal finds the partnership
    assert sorted(created.sdg_goals.values_list("number", flat=True)) == [6, 15]


def test_a_blank_name_is_refused_and_what_was_typed_is_kept(client, secretariat):
    client.force_login(secretariat)
    response = client.post(reverse("msp:partnership_create"), {**VALID, "name": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "This field is required." in html
    assert "Silt fills the reservoirs." in html
    assert not Partnership.objects.filter(problem_statement="Silt fills the reservoirs.").exists()


def test_an_answer_without_rationale_is_refused(client, secretariat):
    client.force_login(secretariat)
    response = client.post(reverse("msp:partnership_create"), {**VALID, "fit_rationale": " "})
    assert "Give the rationale for your answer." in response.content.decode()


def test_an_unknown_country_or_target_is_refused(client, secretariat):
    client.force_login(secretariat)
    response = client.post(reverse("msp:partnership_create"), {**VALID, "countries": ["XX"], "sdg_targets": ["99.9"]})
    assert response.status_code == 200
    summary, form = response.content.decode().split('<form method="post" class="card', 1)
    assert form.count("is not one of the available choices") == 2  # beside each field
    assert summary.count("is not one of the available choices") == 2  # and in the summary at the top


def test_partners_and_donors_cannot_create_partnerships(client, partner):
    client.force_login(partner)
    assert client.post(reverse("msp:partnership_create"), VALID).status_code == 403
    assert not Partnership.objects.filter(name=VALID["name"]).exists()


def test_the_creator_permission_lets_new_staff_start(client, db):
    from django.contrib.auth.models import Permission

    newcomer = UserFactory()
    newcomer.user_permissions.add(Permission.objects.get(codename="add_partnership"))
    client.force_login(newcomer)
    assert client.post(reverse("msp:partnership_create"), VALID).status_code == 302


def edit_url(partnership):
    return reverse("msp:partnership_edit", kwargs={"partnership_pk": partnership.pk})


def test_secretariat_edits_and_the_change_is_in_the_feed(client, partnership, secretariat):
    client.force_login(secretariat)
    response = client.post(edit_url(partnership), {**VALID, "revision": partnership.revision}, follow=True)
    assert "Changes to “Upper Tana Water Partnership” are saved." in response.content.decode()
    partnership.refresh_from_db()
    assert partnership.name == "Upper Tana Water Partnership"
    assert partnership.revision == 2
    feed = client.get(reverse("msp:activity", kwargs={"partnership_pk": partnership.pk})).content.decode()
    assert "sara" in feed or secretariat.get_full_name() in feed
    assert "Cocoa Partnership" in feed and "Upper Tana Water Partnership" in feed  # old and new name
    assert "added Kenya" in feed and "removed Côte d&#x27;Ivoire, Ghana" in feed


def test_a_stale_edit_is_refused_and_keeps_the_typing(client, partnership, secretariat):
    client.force_login(secretariat)
    form_revision = partnership.revision
    # someone else saves first
    client.post(edit_url(partnership), {**VALID, "name": "Renamed by a colleague", "revision": form_revision})
    response = client.post(edit_url(partnership), {**VALID, "name": "My rename", "revision": form_revision})
    html = response.content.decode()
    assert "Someone else saved this partnership while you were editing it." in html
    assert 'value="My rename"' in html
    assert "Renamed by a colleague" in html  # shown beside the form
    partnership.refresh_from_db()
    assert partnership.name == "Renamed by a colleague"
    # saving again, deliberately, works: the form now carries the current revision
    response = client.post(edit_url(partnership), {**VALID, "name": "My rename", "revision": partnership.revision})
    assert response.status_code == 302


def test_partners_cannot_edit(client, partnership, partner):
    client.force_login(partner)
    assert client.post(edit_url(partnership), {**VALID, "revision": 1}).status_code == 403
    partnership.refresh_from_db()
    assert partnership.name == "Cocoa Partnership"


def test_the_edit_form_rejects_get_nonsense_without_500(client, partnership, secretariat):
    client.force_login(secretariat)
    response = client.post(edit_url(partnership), {"name": "x" * 500, "currency": "NOPE", "revision": "abc"})
    assert response.status_code == 200
    assert "Ensure this value has at most 200 characters" in response.content.decode()


class TestTheList:
    @pytest.fixture
    def mine(self, secretariat, partnership):
        water = PartnershipFactory(name="Kenya Water", countries=["KE"], sdg_goals=[6], phase=2)
        textile = PartnershipFactory(name="Textile Wages", countries=["BD"], sdg_goals=[8], vision="Living wages")
        for p in (water, textile):
            RoleFactory(partnership=p, user=secretariat, role=Role.SECRETARIAT)
        PartnershipFactory(name="Not mine", countries=["KE"])
        return secretariat

    def names(self, client, **params):
        response = client.get(reverse("msp:partnership_list"), params)
        return [p.name for p in response.context["page_obj"].object_list]

    def test_it_shows_only_my_partnerships(self, client, mine):
        client.force_login(mine)
        assert self.names(client) == ["Cocoa Partnership", "Kenya Water", "Textile Wages"]

    def test_it_filters(self, client, mine):
        client.force_login(mine)
        assert self.names(client, phase=2) == ["Kenya Water"]
        assert self.names(client, country="KE") == ["Kenya Water"]
        assert self.names(client, sdg_goal=8) == ["Textile Wages"]
        assert self.names(client, q="living") == ["Textile Wages"]
        assert self.names(client, q="cocoa", phase=1, country="GH", sdg_goal=1) == ["Cocoa Partnership"]

    def test_filter_choices_offer_only_what_my_partnerships_use(self, client, mine):
        client.force_login(mine)
        form = client.get(reverse("msp:partnership_list")).context["filter"].form
        assert sorted(c.code for c in form.fields["country"].queryset) == ["BD", "CI", "GH", "KE"]

    def test_htmx_gets_only_the_results(self, client, mine):
        client.force_login(mine)
        response = client.get(
            reverse("msp:partnership_list"),
            {"q": "water"},
            HTTP_HX_REQUEST="true",
            HTTP_HX_TARGET="partnership-results",
        )
        html = response.content.decode()
        assert "Kenya Water" in html and '<nav class="navbar' not in html

    def test_it_paginates(self, client, secretariat, partnership):
        for i in range(25):
            RoleFactory(partnership=PartnershipFactory(name=f"P{i:02}"), user=secretariat, role=Role.SECRETARIAT)
        client.force_login(secretariat)
        assert len(self.names(client)) == 20
        assert len(self.names(client, page=2)) == 6
        assert client.get(reverse("msp:partnership_list"), {"page": 9}).status_code == 404

    def test_someone_with_no_role_is_told_what_to_do(self, client, db):
        client.force_login(UserFactory())
        html = client.get(reverse("msp:partnership_list")).content.decode()
        assert "No partnership has given you a role yet." in html

    def test_a_filter_that_matches_nothing_says_so(self, client, mine):
        client.force_login(mine)
        html = client.get(reverse("msp:partnership_list"), {"q": "zzz"}).content.decode()
        assert "No partnership matches these filters." in html


class TestTheDashboard:
    def url(self, partnership):
        return reverse("msp:dashboard", kwargs={"partnership_pk": partnership.pk})

    def test_members_see_roles_history_and_activity(self, client, partnership, secretariat, partner, donor):
        client.force_login(partner)
        html = client.get(self.url(partnership)).content.decode()
        for text in ("Key facts", "Who holds which role", "Phase history", "Recent activity", "Ghana"):
            assert text in html
        assert "Edit" not in html.split('id="card-key_facts"')[1].split("</section>")[0]

    def test_donors_see_only_the_summary(self, client, partnership, donor):
        client.force_login(donor)
        html = client.get(self.url(partnership)).content.decode()
        assert "Key facts" in html
        for text in ("Who holds which role", "Phase history", "Recent activity"):
            assert text not in html


def test_a_form_level_error_shows_once(client, partnership, secretariat):
    client.force_login(secretariat)
    client.post(edit_url(partnership), {**VALID, "name": "First", "revision": partnership.revision})
    html = client.post(edit_url(partnership), {**VALID, "name": "Second", "revision": 1}).content.decode()
    assert html.count("Someone else saved this partnership while you were editing it.") == 1
