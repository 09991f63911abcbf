"""`{% contributions "slot" name=value %}`: what other apps add to this page (see
torino_portal/contributions.py)."""

from django import template
from django.utils.safestring import mark_safe

from torino_portal import contributions as registry

register = template.Library()


@register.simple_tag(takes_context=True)
def contributions(context, slot, **arguments):
    request = context.get("request")
    parts = []
    for item in registry.contributions(slot):
        extra = item.context(request, **arguments) if item.context else {}
        if extra is None:
            continue
        template_ = context.template.engine.get_template(item.value)
        with context.push(**arguments, **extra):
            parts.append(template_.render(context))
    # Each part is a rendered template, escaped by its own autoescaping.
    return mark_safe("".join(parts))  # noqa: S308
