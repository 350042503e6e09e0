"""Development tooling: the demo site and scale data (see ``demo.apps``).

The demo site is Issue 1 of IOM Central Asia's Regional Response Report,
retold as pages of the regional and mission sites.

- ``content``: the words and the shape of the demo (plain data, no database).
- ``images``: illustrations drawn with Pillow to stand in for photos.
- ``loader``: builds the sites, pages, images, topics and settings through the
  models; used by ``manage.py load_demo_content``.
- ``translate``, ``translations_ru``, ``translations_ky``: the demo's Russian
  and Kyrgyz translations, made through wagtail-localize.
- ``bulk``: thousands of generated stories for benchmarks, inserted in bulk;
  used by ``manage.py generate_bulk_content``.
"""
