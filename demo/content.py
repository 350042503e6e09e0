"""The words of the demo site: Issue 1 of IOM Central Asia's Regional Response
Report (1 February 2021), retold story by story.

Plain data, no database: ``loader`` turns it into pages. The facts (numbers,
places, dates, partners) are the report's; the sentences are written for this
site. Nothing here is quoted from the report and no one is quoted at all.

Sites are named by their ``SiteSpec.slug`` (``website.structure``); topics by
their slug; illustrations by their key; stories by their key. StreamField
values are in their stored (JSON) form, built with the small helpers below.
"""

import datetime
import uuid
from dataclasses import dataclass, field

from website.structure import MISSIONS, MISSIONS_BY_COUNTRY, REGIONAL

REGION = REGIONAL.slug
KAZAKHSTAN = MISSIONS_BY_COUNTRY["KZ"].slug
KYRGYZSTAN = MISSIONS_BY_COUNTRY["KG"].slug
TAJIKISTAN = MISSIONS_BY_COUNTRY["TJ"].slug
TURKMENISTAN = MISSIONS_BY_COUNTRY["TM"].slug
UZBEKISTAN = MISSIONS_BY_COUNTRY["UZ"].slug
ALL_MISSIONS = [KAZAKHSTAN, KYRGYZSTAN, TAJIKISTAN, TURKMENISTAN, UZBEKISTAN]
SPECS = {spec.slug: spec for spec in [REGIONAL, *MISSIONS]}

# Demo pages get translation keys derived from this namespace and their place
# in the demo ("kazakhstan/news/almaty-process"): the same keys in every database.
DEMO_NAMESPACE = uuid.UUID("5c0d7f0e-7a4e-4d55-9a57-2f1b8c3e6a01")


def demo_translation_key(key):
    return uuid.uuid5(DEMO_NAMESPACE, key)


# The demo's placeholder: the missions' real Facebook pages differ; this one
# stands in for all of them until each mission sets its own in the admin.
FACEBOOK_URL = "https://www.facebook.com/IOMCentralAsia"

ILLUSTRATION_CREDIT = "Illustration generated for the demo site, not a photograph"

ALMATY_PROCESS_SOURCE_URL = (
    "https://kazakhstan.iom.int/news/"
    "covid-19-migration-challenges-central-asia-discussed-almaty-process-ministerial-conference"
)


# --- StreamField blocks, in stored form ---------------------------------------


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def key_figures(*figures):
    """``key_figures(("70", "Kyrgyz migrants"), …)``"""
    return {
        "type": "key_figures",
        "value": {"figures": [{"figure": f, "label": label} for f, label in figures]},
    }


def hotline_callout(label, number, text=""):
    return {"type": "hotline", "value": {"label": label, "number": number, "text": text}}


# --- Shapes of the content ------------------------------------------------------------


@dataclass(frozen=True)
class Topic:
    slug: str
    name: str
    description: str


@dataclass(frozen=True)
class Illustration:
    """A picture painted by ``images.render_illustration``; stored as a
    Wagtail image titled ``title`` in the collection of ``site``."""

    key: str  # file name and drawing seed
    site: str
    title: str
    motif: str  # one of images.MOTIFS
    label: str  # the words painted on it
    alt: str  # what it shows, for people who cannot see it
    colours: tuple  # gradient top, bottom


@dataclass(frozen=True)
class Picture:
    """An illustration as used on a page: with the page's own caption."""

    illustration: str
    caption: str


@dataclass(frozen=True)
class Story:
    key: str
    site: str  # the newsroom that owns it
    slug: str
    title: str
    date: datetime.date
    summary: str
    topics: list
    shared_with: list  # site slugs, besides the owner
    lead: Picture
    body: list
    source_url: str = ""


@dataclass(frozen=True)
class Gallery:
    site: str
    slug: str
    title: str
    date: datetime.date
    place: str
    intro: str
    photos: list


@dataclass(frozen=True)
class Mission:
    site: str
    languages_spoken: str
    intro: str
    hotline_label: str = ""
    hotline_number: str = ""


@dataclass(frozen=True)
class Contacts:
    site: str
    intro: str
    emails: list  # (label, address)
    hotlines: list = field(default_factory=list)  # (label, number, toll free)
    emergency_numbers: list = field(default_factory=list)  # (label, number)


