"""Illustrations that stand in for the report's photos.

The report's photos are not ours to publish, so the demo paints simple
pictures instead: a two-colour gradient, a motif drawn from basic shapes (a
row of people, a meeting table, a workbench…), the picture's label and a line
saying it is an illustration generated for the demo, not a photograph.

Drawing is deterministic: the same illustration gives the same JPEG bytes
(for a given Pillow version), so nothing random reaches the database.
"""

import io
import random
import textwrap

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1600, 1000
FOOTNOTE = "Illustration generated for the demo site, not a photograph"

INK = (255, 255, 255)
SHADE = (20, 33, 61)
BAND_TOP = 770  # the label band runs from here to the bottom edge
JPEG_QUALITY = 85


def _rgb(hex_colour):
    hex_colour = hex_colour.lstrip("#")
    return tuple(int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))


def _font(size):
    # Pillow's bundled font (needs FreeType, which Pillow's wheels include).
    return ImageFont.load_default(size=size)


def _person(draw, x, y, scale=1.0, fill=INK):
    """A figure whose feet stand at (x, y): a head and a rounded body."""
    head = 50 * scale
    body_w, body_h = 150 * scale, 250 * scale
    draw.rounded_rectangle(
        (x - body_w / 2, y - body_h, x + body_w / 2, y), radius=60 * scale, fill=fill
    )
    cy = y - body_h - head - 14 * scale
    draw.ellipse((x - head, cy - head, x + head, cy + head), fill=fill)


def _figures(draw, rng, accent):
    count = 5
    for i in range(count):
        x = 260 + i * 270
        _person(draw, x, 720 - rng.randint(0, 40), scale=1.0 + rng.uniform(-0.15, 0.1))


def _meeting(draw, rng, accent):
    for i in range(6):
        _person(draw, 300 + i * 200, 620, scale=0.75)
    draw.rounded_rectangle((160, 560, 1440, 700), radius=24, fill=SHADE)
    for i in range(6):
        x = 250 + i * 200 + rng.randint(-10, 10)
        draw.rectangle((x, 585, x + 90, 645), fill=INK)
        for line in range(3):
            draw.line((x + 10, 600 + line * 14, x + 80, 600 + line * 14), fill=accent, width=4)


def _workbench(draw, rng, accent):
    # Shelf with lasts, a bench, a shoe and a hammer.
    draw.rectangle((180, 170, 1420, 190), fill=SHADE)
    for i in range(7):
        x = 230 + i * 170 + rng.randint(-8, 8)
        draw.chord((x, 100, x + 120, 220), 180, 360, fill=INK)
    draw.rectangle((220, 520, 1380, 570), fill=SHADE)
    draw.rectangle((260, 570, 300, 740), fill=SHADE)
    draw.rectangle((1300, 570, 1340, 740), fill=SHADE)
    draw.chord((520, 340, 780, 600), 180, 360, fill=INK)
    draw.rounded_rectangle((520, 440, 1060, 520), radius=30, fill=INK)
    draw.rectangle((520, 500, 1060, 520), fill=accent)
    draw.rectangle((1120, 470, 1320, 500), fill=accent)
    draw.rectangle((1150, 400, 1210, 510), fill=SHADE)


def _parcels(draw, rng, accent):
    _person(draw, 330, 740, scale=1.1)
    draw.rectangle((400, 420, 560, 540), fill=accent, outline=INK, width=6)
    for row, count in enumerate((4, 3, 2)):
        for i in range(count):
            x = 720 + i * 200 + row * 100
            y = 560 - row * 170
            draw.rectangle((x, y, x + 180, y + 160), fill=INK, outline=SHADE, width=6)
            draw.line((x + 90, y, x + 90, y + 160), fill=accent, width=10)


def _network(draw, rng, accent):
    points = []
    for i in range(10):
        column, row = i % 5, i // 5
        x = 240 + column * 280 + rng.randint(-60, 60)
        y = 260 + row * 300 + rng.randint(-60, 60)
        points.append((x, y))
    for i, (x, y) in enumerate(points):
        neighbours = [i + 1] if i % 5 < 4 else []
        neighbours += [i + 5] if i < 5 else []
        for j in neighbours:
            draw.line((x, y, *points[j]), fill=INK, width=6)
    for x, y in points:
        draw.ellipse((x - 42, y - 42, x + 42, y + 42), fill=INK, outline=SHADE, width=8)
        draw.ellipse((x - 16, y - 16, x + 16, y + 16), fill=accent)


def _book(draw, rng, accent):
    draw.polygon([(800, 210), (260, 150), (260, 680), (800, 740)], fill=INK)
    draw.polygon([(800, 210), (1340, 150), (1340, 680), (800, 740)], fill=INK)
    draw.line((800, 210, 800, 740), fill=SHADE, width=8)
    for side in (-1, 1):
        for line in range(11):
            y = 240 + line * 40
            length = 380 - rng.randint(0, 120) if line % 4 == 3 else 420
            start = 800 + side * 60
            draw.line((start, y, start + side * length, y - 25), fill=accent, width=8)


def _building(draw, rng, accent):
    draw.polygon([(200, 300), (800, 110), (1400, 300)], fill=SHADE)
    draw.rectangle((240, 300, 1360, 740), fill=INK)
    for i in range(2):
        x = 420 + i * 560
        draw.rectangle((x, 470, x + 200, 740), fill=accent)
        draw.ellipse((x + 160, 610, x + 180, 630), fill=INK)
    for i in range(5):
        x = 300 + i * 220
        draw.rectangle((x, 340, x + 120, 420), fill=SHADE)


def _cover(draw, rng, accent):
    draw.rectangle((470, 70, 1130, 760), fill=INK)
    draw.rectangle((470, 70, 1130, 250), fill=accent)
    draw.text((510, 110), "Regional Response Report", font=_font(40), fill=INK)
    draw.text((510, 170), "Issue 1", font=_font(40), fill=INK)
    for i in range(8):
        width = 560 - rng.randint(0, 200) if i % 3 == 2 else 560
        draw.rectangle((520, 300 + i * 48, 520 + width, 318 + i * 48), fill=SHADE)
    draw.text((510, 680), "Central Asia · February 2021", font=_font(28), fill=SHADE)


MOTIFS = {
    "figures": _figures,
    "meeting": _meeting,
    "workbench": _workbench,
    "parcels": _parcels,
    "network": _network,
    "book": _book,
    "building": _building,
    "cover": _cover,
}


def render_illustration(motif, label, colours, seed):
    """The JPEG bytes of an illustration: ``colours`` are the gradient's top
    and bottom (hex), ``seed`` fixes the small variations of the motif."""
    top, bottom = (_rgb(c) for c in colours)
    mask = Image.linear_gradient("L").resize((WIDTH, HEIGHT))
    picture = Image.composite(
        Image.new("RGB", (WIDTH, HEIGHT), bottom), Image.new("RGB", (WIDTH, HEIGHT), top), mask
    )
    draw = ImageDraw.Draw(picture)
    MOTIFS[motif](draw, random.Random(seed), top)

    draw.rectangle((0, BAND_TOP, WIDTH, HEIGHT), fill=SHADE)
    lines = textwrap.wrap(label, width=44)[:2]
    y = BAND_TOP + (22 if len(lines) == 2 else 55)
    for line in lines:
        draw.text((70, y), line, font=_font(56), fill=INK)
        y += 66
    draw.text((70, HEIGHT - 50), FOOTNOTE, font=_font(28), fill=(190, 200, 220))

    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=JPEG_QUALITY)
    return buffer.getvalue()
