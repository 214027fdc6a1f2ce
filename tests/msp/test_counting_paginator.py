"""msp.listing.CountingPaginator.get_page answers as Django's Paginator.get_page does, in one query for a page in
range."""

import pytest
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext

from msp.listing import CountingPaginator

pytestmark = pytest.mark.django_db


@pytest.fixture
def users():
    User = get_user_model()
    User.objects.bulk_create(User(username=f"user{i:02}") for i in range(7))
    return User.objects.order_by("username")


@pytest.mark.parametrize("number", [None, "", "x", "1.5", 1, "2", 3, 4, "99", 0, -1])
def test_it_gives_the_page_djangos_paginator_gives(users, number):
    theirs = Paginator(users, 3).get_page(number)
    ours = CountingPaginator(users, 3).get_page(number)
    assert (ours.number, [u.username for u in ours], ours.paginator.count, ours.paginator.num_pages) == (
        theirs.number,
        [u.username for u in theirs],
        theirs.paginator.count,
        theirs.paginator.num_pages,
    )


def test_a_page_in_range_takes_one_query(users):
    with CaptureQueriesContext(connection) as queries:
        page = CountingPaginator(users, 3).get_page("2")
        assert page.paginator.count == 7 and len(page) == 3
    assert len(queries) == 1


def test_a_list_is_paged_too():
    page = CountingPaginator([], 3).get_page("2")
    assert page.number == 1 and page.paginator.count == 0