@dataclass(frozen=True)
class Section:
    heading: str
    intro: str
    stories: list  # story keys, in reading order


# --- Taxonomy -----------------------------------------------------------------------

TOPICS = [
    Topic(
        "counter-trafficking",
        "Counter-trafficking",
        "Preventing human trafficking and finding, protecting and assisting its victims.",
    ),
    Topic(
        "return-and-reintegration",
        "Return and reintegration",
        "Helping migrants go home safely and make a fresh start in their communities.",
    ),
    Topic(
        "migrant-health",
        "Migrant health",
        "Health care, prevention and health information for migrants and their families.",
    ),
    Topic(
        "covid-19",
        "COVID-19",
        "How the pandemic affects migrants and what is done about it.",
    ),
    Topic(
        "labour-migration",
        "Labour migration",
        "Moving for work, at home or abroad: jobs, skills and stable incomes.",
    ),
    Topic(
        "partnerships",
        "Partnerships",
        "Work with governments, UN agencies, civil society and regional processes.",
    ),
    Topic(
        "protection",
        "Protection",
        "Keeping migrants, refugees and victims of crime safe and their rights respected.",
    ),
]


# --- Illustrations -----------------------------------------------------------------

KG_COLOURS = ("#b03a2e", "#f0b27a")
KZ_COLOURS = ("#1a5276", "#85c1e9")
TJ_COLOURS = ("#1e8449", "#abebc6")
REGION_COLOURS = ("#4a235a", "#bb8fce")

ILLUSTRATIONS = [
    Illustration(
        "kg-food-aid",
        KYRGYZSTAN,
        "Demo illustration: a returning migrant receives food aid",
        "parcels",
        "A migrant returning to Kyrgyzstan receives food aid",
        "Illustration: a simple figure holding a parcel beside a stack of food boxes.",
        KG_COLOURS,
    ),
    Illustration(
        "kg-food-parcels",
        KYRGYZSTAN,
        "Demo illustration: food parcels ready for returning migrants",
        "parcels",
        "Food parcels ready to be handed out",
        "Illustration: a pyramid of white boxes tied with red tape, a figure beside them.",
        ("#922b21", "#f5cba7"),
    ),
    Illustration(
        "kg-returnees",
        KYRGYZSTAN,
        "Demo illustration: migrants back home in Kyrgyzstan",
        "figures",
        "Back home: 70 Kyrgyz migrants returned",
        "Illustration: a row of five simple white figures on a red-to-orange background.",
        KG_COLOURS,
    ),
    Illustration(
        "kg-reintegration-handbook",
        KYRGYZSTAN,
        "Demo illustration: the Reintegration Handbook",
        "book",
        "The Reintegration Handbook, in Kyrgyz and Russian",
        "Illustration: an open book with lines of text on both pages.",
        ("#a04000", "#f8c471"),
    ),
    Illustration(
        "kg-interview-facilities",
        KYRGYZSTAN,
        "Demo illustration: refurbished interview facilities",
        "building",
        "Two refurbished rooms: one for pre-interviews, one for interviews",
        "Illustration: a white building with two doors side by side.",
        ("#7b241c", "#e6b0aa"),
    ),
    Illustration(
        "kz-shoemaker-workbench",
        KAZAKHSTAN,
        "Demo illustration: a shoemaker's workbench in Kostanay",
        "workbench",
        "A shoemaker's workbench in Kostanay",
        "Illustration: a workbench with a shoe and a hammer, shoe lasts on a shelf above.",
        KZ_COLOURS,
    ),
    Illustration(
        "kz-shoemaker-repairs",
        KAZAKHSTAN,
        "Demo illustration: shoe repairs in Kostanay",
        "workbench",
        "A new trade: repairing shoes in Kostanay",
        "Illustration: a shoe on a workbench under a shelf of shoe lasts.",
        ("#154360", "#aed6f1"),
    ),
    Illustration(
        "kz-internal-migrants",
        KAZAKHSTAN,
        "Demo illustration: internal migrants learning new professions",
        "figures",
        "50 internal migrants, new professions",
        "Illustration: a row of five simple white figures on a blue background.",
        KZ_COLOURS,
    ),
    Illustration(
        "kz-almaty-process",
        KAZAKHSTAN,
        "Demo illustration: the Almaty Process, ten states connected",
        "network",
        "The Almaty Process: ten member states and observers",
        "Illustration: ten circles joined by lines, like a network on a map.",
        ("#1b4f72", "#7fb3d5"),
    ),
    Illustration(
        "tj-health-meeting",
        TAJIKISTAN,
        "Demo illustration: working meeting on migrants' health, 21 January 2021",
        "meeting",
        "Working meeting on migrants' health, 21 January 2021",
        "Illustration: six simple figures seated behind a long table with papers on it.",
        TJ_COLOURS,
    ),
    Illustration(
        "tj-health-brochure",
        TAJIKISTAN,
        "Demo illustration: brochure on preventing STIs and HIV among migrant workers",
        "book",
        "A brochure on preventing STIs and HIV among migrant workers",
        "Illustration: an open booklet with lines of text on both pages.",
        ("#196f3d", "#a9dfbf"),
    ),
    Illustration(
        "tj-health-partners",
        TAJIKISTAN,
        "Demo illustration: national partners on migrants' health",
        "figures",
        "National partners on migrants' health",
        "Illustration: a row of five simple white figures on a green background.",
        ("#0e6251", "#a3e4d7"),
    ),
    Illustration(
        "ca-report-issue-1-cover",
        REGION,
        "Demo illustration: cover of the Regional Response Report, Issue 1",
        "cover",
        "Regional Response Report, Issue 1, 1 February 2021",
        "Illustration: a report cover titled 'Regional Response Report, Issue 1'.",
        REGION_COLOURS,
    ),
]


