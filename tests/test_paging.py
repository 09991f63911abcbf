"""torino_portal/paging.py's pages read by keyset: walking every page gives the rows of the
ordered list, each once, in either direction, with ties on the first field, through the
row comparison (the fields are the model's own columns) and the OR of conditions (a field
of a parent table); a page number that is not a page is a 404."""

from datetime import date, datetime, timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from commissions.models import Contribution, Meeting
from press.models import Clipping, Publication
from tests.factories_commissions import (
    ROME,
    make_commission,
    make_contribution,
    make_meeting,
    make_topic,
)
from tests.factories_press import make_clipping, make_publication, make_source
from torino_portal.paging import keyset_number, keyset_page, page_keys

pytestmark = pytest.mark.django_db

PER_PAGE = 4


def _contributions():
    topic = make_topic()
    moment = timezone.now() - timedelta(days=1)
    for i in range(15):  # five at a time: ties on created_at
        make_contribution(topic, created_at=moment + timedelta(minutes=i // 5))
    return Contribution.objects.filter(topic=topic), ("created_at", "pk")


def _meetings():
    commission = make_commission()
    for i in range(14):
        make_meeting(commission, start=datetime(2005, 3, 1 + i % 3, 10, 0, tzinfo=ROME))
    return Meeting.objects.filter(commission=commission), ("start", "pk")


def _clippings():
    source = make_source()
    for i in range(17):
        make_clipping(source, date=date(2006, 5, 1 + i % 4))
    return Clipping.objects.all(), ("-date", "-pk")


def _publications():
    moment = timezone.now() - timedelta(days=2)
    for i in range(13):
        make_publication(year=2000 + i % 2, published_at=moment - timedelta(hours=i % 3))
    return Publication.objects.all(), ("-year", "-published_at", "-pk")


LISTS = [_contributions, _meetings, _clippings, _publications]


@pytest.mark.parametrize("make", LISTS, ids=lambda make: make.__name__.strip("_"))
def test_every_page_read_by_keyset_walks_the_ordered_list_once(rf, make):
    queryset, order = make()
    expected = list(queryset.order_by(*order).values_list("pk", flat=True))
    keys = page_keys(queryset, order, PER_PAGE)
    assert keys[0] == len(expected)
    pages = -(-len(expected) // PER_PAGE)
    seen = []
    for number in range(1, pages + 1):
        page = keyset_page(rf.get(f"/?page={number}"), queryset, order, PER_PAGE, keys)
        assert page.paginator.num_pages == pages
        assert [row.pk for row in page.object_list] == expected[
            (number - 1) * PER_PAGE : number * PER_PAGE
        ]
        seen.extend(row.pk for row in page.object_list)
    assert seen == expected
    for bad in ("0", str(pages + 1), "abc"):
        with pytest.raises(Http404):
            keyset_number(rf.get(f"/?page={bad}"), keys[0], PER_PAGE)


def test_an_empty_list_has_one_empty_page(rf):
    keys = page_keys(Clipping.objects.all(), ("-date", "-pk"), PER_PAGE)
    assert keys == (0, [], None)
    page = keyset_page(rf.get("/"), Clipping.objects.all(), ("-date", "-pk"), PER_PAGE, keys)
    assert list(page.object_list) == [] and page.number == 1
    with pytest.raises(Http404):
        keyset_number(rf.get("/?page=2"), 0, PER_PAGE)


def test_an_order_goes_one_way():
    with pytest.raises(ValueError, match="one way"):
        page_keys(Clipping.objects.all(), ("-date", "pk"), PER_PAGE)
