"""Browser tests: Chromium and the newsroom server (tests/browser/fixtures.py)."""

import pytest

from tests.browser.fixtures import (  # noqa: F401 - fixtures
    chromium,
    new_page,
    newsroom,
    screenshots_dir,
)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keeps each phase's report on the test, so that fixtures can tell a
    failed test (``new_page`` saves screenshots of it)."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