# --- Sites ------------------------------------------------------------------------

REGIONAL_INTRO = (
    "<p>News from the International Organization for Migration (IOM) in Central Asia: "
    "stories from our missions in Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and "
    "Uzbekistan, and the Regional Response Report that brings them together.</p>"
)
FEATURED_STORIES = ["almaty-process", "return-operation", "migrants-health-meeting"]

MISSION_PAGES = [
    Mission(
        KAZAKHSTAN,
        "Kazakh, Russian, English",
        "<p>IOM Kazakhstan works with the Government and partners to help migrants in "
        "vulnerable situations, to counter human trafficking and to support people who move "
        "within the country to find steady work. It has offices in Astana and Almaty.</p>",
        "National hotline",
        "11616",
    ),
    Mission(
        KYRGYZSTAN,
        "Kyrgyz, Russian, English",
        "<p>IOM Kyrgyzstan helps migrants come home and settle back in, assists victims of "
        "trafficking, and works with local authorities and law enforcement so that people in "
        "need get the right help.</p>",
        "National hotline",
        "1899",
    ),
    Mission(
        TAJIKISTAN,
        "Tajik, Russian, English",
        "<p>IOM Tajikistan works with national partners on migrants' health, on the return "
        "and reintegration of migrants and on the protection of people in vulnerable "
        "situations.</p>",
        "Emergency cell number",
        "+992900800800",
    ),
    Mission(
        TURKMENISTAN,
        "Turkmen, Russian, English",
        "<p>IOM Turkmenistan works with the Government and with partners across Central Asia "
        "for migration that is safe, orderly and regular.</p>",
    ),
    Mission(
        UZBEKISTAN,
        "Uzbek, Russian, English",
        "<p>IOM Uzbekistan supports migrants and their families, including those coming "
        "home, and works with partners across Central Asia for safe migration.</p>",
    ),
]

FOOTERS = {
    REGION: (
        "<p>The International Organization for Migration (IOM) in Central Asia. This is a "
        "demonstration site: its stories retell Issue 1 of the Regional Response Report "
        "(February 2021) and its pictures are generated illustrations, not photographs.</p>"
    ),
    **{
        slug: (
            f"<p>IOM {MISSIONS_BY_COUNTRY[country].name}, part of the International "
            "Organization for Migration in Central Asia. This is a demonstration site: its "
            "pictures are generated illustrations, not photographs.</p>"
        )
        for country, slug in (
            ("KZ", KAZAKHSTAN),
            ("KG", KYRGYZSTAN),
            ("TJ", TAJIKISTAN),
            ("TM", TURKMENISTAN),
            ("UZ", UZBEKISTAN),
        )
    },
}

