"""How pytest-xdist shares the tests among its workers (``--dist=loadfile``).

As with loadfile, the tests of a file run on one worker, one after another
(what a file builds once, such as the shared site tree, is built once); but:

- the tests of ``tests/browser/`` go to one worker together, and so do those
  of ``tests/deploy/``: their servers (the browser tests' newsroom, the
  deployment tests' gunicorn, Varnish and SeaweedFS) are started once per
  worker and session, so once in all;
- the longest units are handed out first, so that no worker is left alone
  with a long file at the end of the run while the other waits.
"""

from xdist.scheduler import LoadFileScheduling

# Directories whose files share servers started once per session.
TOGETHER = ("tests/browser/", "tests/deploy/")

# Roughly how long a unit takes (seconds on a 2-core machine); the others
# count a fraction of a second per test. Only the order depends on it.
LONG_UNITS = {
    "tests/browser/": 240,
    "tests/deploy/": 150,
    "tests/demo/test_demo_content.py": 120,
}
SECONDS_PER_TEST = 0.4


class SharedServersScheduling(LoadFileScheduling):
    def __init__(self, config, log=None):
        super().__init__(config, log)
        self._ordered = False

    def _split_scope(self, nodeid):
        path = nodeid.split("::", 1)[0]
        for folder in TOGETHER:
            if path.startswith(folder):
                return folder
        return path

    def _weight(self, scope):
        return LONG_UNITS.get(scope, SECONDS_PER_TEST * len(self.workqueue[scope]))

    def _assign_work_unit(self, node):
        if not self._ordered:
            # Longest first: each unit in turn, from the shortest, goes to the front.
            for scope in sorted(self.workqueue, key=self._weight):
                self.workqueue.move_to_end(scope, last=False)
            self._ordered = True
        super()._assign_work_unit(node)
