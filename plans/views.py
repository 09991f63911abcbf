from django.http import Http404
from django.shortcuts import get_object_or_404, render

from torino_portal import fragments

from .models import Direction, MetaObjective, Page, Plan
from .tree import PageTree

# The tree needs only titles, slugs and places; bodies are long.
TREE_FIELDS = (
    "plan_id",
    "parent_id",
    "order",
    "title_it",
    "title_en",
    "slug_it",
    "slug_en",
    # The preview banner asks whether every ancestor is public.
    "status",
    "published_at",
)


def _plan_and_tree(request, number):
    """The plan and its page tree: for visitors, built once per content change in each
    process (torino_portal/fragments.py) — 2,000 pages take longer to load than the rest
    of the page to render; staff, who may see drafts, get their own every time."""
    if request.user.is_authenticated:
        return _load_plan_and_tree(request.user, number)
    return fragments.kept(
        "plan-tree",
        lambda: _load_plan_and_tree(request.user, number),
        number,
        models=(Plan, Page),
    )


def _load_plan_and_tree(user, number):
    plan = get_object_or_404(Plan.objects.visible_to(user), number=number)
    pages = Page.objects.visible_to(user).filter(plan=plan).only(*TREE_FIELDS)
    return plan, PageTree(plan, pages)


def plan(request, number):
    plan, tree = _plan_and_tree(request, number)
    return render(request, "plans/plan.html", {"plan": plan, "object": plan, "tree": tree})


def page(request, number, page_path):
    plan, tree = _plan_and_tree(request, number)
    node = tree.resolve(page_path.strip("/").split("/"))
    if node is None:
        raise Http404
    # One more query for the texts the tree left out.
    found = Page.objects.get(pk=node.pk)
    found.plan, found._ancestors, found.tree_children = plan, node._ancestors, node.tree_children
    return render(
        request,
        "plans/page.html",
        {
            "plan": plan,
            "page": found,
            "object": found,
            "tree": tree,
            "open_branch": {p.pk for p in [*found.ancestors(), found]},
        },
    )


def directions(request, number):
    plan, tree = _plan_and_tree(request, number)
    if request.user.is_authenticated:  # staff may preview drafts
        directions = _directions_with_urls(plan.directions.visible_to(request.user))
    else:  # the same for every visitor until content changes
        directions = fragments.kept(
            "plan-directions",
            lambda: _directions_with_urls(plan.directions.published()),
            number,
            models=(Plan, Direction),
        )
    groups = [
        (objective, [d for d in directions if d.meta_objective == objective.value])
        for objective in MetaObjective
    ]
    return render(
        request,
        "plans/directions.html",
        {
            "plan": plan,
            "tree": tree,
            "groups": groups,
            "directions": directions,
        },
    )


def _directions_with_urls(directions):
    """The directions, each with its address in the active language (the kept list's)."""
    directions = list(directions)
    for found in directions:
        found.url = found.get_absolute_url()
    return directions


def direction(request, number, direction):
    plan, tree = _plan_and_tree(request, number)
    found = get_object_or_404(plan.directions.visible_to(request.user), number=direction)
    found.plan = plan
    return render(
        request,
        "plans/direction.html",
        {
            "plan": plan,
            "tree": tree,
            "direction": found,
            "object": found,
        },
    )