NEWS_INDEX = {"title": "News", "slug": "news"}
GALLERY_INDEX = {"title": "Photos", "slug": "photos"}
REPORT_INDEX = {
    "title": "Regional Response Report",
    "slug": "reports",
    "description": (
        "<p>A round-up of IOM's response across Central Asia: direct assistance to "
        "migrants, partnerships, health and protection, from all five missions.</p>"
    ),
}
CONTACT_INDEX = {
    "title": "Contacts",
    "slug": "contacts",
    "intro": (
        "<p>How to reach IOM's five missions in Central Asia: national hotlines, emergency "
        "numbers and e-mail addresses.</p>"
    ),
}
CONTACT_PAGE = {"title": "Contact", "slug": "contact"}

CONTACTS = [
    Contacts(
        KAZAKHSTAN,
        "<p>Call the national hotline free of charge, or write to our offices in Astana "
        "and Almaty.</p>",
        emails=[
            ("Astana office", "iomastana@iom.int"),
            ("Almaty office", "iomalmaty@iom.int"),
        ],
        hotlines=[("National hotline", "11616", True)],
    ),
    Contacts(
        KYRGYZSTAN,
        "<p>Call the national hotline free of charge, or write to us.</p>",
        emails=[("General enquiries", "iomkyrgyzstan@iom.int")],
        hotlines=[("National hotline", "1899", True)],
    ),
    Contacts(
        TAJIKISTAN,
        "<p>In an emergency, call our cell number; for anything else, write to us.</p>",
        emails=[("General enquiries (Dushanbe)", "dushanbe@iom.int")],
        emergency_numbers=[("Emergency cell number", "+992900800800")],
    ),
    Contacts(
        TURKMENISTAN,
        "<p>Write to us in Ashgabat.</p>",
        emails=[("General enquiries (Ashgabat)", "iomashgabat@iom.int")],
    ),
    Contacts(
        UZBEKISTAN,
        "<p>Write to us.</p>",
        emails=[("General enquiries", "iomuz@iom.int")],
    ),
]


# --- Stories -----------------------------------------------------------------------

