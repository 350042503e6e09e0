"""Small PDFs for the demo publications, made with WeasyPrint (as the report
issues' PDF editions are): a cover page and a page of contents, each saying
that it is a demo file, in the file's language and in English."""

import html

DEMO_NOTICE = "Demo file generated for the demo site. It is not the real publication."


def render_demo_pdf(title, language, lines):
    """The PDF (bytes) of a demo file: ``lines[0]`` as its title, the others
    as its contents."""
    from PIL import ImageFile
    from weasyprint import HTML

    # Importing WeasyPrint lets Pillow accept truncated images process-wide;
    # the admin's uploads must keep refusing them (newsroom/editions/render.py).
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    heading, *contents = lines or [title]
    items = "".join(f"<li>{html.escape(line)}</li>" for line in contents)
    document = f"""<!doctype html>
<html lang="{html.escape(language)}"><head><meta charset="utf-8">
<title>{html.escape(heading)}</title>
<style>
@page {{ size: A5; margin: 18mm 15mm; @bottom-center {{ content: "DEMO"; color: #b00; }} }}
body {{ font-family: "DejaVu Sans", sans-serif; color: #1a1a1a; }}
.notice {{ border: 2pt solid #b00; color: #b00; padding: 4mm; font-weight: bold; }}
h1 {{ font-size: 20pt; margin-top: 30mm; }}
.contents {{ break-before: page; }}
</style></head>
<body>
<p class="notice" lang="en">{DEMO_NOTICE}</p>
<h1>{html.escape(heading)}</h1>
<p lang="en">{html.escape(title)}</p>
<section class="contents"><p class="notice" lang="en">{DEMO_NOTICE}</p><ul>{items}</ul></section>
</body></html>"""
    return HTML(string=document).write_pdf()
