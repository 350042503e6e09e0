"""Dates as each language writes them in running text: "27 January 2021",
"27 января 2021 г.", "2021 жылғы 27 қаңтар", "2021-жылдын 27-январы",
"27 январи соли 2021", "2021-nji ýylyň 27-nji ýanwary", "2021-yil 27-yanvar".

Django's DATE_FORMAT gives American news style in English ("Jan. 27, 2021"),
and its month names cannot give the forms these languages use in a date: the
Kyrgyz and Turkmen possessive ("январы", "ýanwary"), the Tajik izofat
("январи"), lower-case months in Kazakh, Turkmen and Uzbek. The words are
locale data, like Django's own format modules, so they are kept here, one
table per language, and templates show a date with ``|long_date``
(``website.templatetags.site_tags``).
"""

from django.utils import translation

MONTHS = {
    "en": "January February March April May June July August September October November December",
    # Genitive: "27 января".
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "kk": "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан",
    # Possessive after "…-жылдын": "29-январы".
    "ky": "январы февралы марты апрели майы июну июлу августу сентябры октябры ноябры декабры",
    # Izofat: "27 январи соли 2021".
    "tg": "январи феврали марти апрели майи июни июли августи сентябри октябри ноябри декабри",
    # Possessive after "…-nji ýylyň": "27-nji ýanwary".
    "tk": "ýanwary fewraly marty apreli maýy iýuny iýuly awgusty sentýabry oktýabry noýabry dekabry",
    "uz": "yanvar fevral mart aprel may iyun iyul avgust sentabr oktabr noyabr dekabr",
}
MONTHS = {language: words.split() for language, words in MONTHS.items()}

# Turkmen ordinal suffix after digits ("27-nji", "6-njy"): that of the number's
# last spoken word, by its vowels. Units, then tens, when not zero.
_TURKMEN_UNITS_NJY = {6, 9}  # alty, dokuz
_TURKMEN_TENS_NJY = {1, 3, 4, 6, 9}  # on, otuz, kyrk, altmyş, togsan


def turkmen_ordinal(number):
    """``27`` gives "27-nji", ``6`` "6-njy", ``2030`` "2030-njy"."""
    units, tens = number % 10, number // 10 % 10
    if units:
        back = units in _TURKMEN_UNITS_NJY
    elif tens:
        back = tens in _TURKMEN_TENS_NJY
    else:  # ýüz, müň
        back = False
    return f"{number}-{'njy' if back else 'nji'}"


LAYOUTS = {
    "en": lambda day, month, year: f"{day} {month} {year}",
    "ru": lambda day, month, year: f"{day} {month} {year}\N{NO-BREAK SPACE}г.",
    "kk": lambda day, month, year: f"{year} жылғы {day} {month}",
    "ky": lambda day, month, year: f"{year}-жылдын {day}-{month}",
    "tg": lambda day, month, year: f"{day} {month} соли {year}",
    "tk": lambda day, month, year: f"{turkmen_ordinal(year)} ýylyň {turkmen_ordinal(day)} {month}",
    "uz": lambda day, month, year: f"{year}-yil {day}-{month}",
}


def long_date(value, language_code=None):
    """``value`` (a date or datetime) written out in the language (the active
    one by default; English for a language without a table)."""
    if value is None or value == "":
        return ""
    language = (language_code or translation.get_language() or "en").split("-")[0]
    if language not in LAYOUTS:
        language = "en"
    return LAYOUTS[language](value.day, MONTHS[language][value.month - 1], value.year)
