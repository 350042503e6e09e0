"""The layers of the code (README, "Architecture"): imports run one way, so no
import circle joins two apps, counting imports inside functions too."""

import ast
from collections import defaultdict
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
APPS = ("images", "website", "newsroom", "missions", "search", "subscriptions", "demo")
PRODUCT_APPS = ("images", "website", "newsroom", "missions", "search", "subscriptions")


def module_name(path):
    parts = list(path.relative_to(BASE_DIR).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph():
    """Every first-party module and the first-party modules it imports,
    wherever the import statement stands (module level or in a function)."""
    modules = {}
    for app in APPS:
        for path in (BASE_DIR / app).rglob("*.py"):
            if "migrations" not in path.parts:
                modules[module_name(path)] = path
    graph = defaultdict(set)
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            graph[name] |= {target for target in targets if target in modules and target != name}
    return modules, graph


def circles(modules, graph):
    """The strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(component)

    for node in sorted(modules):
        if node not in index:
            visit(node)
    return found


def test_no_import_circle_joins_two_apps():
    modules, graph = import_graph()
    across = [
        sorted(component)
        for component in circles(modules, graph)
        if len({name.split(".")[0] for name in component}) > 1
    ]
    assert across == []


def test_the_page_cache_imports_no_module_of_the_project():
    _modules, graph = import_graph()
    assert graph["website.cache"] == set()


def test_the_site_model_imports_no_module_of_the_project_but_its_query_helper():
    _modules, graph = import_graph()
    assert graph["website.sites"] == {"website.prepared"}
    assert graph["website.prepared"] == set()


def test_no_value_cache_sits_under_the_page_cache():
    """The full-page cache is the only cache of what readers see: no module
    keeps values of the content between requests (the former ``memoized``)."""
    modules, _graph = import_graph()
    offending = sorted(
        name
        for name, path in modules.items()
        if "memoized" in path.read_text() or "generation_cache" in path.read_text()
    )
    assert offending == []


def test_missions_never_import_the_newsroom():
    _modules, graph = import_graph()
    offending = {
        (name, target)
        for name, targets in graph.items()
        if name.startswith("missions")
        for target in targets
        if target.startswith("newsroom")
    }
    assert offending == set()


def test_no_product_app_imports_the_demo_tooling():
    _modules, graph = import_graph()
    offending = {
        (name, target)
        for name, targets in graph.items()
        if name.split(".")[0] in PRODUCT_APPS
        for target in targets
        if target.split(".")[0] == "demo"
    }
    assert offending == set()


# The foundation and the page cache: what content apps may use of website/,
# and the image model (images/, foundation too).
IMAGES = {
    "images",
    "images.apps",
    "images.forms",
    "images.management",
    "images.management.commands",
    "images.management.commands.clean_image_metadata",
    "images.usage",
    "images.metadata",
    "images.models",
    "images.views",
    "images.wagtail_hooks",
}
FOUNDATION = IMAGES | {
    "website.blocks",
    "website.cache",
    "website.i18n",
    "website.permissions",
    "website.prepared",
    "website.sites",
    "website.storage",
    "website.structure",
    "website.uploads",
}


def test_content_apps_use_only_the_foundation_of_website():
    _modules, graph = import_graph()
    offending = {
        (name, target)
        for name, targets in graph.items()
        if name.split(".")[0] in ("newsroom", "missions")
        for target in targets
        if target.split(".")[0] == "website" and target not in FOUNDATION and target != "website"
    }
    assert offending == set()


def test_the_image_model_is_in_the_foundation():
    """Every module of images/ is listed as foundation, so it imports nothing
    above it (checked below) and every content app may use it."""
    modules, _graph = import_graph()
    assert {name for name in modules if name.split(".")[0] == "images"} <= IMAGES


def test_the_foundation_imports_no_app_above_it():
    _modules, graph = import_graph()
    offending = {
        (name, target) for name in FOUNDATION for target in graph[name] if target not in FOUNDATION
    }
    assert offending == set()
