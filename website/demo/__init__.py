"""The demo site: Issue 1 of IOM Central Asia's Regional Response Report,
retold as pages of the regional and mission sites.

- ``content``: the words and the shape of the demo (plain data, no database).
- ``images``: illustrations drawn with Pillow to stand in for photos.
- ``loader``: builds the sites, pages, images, topics and settings through the
  models; used by ``manage.py load_demo_content``.
"""
