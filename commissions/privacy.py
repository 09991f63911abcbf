"""The forum's share of the privacy notice (collected by torino_portal.privacy)."""

from .models import Contribution


def erase(address):
    """Contributions keep their (published) name and text; the hidden address goes."""
    count = Contribution.objects.filter(email__iexact=address.strip()).update(email="")
    return {"contributions": count}


def retention(now):
    # "For as long as the forum is published, unless you ask for them to be deleted":
    # no period runs out by itself.
    return {}
