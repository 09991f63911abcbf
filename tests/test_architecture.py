"""The dependency rules hold in templates too (import-linter checks the Python: `make lint`).

`plans` and `events` know nothing of the others; `commissions` builds on both; `press` and
`newsletter` may point at plans and commissions. A template of an app may name only the URLs,
tag libraries, templates and related objects of the apps it may import; the shared templates
(base.html and the partials beside it) name no app. What an app adds to another's page goes
through torino_portal/contributions.py.
"""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.template import engines
from django.urls import get_resolver

from torino_portal import contributions

TEMPLATES = Path(settings.BASE_DIR) / "templates"
APPS = ["plans", "events", "commissions", "press", "newsletter"]
# What each app's templates may name, besides their own app and the site's pages.
ALLOWED = {
    "plans": set(),
    "events": set(),
    "commissions": {"plans", "events"},
    "press": {"plans", "commissions"},
    "newsletter": {"plans", "commissions"},
    "": set(),  # templates/*.html: base.html and the shared partials
}

URL_NAME = re.compile(r"""{%\s*url\s+["']([\w-]+):""")
LOAD = re.compile(r"{%\s*load\s+([^%]+)%}")
INCLUDE = re.compile(r"""{%\s*(?:include|extends)\s+["']([\w-]+)/""")
ATTRIBUTE = re.compile(r"\.(\w+)")


def url_namespaces():
    """{namespace: app}: `tamtam` and `publications` are the press app's."""
    found = {}
    for namespace, (_prefix, inner) in get_resolver().namespace_dict.items():
        app = getattr(inner.urlconf_module, "__name__", "").split(".")[0]
        if app in APPS:
            found[namespace] = app
    return found


def tag_libraries():
    """{library name: app} for the apps' template tag libraries (`commissions_tags`…)."""
    return {
        module.stem: app
        for app in APPS
        for module in (Path(apps.get_app_config(app).path) / "templatetags").glob("*.py")
        if module.stem != "__init__"
    }


def reverse_accessors():
    """{app: {accessor: other app}}: the names under which another app's rows hang on this
    app's objects (`event.meeting`, `direction.commissions`, `direction.clippings`…)."""
    found = {app: {} for app in APPS}
    for model in apps.get_models():
        owner = model._meta.app_label
        if owner not in found:
            continue
        for relation in model._meta.related_objects:
            other = relation.related_model._meta.app_label
            if other in APPS and other != owner:
                found[owner][relation.get_accessor_name()] = other
    return found


def templates_of(app):
    folder = TEMPLATES / app if app else TEMPLATES
    pattern = "**/*" if app else "*"
    return [p for p in folder.glob(pattern) if p.suffix in (".html", ".txt") and p.is_file()]


