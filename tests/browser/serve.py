"""``manage.py runserver`` for the server the browser tests start
(tests/browser/fixtures.py), with the picture encodings of the test run
(tests/encoded_images.py): the renditions it makes are those the test
processes made of the same pictures, without encoding them again.

    python -m tests.browser.serve runserver 127.0.0.1:8123 --noreload --insecure
"""

import sys


def main():
    from django.core.management import execute_from_command_line

    from tests import encoded_images

    encoded_images.install()
    execute_from_command_line(["manage.py", *sys.argv[1:]])


if __name__ == "__main__":
    main()
