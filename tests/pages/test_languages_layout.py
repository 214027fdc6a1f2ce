"""The dashboard, the MoU page and the stakeholder map in English, French and German, on a desktop and a phone:
the page says its language, nothing overflows (long German words must not break the layout), axe-core still finds
nothing serious, and a screenshot of each is kept in test-artifacts/languages/ to be looked at."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from msp.profiles import user_language_set

from .checks import AXE, axe_violations
from .world import client_for, demo_world

pytestmark = [pytest.mark.pages, pytest.mark.django_db(transaction=True)]

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
# Elements whose text must fit their box: a word wider than its button or badge spills over its neighbours.
# (Tables and the section tabs scroll sideways on purpose, inside their own containers.)
OVERFLOWING = """() => {
  const inScroller = el => el.closest('.table-responsive, .msp-tabs, .nav-underline, .ts-dropdown');
  const spilled = [...document.querySelectorAll('h1, h2, h3, .btn, .badge, .nav-link, .navbar-brand, dt, dd, label, .card-title, .breadcrumb-item, .msp-phase-label')]
    .filter(el => el.offsetParent !== null && !inScroller(el) && el.scrollWidth > el.clientWidth + 1)
    .map(el => el.tagName.toLowerCase() + '.' + [...el.classList].join('.') + ': ' + el.innerText.trim().slice(0, 40));
  // The phase stepper's labels sit side by side: a long word must wrap in its column, not run into the next one.
  for (const steps of document.querySelectorAll('.msp-phases')) {
    const texts = [...steps.querySelectorAll('.msp-phase-label')].filter(el => el.offsetParent !== null).map(el => {
      const range = document.createRange(); range.selectNodeContents(el); return [el, range.getBoundingClientRect()];
    });
    for (let i = 1; i < texts.length; i++) {
      if (texts[i][1].left - texts[i - 1][1].right < 4) spilled.push('phase labels touch: ' + texts[i - 1][0].innerText + ' | ' + texts[i][0].innerText);
    }
  }
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth + 1) spilled.unshift('the page scrolls sideways: ' + page.scrollWidth + 'px');
  return spilled;
}"""


def _urls(world):
    partnership = world["partnership"]
    return {
        "dashboard": reverse("msp:dashboard", args=[partnership.pk]),
        "mou": world["mou"].get_absolute_url(),
        "map": reverse("stakeholders:map", args=[partnership.pk]),
    }


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_key_pages_hold_their_layout_in_each_language(language, page, live_server, tmp_path):
    world = demo_world()
    user_language_set(user=world["secretariat"], language=language)
    session = client_for("secretariat", world).cookies["sessionid"].value  # signing in reads the profile
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    page.context.add_init_script(path=str(AXE))
    problems = []
    for name, url in _urls(world).items():
        for viewport, size in VIEWPORTS.items():
            page.set_viewport_size(size)
            assert page.goto(live_server.url + url).status == 200
            expect(page.locator("html")).to_have_attribute("lang", language)
            page.screenshot(path=f"test-artifacts/languages/{language}-{name}-{viewport}.png", full_page=True)
            problems += [f"{name} ({viewport}): {spill}" for spill in page.evaluate(OVERFLOWING)]
            if viewport == "desktop":
                problems += [f"{name}: axe {v['rule']} {v['targets']}" for v in axe_violations(page)]
    assert not problems, f"in {language}:\n" + "\n".join(problems)