STORIES = [
    Story(
        key="return-operation",
        site=KYRGYZSTAN,
        slug="humanitarian-operation-helps-92-migrants-return",
        title="Humanitarian operation helps 92 Central Asian migrants return and start again",
        date=datetime.date(2021, 1, 25),
        summary=(
            "IOM helped 92 migrants – 70 from Kyrgyzstan, 19 from Uzbekistan and 3 from "
            "Tajikistan – to travel home and settle back into their communities."
        ),
        topics=["return-and-reintegration", "protection"],
        shared_with=[TAJIKISTAN, UZBEKISTAN, REGION],
        lead=Picture(
            "kg-food-aid",
            "Food aid is part of the help returning migrants receive.",
        ),
        body=[
            paragraph(
                "<p>A humanitarian operation run by IOM has supported 92 migrants from three "
                "Central Asian countries, both on their journey home and in their first steps "
                "back into their communities. Most of them – 70 people – are citizens of "
                "Kyrgyzstan; 19 come from Uzbekistan and 3 from Tajikistan.</p>"
            ),
            key_figures(
                ("70", "Kyrgyz migrants"),
                ("19", "Uzbek migrants"),
                ("3", "Tajik migrants"),
            ),
            heading("Help that does not stop at the border"),
            paragraph(
                "<p>Getting home is only the start. Reintegration support helps people who "
                "return to find their feet again, and it is part of IOM's continuing work "
                "with migrants in vulnerable situations and with victims of trafficking "
                "across the region.</p>"
            ),
            hotline_callout(
                "National hotline (Kyrgyzstan)",
                "1899",
                "Free to call. The hotline keeps taking calls from migrants and their families.",
            ),
        ],
    ),
    Story(
        key="internal-migrants-kazakhstan",
        site=KAZAKHSTAN,
        slug="new-trades-for-50-internal-migrants",
        title="New trades and steadier incomes for 50 internal migrants in Kazakhstan",
        date=datetime.date(2021, 1, 26),
        summary=(
            "With temporary jobs the first to go as COVID-19 unsettles the labour market, "
            "IOM Kazakhstan helped 50 people who moved within the country to learn new "
            "professions and earn a stable living."
        ),
        topics=["labour-migration", "covid-19"],
        shared_with=[REGION],
        lead=Picture(
            "kz-shoemaker-workbench",
            "A shoemaker in Kostanay, one of the 50 people supported.",
        ),
        body=[
            paragraph(
                "<p>When a crisis hits, temporary workers in labour-intensive sectors are "
                "usually the first to lose their jobs. The COVID-19 pandemic is still "
                "unsettling the labour market, and people who have moved within Kazakhstan "
                "to find work are among those most exposed.</p>"
            ),
            paragraph(
                "<p>IOM Kazakhstan offered integration assistance to 50 internal migrants in "
                "vulnerable situations. The support let them train for new professions and "
                "put their earnings on a more permanent footing.</p>"
            ),
            key_figures(("50", "internal migrants helped into new professions")),
            heading("A new trade in Kostanay"),
            paragraph(
                "<p>Among them is a shoemaker in Kostanay, whose workshop is pictured in this "
                "story's photo gallery.</p>"
            ),
            hotline_callout(
                "National hotline (Kazakhstan)",
                "11616",
                "Free to call. The hotline keeps taking calls.",
            ),
        ],
    ),
    Story(
        key="reintegration-training",
        site=KYRGYZSTAN,
        slug="reintegration-training-osh-batken-jalal-abad",
        title="39 local officials and social workers trained to support returning migrants",
        date=datetime.date(2021, 1, 28),
        summary=(
            "IOM Kyrgyzstan and its NGO partners trained 39 people from local authorities and "
            "social services in six pilot districts of Osh, Batken and Jalal-Abad regions to "
            "help migrants who come home."
        ),
        topics=["return-and-reintegration", "covid-19", "partnerships"],
        shared_with=[TAJIKISTAN, REGION],
        lead=Picture(
            "kg-reintegration-handbook",
            "The Reintegration Handbook, available in Kyrgyz and Russian, was the basis "
            "of the training.",
        ),
        body=[
            paragraph(
                "<p>How to help migrants who come back home was the subject of training that "
                "IOM Kyrgyzstan and its NGO partners gave to 39 members of local authorities "
                "and social workers. They came from six pilot districts in the Osh, Batken "
                "and Jalal-Abad regions of the country's south.</p>"
            ),
            key_figures(
                ("39", "local officials and social workers trained"),
                ("6", "pilot districts"),
                ("3", "regions: Osh, Batken, Jalal-Abad"),
            ),
            heading("Built on the Reintegration Handbook"),
            paragraph(
                "<p>The sessions drew on the Reintegration Handbook written earlier in the "
                "project and available in both Kyrgyz and Russian. Its modules cover:</p>"
                "<ul><li>economic reintegration</li><li>social reintegration</li>"
                "<li>psychosocial support</li><li>COVID-19</li></ul>"
            ),
            paragraph(
                "<p>The training belongs to the project <i>Community Stabilization through "
                "Returned Migrant Reintegration in Kyrgyzstan and Tajikistan during and after "
                "COVID-19</i>.</p>"
            ),
        ],
    ),
    Story(
        key="almaty-process",
        site=KAZAKHSTAN,
        slug="almaty-process-ministerial-conference-2021",
        title="Almaty Process ministers discuss COVID-19 and migration in Central Asia",
        date=datetime.date(2021, 1, 27),
        summary=(
            "On 27 January 2021 IOM and UNHCR convened the Ministerial Conference of the "
            "Almaty Process, where senior officials of ten member states and observers "
            "reviewed their joint work for refugees and migrants and planned what comes next."
        ),
        topics=["partnerships", "covid-19", "protection"],
        shared_with=[KYRGYZSTAN, TAJIKISTAN, TURKMENISTAN, UZBEKISTAN, REGION],
        lead=Picture(
            "kz-almaty-process",
            "The Almaty Process brings together ten member states and observers.",
        ),
        source_url=ALMATY_PROCESS_SOURCE_URL,
        body=[
            paragraph(
                "<p>IOM and UNHCR convened the Almaty Process at ministerial level on "
                "27 January 2021. Its aim: to find answers to the regional challenges "
                "that arise where refugee protection and migration meet in Central Asia – "
                "challenges the COVID-19 pandemic has made harder.</p>"
            ),
            key_figures(
                ("27 Jan 2021", "date of the conference"),
                ("10", "member states and observers"),
                ("2", "organisers: IOM and UNHCR"),
            ),
            heading("Who took part"),
            paragraph(
                "<p>High-level officials came from the member states and observers of the "
                "Almaty Process:</p><ul><li>Afghanistan</li><li>Azerbaijan</li><li>Iran</li>"
                "<li>Kazakhstan</li><li>Kyrgyzstan</li><li>Pakistan</li><li>Tajikistan</li>"
                "<li>Turkey</li><li>Turkmenistan</li><li>Uzbekistan</li></ul>"
            ),
            heading("Taking stock, looking ahead"),
            paragraph(
                "<p>Delegations reviewed what their joint work has achieved so far and "
                "discussed the next activities in support of migrants and refugees in the "
                "region.</p>"
            ),
            paragraph(
                f'<p>The story was first published by <a href="{ALMATY_PROCESS_SOURCE_URL}">'
                "IOM Kazakhstan</a>.</p>"
            ),
        ],
    ),
    Story(
        key="migrants-health-meeting",
        site=TAJIKISTAN,
        slug="partners-plan-joint-action-on-migrants-health",
        title="Partners in Tajikistan plan joint action on migrants' health",
        date=datetime.date(2021, 1, 21),
        summary=(
            "At a multisectoral working meeting on 21 January 2021, IOM Tajikistan and "
            "national partners discussed a joint plan for 2021 to promote the health of "
            "migrants."
        ),
        topics=["migrant-health", "partnerships"],
        shared_with=[REGION],
        lead=Picture(
            "tj-health-meeting",
            "The multisectoral working meeting on migrants' health, 21 January 2021.",
        ),
        body=[
            paragraph(
                "<p>On 21 January 2021 IOM Tajikistan joined a multisectoral working meeting "
                "on promoting the health of migrants, called by the Republican Center on "
                "Healthy Lifestyle Promotion. Around the table were the Red Crescent Society "
                "of Tajikistan, the national centres for tuberculosis and for AIDS control, "
                "and the migration services.</p>"
            ),
            heading("A joint plan for 2021"),
            paragraph(
                "<p>Participants agreed that a multisectoral Joint Action Plan on migrants' "
                "health is needed and proposed activities for 2021. National specialists "
                "asked IOM for technical support to draft the plan and a new National "
                "Programme on Promoting Healthy Lifestyle.</p>"
            ),
            heading("What IOM brought to the table"),
            paragraph(
                "<p>IOM explained how it meets migrants' health needs by combining several "
                "approaches with the migration services: peer education, work with the Tajik "
                "diaspora, and outreach both in the Russian Federation and in Tajikistan.</p>"
            ),
            heading("A brochure in demand"),
            paragraph(
                "<p>Participants praised the quality of a recent brochure, made by IOM "
                "Tajikistan together with national partners, on preventing sexually "
                "transmitted infections and HIV among people who work abroad. The Red "
                "Crescent requested an electronic copy so that it can print more and hand "
                "them out to Tajik migrants who have come back to Sughd Oblast.</p>"
            ),
            hotline_callout(
                "Emergency cell number (Tajikistan)",
                "+992900800800",
                "IOM Tajikistan's emergency number keeps taking calls.",
            ),
        ],
    ),
    Story(
        key="victim-centred-facilities",
        site=KYRGYZSTAN,
        slug="victim-centred-interview-facilities",
        title="Victim-centred interview facilities for the Criminal Militia Service",
        date=datetime.date(2021, 1, 29),
        summary=(
            "IOM Kyrgyzstan refurbished and re-equipped two facilities, for pre-interviews "
            "and interviews, where the Criminal Militia Service of the Ministry of Interior "
            "can identify and refer victims of trafficking and other crimes."
        ),
        topics=["counter-trafficking", "protection"],
        shared_with=[REGION],
        lead=Picture(
            "kg-interview-facilities",
            "Two facilities, one for pre-interviews and one for interviews.",
        ),
        body=[
            paragraph(
                "<p>Law-enforcement agencies are a core part of the National Referral "
                "Mechanism. They identify and protect victims of trafficking, and they "
                "investigate and prosecute the crime.</p>"
            ),
            heading("Victims' needs first"),
            paragraph(
                "<p>Prosecution alone is not enough. When officers attend first to the rights "
                "and needs of victims, they avoid hurting again people who have already been "
                "traumatised. Help that takes account of a person's age, gender or ethnicity "
                "prevents discrimination and makes protection last.</p>"
            ),
            paragraph(
                "<p>From the moment a victim is identified, the means to keep them physically "
                "and psychologically safe must be at hand: food, shelter, medical care, a "
                "source of income and psychological counselling.</p>"
            ),
            heading("Two facilities, refurbished and re-equipped"),
            paragraph(
                "<p>To help the Criminal Militia Service of the Ministry of Interior of the "
                "Kyrgyz Republic work in a victim-centred way, IOM Kyrgyzstan refurbished "
                "and re-equipped two facilities, one for pre-interviews and one for "
                "interviews. Officers will use them to identify survivors of trafficking and of "
                "domestic violence, among other victims, and refer them for help.</p>"
            ),
            key_figures(("2", "facilities refurbished and re-equipped")),
            hotline_callout(
                "National hotline (Kyrgyzstan)",
                "1899",
                "Free to call. The hotline keeps taking calls.",
            ),
        ],
    ),
]


