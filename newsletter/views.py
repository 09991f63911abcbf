"""The mailing list's public pages: join, confirm, leave, ask for a link, the archive.

Links that change something (confirm, unsubscribe) open a page with one button: mail
scanners follow links with GET, and a GET never changes anything here.
"""

from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from torino_portal import fragments
from torino_portal.paging import paginate

from . import services
from .forms import SubscribeForm, UnsubscribeRequestForm
from .models import Interest, Newsletter, normalize_email
from .services import Outcome


def _posted_address(group, request):
    """django-ratelimit key: the address typed in the form (one bucket per mailbox)."""
    return normalize_email(request.POST.get("email", ""))[:300]


def _limited(view):
    """Per-IP and per-address limits on a form's POST; over the limit, the 429 page."""
    view = ratelimit(key=_posted_address, rate="5/h", method="POST", block=True)(view)
    return ratelimit(key="ip", rate="30/h", method="POST", block=True)(view)


@require_http_methods(["GET", "POST"])
@_limited
def index(request):
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if form.is_valid():
            if not form.is_spam():
                services.request_subscription(
                    services.SignUp(
                        email=form.cleaned_data["email"],
                        language=form.cleaned_data["language"],
                        interests=list(form.cleaned_data["interests"]),
                    )
                )
            return redirect("newsletter:thanks")
    else:
        form = SubscribeForm(initial={"language": get_language()})
    # The interests on offer, kept until content changes (staff edit them in the admin, whose
    # POSTs end what is kept); validation still asks the database (the field's queryset).
    form.fields["interests"].choices = fragments.kept("newsletter-interests", _interest_choices)
    return render(request, "newsletter/index.html", {"form": form})


def _interest_choices():
    """(pk, name) of every interest, in their order, in the active language."""
    return [(interest.pk, str(interest)) for interest in Interest.objects.all()]


def thanks(request):
    return render(request, "newsletter/thanks.html", {"days": services.CONFIRM_MAX_AGE.days})


def _link_problem(request, outcome):
    return render(request, "newsletter/link_problem.html", {"outcome": outcome.value}, status=400)


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    if request.method == "POST":
        outcome = services.confirm_subscription(token)
    else:
        outcome = services.confirmation_state(token)
    if outcome in (Outcome.INVALID, Outcome.EXPIRED):
        return _link_problem(request, outcome)
    return render(
        request,
        "newsletter/confirm.html",
        {"outcome": outcome.value if outcome else "", "token": token},
    )


@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    if services.read_unsubscribe_token(token) is None:
        return _link_problem(request, Outcome.INVALID)
    outcome = None
    if request.method == "POST":
        outcome = services.unsubscribe(token, how="unsubscribe page")
        if outcome is Outcome.INVALID:
            return _link_problem(request, outcome)
    return render(
        request,
        "newsletter/unsubscribe.html",
        {"outcome": outcome.value if outcome else "", "token": token},
    )


@csrf_exempt
def one_click(request, token):
    """RFC 8058 one-click unsubscribe: the mail program POSTs here, without a CSRF token.

    Exempting CSRF is safe: the signed token in the address is the credential (only the
    recipient's mailbox has it), and the only thing a POST can do is take that one address
    off the list — what the recipient asked for. A GET (a scanner, a person) changes
    nothing: it shows the page with the button.
    """
    if request.method != "POST":
        return redirect("newsletter:unsubscribe", token=token)
    outcome = services.unsubscribe(token, how="one-click (RFC 8058)")
    if outcome is Outcome.INVALID:
        return HttpResponseBadRequest(_("This link is not valid."), content_type="text/plain")
    return HttpResponse(_("You have left the mailing list."), content_type="text/plain")


@require_http_methods(["GET", "POST"])
@_limited
def unsubscribe_request(request):
    if request.method == "POST":
        form = UnsubscribeRequestForm(request.POST)
        if form.is_valid():
            if not form.is_spam():
                services.request_unsubscribe_link(form.cleaned_data["email"])
            return redirect("newsletter:unsubscribe-sent")
    else:
        form = UnsubscribeRequestForm()
    return render(request, "newsletter/unsubscribe_request.html", {"form": form})


def unsubscribe_sent(request):
    return render(request, "newsletter/unsubscribe_sent.html")


def archive(request):
    newsletters = Newsletter.objects.published().defer("body", "body_it", "body_en")
    page_obj = paginate(request, newsletters, 20)
    return render(request, "newsletter/archive.html", {"page_obj": page_obj})


def detail(request, pk):
    newsletter = get_object_or_404(Newsletter.objects.visible_to(request.user), pk=pk)
    return render(
        request, "newsletter/detail.html", {"newsletter": newsletter, "object": newsletter}
    )
