from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Development tooling: the demo sites (``load_demo_content``), the demo
    team of editors, moderators and translators (``create_demo_team``) and
    scale data for benchmarks (``generate_bulk_content``).

    ``make run``, ``make demo``, ``make bench`` and the tests use it; production
    never runs it, though installing it there is harmless: it has no models, no
    URLs and no signals, only these management commands. It may import every
    product app; no product app imports it.
    """

    name = "demo"
    label = "demo"
    verbose_name = "Demo content and scale data (development tooling)"