# --- Photo galleries --------------------------------------------------------------

GALLERIES = [
    Gallery(
        site=KAZAKHSTAN,
        slug="shoemaker-in-kostanay",
        title="A shoemaker's new trade in Kostanay",
        date=datetime.date(2021, 1, 26),
        place="Kostanay",
        intro=(
            "<p>A shoemaker in Kostanay, one of 50 internal migrants whom IOM Kazakhstan "
            "helped to learn a new profession. The pictures are illustrations standing in "
            "for the report's photos.</p>"
        ),
        photos=[
            Picture("kz-shoemaker-workbench", "The workbench of a shoemaker in Kostanay."),
            Picture("kz-shoemaker-repairs", "Shoe repairs: a trade that brings a steady income."),
            Picture("kz-internal-migrants", "50 internal migrants learnt new professions."),
        ],
    ),
    Gallery(
        site=KYRGYZSTAN,
        slug="food-aid-for-returning-migrants",
        title="Food aid for migrants returning to Kyrgyzstan",
        date=datetime.date(2021, 1, 25),
        place="Kyrgyzstan",
        intro=(
            "<p>A Kyrgyz migrant receives food aid on returning home. The pictures are "
            "illustrations standing in for the report's photos.</p>"
        ),
        photos=[
            Picture("kg-food-aid", "A Kyrgyz migrant receives food aid."),
            Picture("kg-food-parcels", "Food parcels ready to be handed out."),
            Picture("kg-returnees", "70 Kyrgyz migrants were helped to return and reintegrate."),
        ],
    ),
    Gallery(
        site=TAJIKISTAN,
        slug="migrants-health-meeting-21-january-2021",
        title="Working meeting on migrants' health, 21 January 2021",
        date=datetime.date(2021, 1, 21),
        place="Tajikistan",
        intro=(
            "<p>IOM Tajikistan and national partners met to plan joint work on the health "
            "of migrants. The pictures are illustrations standing in for the report's "
            "photos.</p>"
        ),
        photos=[
            Picture("tj-health-meeting", "Partners met on 21 January 2021."),
            Picture(
                "tj-health-brochure",
                "The brochure on preventing STIs and HIV among migrant workers.",
            ),
            Picture(
                "tj-health-partners",
                "Health, Red Crescent and migration services took part.",
            ),
        ],
    ),
]


