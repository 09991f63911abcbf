"""The commissions from `content/commissions/<slug>/` (`commission.toml`, the mandate in
`it.html` and `en.html`): the client's own text. Their people, meetings with documents and
forum topics are invented, from `content/demo/people.toml`, `meetings.toml`, `forum.toml`."""

import functools

from events.content import event_values
from plans.models import Direction, Plan
from torino_portal import demo_files
from torino_portal.loading import moment, read_prose, read_toml, translated
from torino_portal.publishing import Status

from .models import Commission, Contribution, ContributionStatus, Document, Meeting, Person, Topic


def load(loader):
    for folder in sorted((loader.root / "commissions").iterdir()):
        if not (folder / "commission.toml").exists():
            continue
        record = read_toml(folder / "commission.toml")
        plan = Plan.objects.filter(number=record["plan"]).first()
        if plan is None:
            continue
        loader.add(
            Commission,
            {"slug_it": record["slug_it"]},
            {
                "plan": plan,
                "slug_en": record["slug_en"],
                "kind": record["kind"],
                "order": record["order"],
                "status": Status.PUBLISHED,
                "published_at": plan.published_at,
                **translated(record, "name", "summary"),
                **read_prose(folder, "mandate"),
            },
            many={
                "directions": Direction.objects.filter(plan=plan, number__in=record["directions"])
            },
        )


def load_demo(loader):
    commissions = {c.slug_it: c for c in Commission.objects.all()}
    demo = loader.root / "demo"
    for order, record in enumerate(read_toml(demo / "people.toml")["person"]):
        commission = commissions.get(record["commission"])
        if commission:
            loader.add(
                Person,
                {"commission": commission, "name": record["name"]},
                {
                    "role": record["role"],
                    "order": order,
                    "organisation_it": record["organisation"],
                    "organisation_en": record["organisation"],
                    **translated(record, "position"),
                },
            )
    texts = read_toml(demo / "documents.toml")
    for record in read_toml(demo / "meetings.toml")["meeting"]:
        commission = commissions.get(record["commission"])
        if commission:
            _meeting(loader, commission, record, texts)
    for record in read_toml(demo / "forum.toml")["topic"]:
        commission = commissions.get(record["commission"])
        if commission:
            _topic(loader, commission, record)


def _meeting(loader, commission, record, texts):
    meeting, _created = loader.add(
        Meeting,
        {"commission": commission, "start": moment(record["start"])},
        {
            "format": record["format"],
            "phase": record["phase"],
            "end": moment(record["end"]),
            "participants": record["participants"],
            "venue_name_it": record["venue"],
            "venue_name_en": record["venue"],
            "venue_address": record["address"],
            "outcome_it": f"<p>{record['outcome_it']}</p>",
            "outcome_en": f"<p>{record['outcome_en']}</p>",
            "status": Status.PUBLISHED,
            "published_at": moment(record["start"]),
            **translated(record, "title", "topic", "summary"),
        },
    )
    for order, item in enumerate(record.get("document", [])):
        name = f"{meeting.slug_it[:60]}-{order + 1}.{item['file']}"
        if item["file"] == "wav":
            make = demo_files.recording
        else:
            values = {
                **event_values(meeting),
                "commission": commission.name_it,
                "participants": meeting.participants,
                "topic": meeting.topic_it,
                "outcome": record["outcome_it"],
            }
            make = functools.partial(
                demo_files.from_text, item["title_it"], texts[item["text"]], values
            )
        loader.add(
            Document,
            {"meeting": meeting, "order": order},
            {
                "commission": commission,
                **translated(item, "title"),
                **translated(item, "transcript"),
            },
            files={"file": (name, make)},
        )


def _topic(loader, commission, record):
    topic, _created = loader.add(
        Topic,
        {"commission": commission, "slug_it": record["slug_it"]},
        {
            "slug_en": record["slug_en"],
            "is_open": record["is_open"],
            "status": Status.PUBLISHED,
            "published_at": moment(record["published_at"]),
            **translated(record, "title", "description"),
        },
    )
    for item in record.get("contribution", []):
        sent = moment(item["sent"])
        loader.add(
            Contribution,
            {"topic": topic, "name": item["name"], "created_at": sent},
            {
                "email": item["email"],
                "text": item["text"],
                "language": item["language"],
                "status": ContributionStatus.APPROVED,
                "consent_at": sent,
                "moderated_at": sent,
            },
        )
