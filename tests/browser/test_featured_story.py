"""The first featured story of the regional home page, at a phone's, a tablet's,
a small laptop's, a laptop's and a wide screen's width, in English and in
Russian (longer words, longer lines): its title and summary are whole, inside
the card, and have room to be read. Screenshots of the card are kept in
``artifacts/screenshots/``."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

WIDTHS = (375, 768, 1024, 1280, 1440)
LANGUAGES = ("en", "ru")
FEATURED_CARD = ".card-grid--featured > li:first-child .card"
# Below this the title runs a word or two a line (it did at 1024 px: 140 px).
TITLE_MIN_WIDTH_PX = 250

# For the title and the summary of the card: where each is and whether it is cut.
# A line of text is seen when the point at its middle belongs to the card (the
# title's link covers the card): a line clipped by an ancestor's overflow or
# pushed out of the card hits something else, or nothing.
MEASURE = """
async (selector) => {
    const card = document.querySelector(selector);
    const box = (el) => {
        const r = el.getBoundingClientRect();
        return {left: r.left, top: r.top + scrollY, right: r.right, bottom: r.bottom + scrollY,
                width: r.width, height: r.height};
    };
    const lineHidden = async (el, which) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
        if (!rects.length) return 'no text';
        const line = which === 'first' ? rects[0] : rects[rects.length - 1];
        const y = line.top + scrollY + line.height / 2;
        window.scrollTo(0, y - innerHeight / 2);
        await new Promise(r => requestAnimationFrame(r));
        const again = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
        const now = which === 'first' ? again[0] : again[again.length - 1];
        const hit = document.elementFromPoint(now.left + Math.min(now.width / 2, 20),
                                              now.top + now.height / 2);
        return hit && card.contains(hit) ? null : `${which} line hidden (hit ${hit && hit.outerHTML.slice(0, 80)})`;
    };
    const picture = card.querySelector('.card__image');
    const out = {card: box(card), cardScroll: [card.scrollWidth, card.clientWidth,
                                               card.scrollHeight, card.clientHeight],
                 picture: picture && box(picture)};
    for (const name of ['title', 'summary']) {
        const el = card.querySelector('.card__' + name);
        if (!el) { out[name] = null; continue; }
        out[name] = {
            box: box(el),
            scroll: [el.scrollWidth, el.clientWidth, el.scrollHeight, el.clientHeight],
            first: await lineHidden(el, 'first'),
            last: await lineHidden(el, 'last'),
        };
    }
    return out;
}
"""


def overlap(one, other):
    """The area two boxes share, in square pixels."""
    width = min(one["right"], other["right"]) - max(one["left"], other["left"])
    height = min(one["bottom"], other["bottom"]) - max(one["top"], other["top"])
    return max(0, width) * max(0, height)


def card_problems(measured, width):
    problems = []
    card = measured["card"]
    sw, cw, sh, ch = measured["cardScroll"]
    if sw > cw + 1 or sh > ch + 1:
        problems.append(f"the card's content overflows it ({sw}x{sh} in {cw}x{ch})")
    for name in ("title", "summary"):
        part = measured[name]
        if part is None:
            problems.append(f"no {name}")
            continue
        box = part["box"]
        outside = [
            side
            for side, beyond in (
                ("left", box["left"] < card["left"] - 1),
                ("top", box["top"] < card["top"] - 1),
                ("right", box["right"] > card["right"] + 1),
                ("bottom", box["bottom"] > card["bottom"] + 1),
            )
            if beyond
        ]
        if outside:
            problems.append(f"the {name} leaves the card ({', '.join(outside)}): {box} in {card}")
        picture = measured["picture"]
        if picture and overlap(box, picture) > 1:
            problems.append(f"the picture covers the {name}: {picture} over {box}")
        sw, cw, sh, ch = part["scroll"]
        if sw > cw + 1 or sh > ch + 1:
            problems.append(f"the {name} overflows its own box ({sw}x{sh} in {cw}x{ch})")
        for line in ("first", "last"):
            if part[line]:
                problems.append(f"the {name}'s {part[line]}")
    title_width = measured["title"] and measured["title"]["box"]["width"]
    if title_width is not None and title_width < min(TITLE_MIN_WIDTH_PX, width - 80):
        problems.append(f"the title is squeezed into {title_width:.0f} px")
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_featured_story_title_and_summary_are_whole_at_every_width(
    newsroom, new_page, screenshots_dir, language
):
    problems = []
    for width in WIDTHS:
        page = new_page(width=width, height=900)
        response = page.goto(newsroom.url("centralasia", f"/{language}/"))
        assert response.status == 200
        card = page.locator(FEATURED_CARD)
        card.scroll_into_view_if_needed()
        page.wait_for_load_state("networkidle")
        measured = page.evaluate(MEASURE, FEATURED_CARD)
        card.scroll_into_view_if_needed()
        card.screenshot(path=screenshots_dir / f"featured-story-{language}-{width}.png")
        problems += [f"{width} px: {problem}" for problem in card_problems(measured, width)]
    assert not problems, f"/{language}/ featured story:\n" + "\n".join(problems)