# --- The report issue ---------------------------------------------------------------

REPORT_ISSUE = {
    "title": "Regional Response Report, Issue 1",
    "slug": "issue-1",
    "issue_number": 1,
    "publication_date": datetime.date(2021, 2, 1),
    "summary": (
        "The first issue: help for returning and internal migrants, the Almaty Process "
        "ministerial conference, a working meeting on migrants' health in Tajikistan, and "
        "victim-centred interview facilities for the police in Kyrgyzstan."
    ),
    "cover": "ca-report-issue-1-cover",
}

REPORT_SECTIONS = [
    Section(
        "Direct assistance",
        "<p>IOM keeps helping migrants in vulnerable situations and victims of "
        "trafficking: to return home, to learn a new trade, and to be welcomed back by "
        "local authorities who know how to help.</p>",
        ["return-operation", "internal-migrants-kazakhstan", "reintegration-training"],
    ),
    Section(
        "Partnership in action",
        "<p>IOM and UNHCR brought the Almaty Process together at ministerial level to "
        "discuss how COVID-19 affects migration and refugee protection in the region.</p>",
        ["almaty-process"],
    ),
    Section(
        "Addressing migrants' healthcare needs",
        "<p>In Tajikistan, IOM and national partners started planning a year of joint "
        "work on migrants' health.</p>",
        ["migrants-health-meeting"],
    ),
    Section(
        "Technical assistance for victim-centred facilities",
        "<p>New facilities help the police in Kyrgyzstan put the needs of victims of "
        "trafficking first.</p>",
        ["victim-centred-facilities"],
    ),
]


