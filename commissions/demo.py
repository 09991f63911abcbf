"""Demo content of the commissions: the four Thematic Commissions and the transversal group
on Knowledge (from the seed page), their invented people and meetings across 2005–2006,
documents and recordings generated in code, and two forum topics with approved posts.

Runs after the plans and events loaders (INSTALLED_APPS order). Every row is keyed on a
stable field, so a second run changes nothing. The conference "Una trasformazione in atto"
is created here only: a meeting *is* an Agenda event.
"""

from django.core.files.base import ContentFile
from django.utils.dateparse import parse_datetime
from django.utils.timezone import make_aware

from events.demo import tiny_pdf, tiny_wav  # the Agenda's demo files serve here too
from plans.models import Direction, Plan
from torino_portal.publishing import Status

from .demo_content import COMMISSIONS, MEETINGS, TOPICS
from .models import (
    Commission,
    Contribution,
    ContributionStatus,
    Document,
    Meeting,
    Person,
    Topic,
)

PUBLISHED_AT = make_aware(parse_datetime("2005-01-10 09:00"))


def _aware(text):
    return make_aware(parse_datetime(text))


def _translated(item, fields):
    return {f"{field}_{code}": item[f"{field}_{code}"] for field in fields for code in ("it", "en")}


def _commissions(plan):
    commissions = {}
    for item in COMMISSIONS:
        commission, _ = Commission.objects.update_or_create(
            slug_it=item["slug_it"],
            defaults={
                "plan": plan,
                "slug_en": item["slug_en"],
                "kind": item["kind"],
                "order": item["order"],
                "status": Status.PUBLISHED,
                "published_at": PUBLISHED_AT,
                "is_demo": False,  # the seed page names them and tells their mandates
                **_translated(item, ("name", "summary", "mandate")),
            },
        )
        commission.directions.set(
            Direction.objects.filter(plan=plan, number__in=item["directions"])
        )
        for order, (name, role, position_it, position_en, organisation) in enumerate(
            item["people"]
        ):
            Person.objects.update_or_create(
                commission=commission,
                name=name,
                defaults={
                    "role": role,
                    "order": order,
                    "position_it": position_it,
                    "position_en": position_en,
                    "organisation_it": organisation,
                    "organisation_en": organisation,
                    "is_demo": True,
                },
            )
        commissions[item["slug_it"]] = commission
    return commissions


def _lower_first(text):
    return text[:1].lower() + text[1:]


def _meetings(commissions):
    for row in MEETINGS:
        (slug, meeting_format, phase, start, end, venue, title_it, title_en, topic_it,
         topic_en, participants, outcome_it, outcome_en, documents) = row  # fmt: skip
        commission = commissions[slug]
        meeting = Meeting.objects.filter(commission=commission, title_it=title_it).first()
        meeting = meeting or Meeting(commission=commission, title_it=title_it)
        values = {
            "format": meeting_format,
            "phase": phase,
            "start": _aware(start),
            "end": _aware(end),
            "title_en": title_en,
            "topic_it": topic_it,
            "topic_en": topic_en,
            # The Agenda lists the summary: it says whose meeting this is.
            "summary_it": f"Commissione {commission.name_it}: {_lower_first(topic_it)}.",
            "summary_en": f"{commission.name_en} Commission: {_lower_first(topic_en)}.",
            "venue_name_it": venue[0],
            "venue_name_en": venue[0],
            "venue_address": venue[1],
            "participants": participants,
            "outcome_it": f"<p>{outcome_it}</p>",
            "outcome_en": f"<p>{outcome_en}</p>",
            "status": Status.PUBLISHED,
            "published_at": PUBLISHED_AT,
            "is_demo": True,
        }
        changed = meeting.pk is None or any(
            getattr(meeting, name) != value for name, value in values.items()
        )
        if changed:
            for name, value in values.items():
                setattr(meeting, name, value)
            meeting.save()
        for order, (kind, doc_title_it, doc_title_en) in enumerate(documents):
            _document(meeting, order, kind, doc_title_it, doc_title_en)


def _document(meeting, order, kind, title_it, title_en):
    document = Document.objects.filter(meeting=meeting, title_it=title_it).first()
    if document is not None and document.file and document.file.storage.exists(document.file.name):
        return
    document = document or Document(meeting=meeting, commission=meeting.commission)
    document.title_it, document.title_en, document.order, document.is_demo = (
        title_it,
        title_en,
        order,
        True,
    )
    if kind == "pdf":
        content, name = tiny_pdf(title_en), f"{meeting.slug_it[:60]}-{order}.pdf"
    else:
        content, name = tiny_wav(), f"{meeting.slug_it[:60]}-{order}.wav"
    document.file.save(name, ContentFile(content), save=False)
    document.save()


def _forum(commissions):
    for item in TOPICS:
        topic, _ = Topic.objects.update_or_create(
            commission=commissions[item["commission"]],
            slug_it=item["slug_it"],
            defaults={
                "slug_en": item["slug_en"],
                "is_open": item["is_open"],
                "status": Status.PUBLISHED,
                "published_at": _aware(item["published_at"]),
                "is_demo": True,
                **_translated(item, ("title", "description")),
            },
        )
        for name, language, sent, text in item["contributions"]:
            Contribution.objects.update_or_create(
                topic=topic,
                name=name,
                created_at=_aware(sent),
                defaults={
                    "email": "demo@example.org",
                    "text": text,
                    "language": language,
                    "status": ContributionStatus.APPROVED,
                    "consent_at": _aware(sent),
                    "moderated_at": _aware(sent),
                    "is_demo": True,
                },
            )


def load():
    plan = Plan.objects.filter(number=2).first()
    if plan is None:  # the plans loader runs first; without Plan 2 there is nothing to hang on
        return
    commissions = _commissions(plan)
    _meetings(commissions)
    _forum(commissions)