def code(text):
    """The template without its comments (they may name anything)."""
    text = re.sub(r"{#.*?#}", "", text, flags=re.S)
    return re.sub(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", "", text, flags=re.S)


def crossings(app):
    """["file: what it names (app)"] for the names outside the allowed direction."""
    allowed = ALLOWED[app] | {app}
    namespaces, libraries = url_namespaces(), tag_libraries()
    accessors = reverse_accessors().get(app, {})
    found = []
    for path in templates_of(app):
        text = code(path.read_text())
        where = path.relative_to(TEMPLATES)
        for namespace in URL_NAME.findall(text):
            if namespaces.get(namespace, app) not in allowed:
                found.append(f"{where}: {{% url '{namespace}:…' %}}")
        for names in LOAD.findall(text):
            for name in names.split():
                if libraries.get(name, app) not in allowed:
                    found.append(f"{where}: {{% load {name} %}}")
        for folder in INCLUDE.findall(text):
            if folder in APPS and folder not in allowed:
                found.append(f"{where}: a template of {folder}/")
        for tag in re.findall(r"{[{%].*?[}%]}", text, flags=re.S):
            for attribute in ATTRIBUTE.findall(tag):
                if accessors.get(attribute, app) not in allowed:
                    found.append(f"{where}: .{attribute} ({accessors[attribute]})")
    return found


@pytest.mark.parametrize("app", [*APPS, ""])
def test_templates_name_only_what_their_app_may_import(app):
    assert crossings(app) == []


def test_the_check_sees_a_crossing(tmp_path, monkeypatch):
    """The rules above find what they look for (else an empty list would prove nothing)."""
    folder = tmp_path / "events"
    folder.mkdir()
    (folder / "x.html").write_text(
        "{% load commissions_tags %}{{ event.meeting.commission }}"
        "{% url 'commissions:index' %}{% include 'commissions/_home.html' %}"
        "{# event.meeting in a comment is fine #}"
    )
    monkeypatch.setitem(globals(), "TEMPLATES", tmp_path)
    assert crossings("events") == [
        "events/x.html: {% url 'commissions:…' %}",
        "events/x.html: {% load commissions_tags %}",
        "events/x.html: a template of commissions/",
        "events/x.html: .meeting (commissions)",
    ]


def test_the_main_menu_comes_from_the_apps_in_the_product_maps_order():
    keys = [item.key for item in contributions.values("menu")]
    assert keys == ["plan-2", "tamtam", "publications", "agenda", "press", "plan-1"]
    assert contributions.values("menu:plan-2") == ["commissions:index"]


def test_every_slot_template_exists_and_belongs_to_the_app_that_fills_it():
    loader = engines["django"].engine
    for slot in ["home", "event_detail", "direction", "plan_sidebar", "utility_links", "footer"]:
        names = contributions.values(slot)
        assert names, slot
        for name in names:
            loader.get_template(name)  # raises TemplateDoesNotExist
    assert contributions.values("home") == [
        "plans/_home.html",
        "events/_home.html",
        "commissions/_home.html",
        "press/_home.html",
    ]


def test_no_template_has_an_empty_empty_clause():
    """`{% empty %}` says something to the visitor or is not there."""
    empty = re.compile(r"{%\s*empty\s*%}\s*{%\s*endfor\s*%}")
    found = [
        str(p.relative_to(TEMPLATES))
        for p in TEMPLATES.rglob("*.html")
        if empty.search(p.read_text())
    ]
    assert found == []


def test_colours_and_fonts_are_named_once_in_the_stylesheets():
    """site.css and print.css write each colour and font stack once, as a custom property
    in `:root`; the rules use `var(--…)`."""
    folder = Path(settings.BASE_DIR) / "static" / "css"
    for name in ["site.css", "print.css"]:
        css = re.sub(r"/\*.*?\*/", "", (folder / name).read_text(), flags=re.S)
        rules = re.sub(r":root\s*{[^}]*}", "", css)
        assert re.findall(r"#[0-9a-fA-F]{3,6}\b", rules) == [], name
        assert not re.search(r"Verdana|Georgia|serif", rules), name


def test_a_slot_renders_its_templates_in_order_with_their_context(monkeypatch, rf):
    from collections import defaultdict

    from django.template import Context, Template

    monkeypatch.setattr(contributions, "_slots", defaultdict(dict))
    # Registered out of order, twice for one of them: shown in order, once each.
    contributions.register("probe", "_probe_b.html", context=lambda r, **kw: {"x": kw["n"] + 1})
    contributions.register("probe", "_probe_a.html", order=-1)
    contributions.register("probe", "_probe_a.html", order=-1)
    contributions.register("probe", "_probe_c.html", context=lambda r, **kw: None, order=9)
    engine = engines["django"].engine
    monkeypatch.setattr(
        engine,
        "get_template",
        lambda name: Template("{{ n }}" if name == "_probe_a.html" else "[{{ x }}]"),
    )
    slot = Template('{% load contributions %}{% contributions "probe" n=1 %}')
    context = Context({"request": rf.get("/")})
    assert slot.render(context) == "1[2]"  # _probe_c said None: left out
    assert Template('{% load contributions %}{% contributions "nobody" %}').render(Context()) == ""


def shared_modules():
    """The shared blocks, as the import-linter contract lists them (pyproject.toml)."""
    import tomllib

    config = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text())
    (contract,) = [
        c
        for c in config["tool"]["importlinter"]["contracts"]
        if c["name"] == "the shared blocks of torino_portal import no app"
    ]
    return contract["source_modules"]


def test_the_shared_blocks_name_no_apps_url():
    """Beyond imports: no URL name of an app in torino_portal's shared code (the menu's items
    come from the apps' ready())."""
    import ast

    namespaces = url_namespaces()
    found = []
    for module in shared_modules():
        base = Path(settings.BASE_DIR) / module.replace(".", "/")
        paths = [base.with_suffix(".py")] if base.with_suffix(".py").exists() else []
        for path in paths or sorted(base.rglob("*.py")):
            tree = ast.parse(path.read_text())
            docstrings = {
                id(node.body[0].value)
                for node in ast.walk(tree)
                if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
                and node.body
                and isinstance(node.body[0], ast.Expr)
            }
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and id(node) not in docstrings
                    and node.value.split(":")[0] in namespaces
                    and ":" in node.value
                ):
                    found.append(f"{path.name}: {node.value}")
    assert shared_modules() and found == []
