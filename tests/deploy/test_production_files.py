"""The systemd units of deploy/systemd/, as systemd reads them. (The VCL,
the nginx site file and the gunicorn configuration are run by
test_varnish.py.)"""

import re
import subprocess
import sys
from pathlib import Path

from tests.deploy import servers

SYSTEMD_DIR = servers.DEPLOY_DIR / "systemd"


def test_systemd_units_pass_systemd_analyze_verify(tmp_path):
    """The units with this checkout's paths (systemd checks that the
    commands exist) and the current user."""
    servers.skip_unless("systemd-analyze")
    venv_bin = str(Path(sys.executable).parent) + "/"
    for unit in SYSTEMD_DIR.iterdir():
        text = unit.read_text()
        text = text.replace("/srv/newsroom/.venv/bin/", venv_bin)
        text = text.replace("/srv/newsroom", str(servers.PROJECT_DIR))
        text = re.sub(r"^(User|Group)=newsroom$", r"\1=root", text, flags=re.M)
        (tmp_path / unit.name).write_text(text)
    units = sorted(str(path) for path in tmp_path.iterdir())
    assert any(unit.endswith(".timer") for unit in units)
    result = subprocess.run(
        [servers.find_binary("systemd-analyze"), "verify", *units],
        capture_output=True,
        text=True,
        env={"SYSTEMD_LOG_LEVEL": "notice", "PATH": "/usr/bin:/bin:/usr/sbin:/sbin"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Unknown" not in result.stderr, result.stderr
