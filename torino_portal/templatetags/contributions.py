"""`{% contributions "slot" name=value %}`: what other apps add to this page (see
torino_portal/contributions.py)."""

from django import template
from django.utils.safestring import mark_safe

from torino_portal import contributions as registry
from torino_portal import fragments

register = template.Library()


@register.simple_tag(takes_context=True)
def contributions(context, slot, **arguments):
    request = context.get("request")
    user = getattr(request, "user", None)  # none on an error page rendered before auth
    visitor = user is not None and not user.is_authenticated
    parts = []
    for item in registry.contributions(slot):

        def render(item=item):
            extra = item.context(request, **arguments) if item.context else {}
            if extra is None:
                return ""
            template_ = context.template.engine.get_template(item.value)
            with context.push(**arguments, **extra):
                return template_.render(context)

        if item.kept is not None and visitor and not arguments:
            name = f"contribution:{slot}:{item.value}"
            models = fragments.ALL_CONTENT if item.kept is True else item.kept
            parts.append(fragments.kept_html(request, name, render, models=models))
        else:
            parts.append(render())
    # Each part is a rendered template, escaped by its own autoescaping.
    return mark_safe("".join(parts))  # noqa: S308