# --- Publications ---------------------------------------------------------------------


@dataclass(frozen=True)
class PublicationFile:
    """One demo PDF of a publication: its language, the document's title and
    the lines printed in it (demo/pdfs.py says on every page that it is a
    demo file)."""

    language: str
    title: str
    lines: list


@dataclass(frozen=True)
class Publication:
    key: str
    site: str  # the library that owns it
    slug: str
    title: str
    kind: str  # newsroom.models.publications.KINDS
    date: datetime.date
    summary: str
    topics: list
    shared_with: list  # site slugs, besides the owner
    cover: str  # an illustration's key
    files: list  # PublicationFile, in the order shown
    # (story key, heading of the story after whose next block it is shown)
    mentioned_in: list = field(default_factory=list)
    report_section: str = ""  # heading of the Issue 1 section that features it


PUBLICATION_INDEX = {
    "title": "Publications",
    "slug": "publications",
    "intro": (
        "<p>Handbooks, brochures and reports by IOM and its partners, to read and "
        "download in the languages they exist in.</p>"
    ),
}

PUBLICATIONS = [
    Publication(
        key="reintegration-handbook",
        site=KYRGYZSTAN,
        slug="reintegration-handbook",
        title="Reintegration Handbook",
        kind="handbook",
        date=datetime.date(2020, 12, 1),
        summary=(
            "A handbook for local authorities and social workers who help migrants coming "
            "home: economic, social and psychosocial reintegration, and COVID-19. In Russian "
            "and Kyrgyz."
        ),
        topics=["return-and-reintegration", "partnerships"],
        shared_with=[TAJIKISTAN],
        cover="kg-reintegration-handbook",
        files=[
            PublicationFile(
                "ru",
                "Reintegration Handbook (Russian)",
                [
                    "Руководство по реинтеграции",
                    "Экономическая реинтеграция",
                    "Социальная реинтеграция",
                    "Психосоциальная поддержка",
                    "COVID-19",
                ],
            ),
            PublicationFile(
                "ky",
                "Reintegration Handbook (Kyrgyz)",
                [
                    "Реинтеграция боюнча колдонмо",
                    "Экономикалык реинтеграция",
                    "Социалдык реинтеграция",
                    "Психосоциалдык колдоо",
                    "COVID-19",
                ],
            ),
        ],
        mentioned_in=[("reintegration-training", "Built on the Reintegration Handbook")],
        report_section="Direct assistance",
    ),
    Publication(
        key="sti-hiv-brochure",
        site=TAJIKISTAN,
        slug="preventing-stis-and-hiv-among-migrant-workers",
        title="Preventing STIs and HIV among migrant workers",
        kind="brochure",
        date=datetime.date(2020, 12, 15),
        summary=(
            "A brochure for people who work abroad on how to prevent sexually transmitted "
            "infections and HIV, made by IOM Tajikistan with national partners. In Tajik "
            "and Russian."
        ),
        topics=["migrant-health"],
        shared_with=[],
        cover="tj-health-brochure",
        files=[
            PublicationFile(
                "tg",
                "STI and HIV prevention brochure (Tajik)",
                [
                    "Пешгирии СПБ ва ВНМО дар байни муҳоҷирони меҳнатӣ",
                    "Саломатии худро ҳифз кунед",
                    "Маслиҳат ва санҷиш ройгон аст",
                ],
            ),
            PublicationFile(
                "ru",
                "STI and HIV prevention brochure (Russian)",
                [
                    "Профилактика ИППП и ВИЧ среди трудовых мигрантов",
                    "Берегите свое здоровье",
                    "Консультация и тестирование бесплатны",
                ],
            ),
        ],
        mentioned_in=[("migrants-health-meeting", "A brochure in demand")],
        report_section="Addressing migrants' healthcare needs",
    ),
]
