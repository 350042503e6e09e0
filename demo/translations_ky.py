"""Kyrgyz translation of the demo content (see ``translate``): the Kyrgyzstan
mission's home page, its newsroom, its contact page and its stories, with the
topics and the site's footer text. Its photo gallery and the other sites stay
in English (and Russian) in the demo.

Keys are the English segments exactly as wagtail-localize extracts them (see
``translations_ru``). Conventions: ЭМУ (Эл аралык миграция уюму) for IOM,
"ЭМУнун Кыргызстандагы өкүлчүлүгү" for "IOM Kyrgyzstan", "ишеним телефону"
for a hotline; a noun after a number stays singular, as Kyrgyz wants it.
"""

# Demo page keys (see ``translate.demo_page_keys``); parents come first there.
PAGES = [
    "kyrgyzstan",
    "kyrgyzstan/news",
    "kyrgyzstan/contact",
    "kyrgyzstan/news/return-operation",
    "kyrgyzstan/news/reintegration-training",
    "kyrgyzstan/news/victim-centred-facilities",
]

STRINGS = {
    # --- Topics ----------------------------------------------------------------------
    "Counter-trafficking": "Адам сатууга каршы аракеттенүү",
    "Preventing human trafficking and finding, protecting and assisting its victims.": (
        "Адам сатуунун алдын алуу, анын курмандыктарын аныктоо, коргоо жана аларга жардам берүү."
    ),
    "COVID-19": "COVID-19",
    "How the pandemic affects migrants and what is done about it.": (
        "Пандемия мигранттарга кандай таасир этет жана буга каршы эмне жасалып жатат."
    ),
    "Labour migration": "Эмгек миграциясы",
    "Moving for work, at home or abroad: jobs, skills and stable incomes.": (
        "Өлкө ичинде же чет өлкөдө иштөө үчүн көчүү: жумуш орундары, көндүмдөр жана туруктуу "
        "киреше."
    ),
    "Migrant health": "Мигранттардын ден соолугу",
    "Health care, prevention and health information for migrants and their families.": (
        "Мигранттар жана алардын үй-бүлөлөрү үчүн медициналык жардам, алдын алуу жана ден "
        "соолук боюнча маалымат."
    ),
    "Partnerships": "Өнөктөштүк",
    "Work with governments, UN agencies, civil society and regional processes.": (
        "Өкмөттөр, БУУнун агенттиктери, жарандык коом жана аймактык процесстер менен иштөө."
    ),
    "Protection": "Коргоо",
    "Keeping migrants, refugees and victims of crime safe and their rights respected.": (
        "Мигранттардын, качкындардын жана кылмыштан жабыркагандардын коопсуздугу жана "
        "алардын укуктарынын сакталышы."
    ),
    "Return and reintegration": "Кайтып келүү жана реинтеграция",
    "Helping migrants go home safely and make a fresh start in their communities.": (
        "Мигранттарга үйүнө коопсуз кайтып, өз жамаатында жашоону кайрадан баштоого жардам берүү."
    ),
    # --- The site ----------------------------------------------------------------------
    (
        "IOM Kyrgyzstan, part of the International Organization for Migration in Central "
        "Asia. This is a demonstration site: its pictures are generated illustrations, not "
        "photographs."
    ): (
        "ЭМУнун Кыргызстандагы өкүлчүлүгү — Эл аралык миграция уюмунун Борбордук Азиядагы "
        "бөлүгү. Бул демонстрациялык сайт: андагы сүрөттөр фотосүрөт эмес, атайын түзүлгөн "
        "иллюстрациялар."
    ),
    "Kyrgyzstan": "Кыргызстан",
    "Kyrgyz, Russian, English": "кыргыз, орус, англис тилдери",
    (
        "IOM Kyrgyzstan helps migrants come home and settle back in, assists victims of "
        "trafficking, and works with local authorities and law enforcement so that people in "
        "need get the right help."
    ): (
        "ЭМУнун Кыргызстандагы өкүлчүлүгү мигранттарга үйүнө кайтып, кайрадан турмушка "
        "ыңгайлашууга жардам берет, адам сатуунун курмандыктарына көмөк көрсөтөт жана муктаж "
        "адамдар керектүү жардамды алышы үчүн жергиликтүү бийлик органдары жана укук коргоо "
        "органдары менен иштешет."
    ),
    "National hotline": "Улуттук ишеним телефону",
    "News": "Жаңылыктар",
    "Contact": "Байланыш",
    "Call the national hotline free of charge, or write to us.": (
        "Улуттук ишеним телефонуна акысыз чалыңыз же бизге жазыңыз."
    ),
    "General enquiries": "Жалпы суроолор",
    # --- Shared by the stories ----------------------------------------------------------
    "Illustration generated for the demo site, not a photograph": (
        "Иллюстрация демонстрациялык сайт үчүн түзүлгөн, фотосүрөт эмес"
    ),
    "2": "2",
    "3": "3",
    "6": "6",
    "19": "19",
    "39": "39",
    "70": "70",
    "National hotline (Kyrgyzstan)": "Улуттук ишеним телефону (Кыргызстан)",
    "Free to call. The hotline keeps taking calls.": (
        "Чалуу акысыз. Ишеним телефону чалууларды кабыл алууну улантууда."
    ),
    # --- Story: the return operation ---------------------------------------------------------
    "Humanitarian operation helps 92 Central Asian migrants return and start again": (
        "Гуманитардык операция Борбордук Азиядан келген 92 мигрантка үйүнө кайтып, жашоону "
        "кайра баштоого жардам берди"
    ),
    (
        "IOM helped 92 migrants – 70 from Kyrgyzstan, 19 from Uzbekistan and 3 from "
        "Tajikistan – to travel home and settle back into their communities."
    ): (
        "ЭМУ 92 мигрантка — Кыргызстандан 70, Өзбекстандан 19 жана Тажикстандан 3 адамга — "
        "үйүнө жетип, өз жамаатында кайрадан орношууга жардам берди."
    ),
    "Illustration: a simple figure holding a parcel beside a stack of food boxes.": (
        "Иллюстрация: азык-түлүк кутуларынын жанында посылка кармап турган жөнөкөй фигура."
    ),
    "Food aid is part of the help returning migrants receive.": (
        "Азык-түлүк жардамы — кайтып келген мигранттар алган колдоонун бир бөлүгү."
    ),
    (
        "A humanitarian operation run by IOM has supported 92 migrants from three Central "
        "Asian countries, both on their journey home and in their first steps back into their "
        "communities. Most of them – 70 people – are citizens of Kyrgyzstan; 19 come from "
        "Uzbekistan and 3 from Tajikistan."
    ): (
        "ЭМУ уюштурган гуманитардык операция Борбордук Азиянын үч өлкөсүнөн келген 92 "
        "мигрантты үйүнө кайткан жолунда да, өз жамаатына кайткандан кийинки алгачкы "
        "күндөрүндө да колдоду. Алардын көпчүлүгү — 70 адам — Кыргызстандын жарандары, 19 "
        "адам — Өзбекстандан, 3 адам — Тажикстандан."
    ),
    "Kyrgyz migrants": "кыргызстандык мигрант",
    "Uzbek migrants": "өзбекстандык мигрант",
    "Tajik migrants": "тажикстандык мигрант",
    "Help that does not stop at the border": "Чек арада токтоп калбаган жардам",
    (
        "Getting home is only the start. Reintegration support helps people who return to "
        "find their feet again, and it is part of IOM's continuing work with migrants in "
        "vulnerable situations and with victims of trafficking across the region."
    ): (
        "Үйгө жетүү — бул башталышы гана. Реинтеграция боюнча колдоо кайтып келгендерге "
        "кайрадан бутуна турууга жардам берет. Бул ЭМУнун аймак боюнча аялуу абалдагы "
        "мигранттар жана адам сатуунун курмандыктары менен жүргүзүп жаткан туруктуу ишинин "
        "бир бөлүгү."
    ),
    "Free to call. The hotline keeps taking calls from migrants and their families.": (
        "Чалуу акысыз. Ишеним телефону мигранттардан жана алардын үй-бүлөлөрүнөн чалууларды "
        "кабыл алууну улантууда."
    ),
    # --- Story: reintegration training -------------------------------------------------------
    "39 local officials and social workers trained to support returning migrants": (
        "39 жергиликтүү бийлик өкүлү жана социалдык кызматкер кайтып келген мигранттарды "
        "колдоого үйрөнүштү"
    ),
    (
        "IOM Kyrgyzstan and its NGO partners trained 39 people from local authorities and "
        "social services in six pilot districts of Osh, Batken and Jalal-Abad regions to help "
        "migrants who come home."
    ): (
        "ЭМУнун Кыргызстандагы өкүлчүлүгү жана анын өнөктөш бейөкмөт уюмдары Ош, Баткен "
        "жана Жалал-Абад облустарынын алты пилоттук районундагы жергиликтүү бийлик "
        "органдарынын жана социалдык кызматтардын 39 кызматкерин үйүнө кайтып келген "
        "мигранттарга жардам берүүгө үйрөтүштү."
    ),
    "Illustration: an open book with lines of text on both pages.": (
        "Иллюстрация: эки бетинде тең текст саптары бар ачык китеп."
    ),
    (
        "The Reintegration Handbook, available in Kyrgyz and Russian, was the basis of the "
        "training."
    ): (
        "Окутуунун негизин кыргыз жана орус тилдеринде жарык көргөн Реинтеграция боюнча "
        "колдонмо түздү."
    ),
    (
        "How to help migrants who come back home was the subject of training that IOM "
        "Kyrgyzstan and its NGO partners gave to 39 members of local authorities and social "
        "workers. They came from six pilot districts in the Osh, Batken and Jalal-Abad regions "
        "of the country's south."
    ): (
        "Үйүнө кайтып келген мигранттарга кантип жардам берүү керек — ЭМУнун Кыргызстандагы "
        "өкүлчүлүгү жана анын өнөктөш бейөкмөт уюмдары жергиликтүү бийлик органдарынын 39 "
        "өкүлү жана социалдык кызматкерлер үчүн өткөргөн окутуу ушул темага арналды. Алар "
        "өлкөнүн түштүгүндөгү Ош, Баткен жана Жалал-Абад облустарынын алты пилоттук "
        "районунан келишти."
    ),
    "local officials and social workers trained": (
        "жергиликтүү бийлик өкүлү жана социалдык кызматкер окуудан өттү"
    ),
    "pilot districts": "пилоттук район",
    "regions: Osh, Batken, Jalal-Abad": "облус: Ош, Баткен, Жалал-Абад",
    "Built on the Reintegration Handbook": "Реинтеграция боюнча колдонмонун негизинде",
    (
        "The sessions drew on the Reintegration Handbook written earlier in the project and "
        "available in both Kyrgyz and Russian. Its modules cover:"
    ): (
        "Сабактар долбоордун алкагында мурда даярдалган, кыргыз жана орус тилдеринде "
        "жарык көргөн Реинтеграция боюнча колдонмого негизделди. Анын модулдары төмөнкү "
        "темаларды камтыйт:"
    ),
    "economic reintegration": "экономикалык реинтеграция",
    "social reintegration": "социалдык реинтеграция",
    "psychosocial support": "психосоциалдык колдоо",
    (
        "The training belongs to the project <i>Community Stabilization through Returned "
        "Migrant Reintegration in Kyrgyzstan and Tajikistan during and after COVID-19</i>."
    ): (
        "Окутуу <i>«COVID-19 учурунда жана андан кийин Кыргызстанда жана Тажикстанда кайтып "
        "келген мигранттарды реинтеграциялоо аркылуу жамааттарды турукташтыруу»</i> "
        "долбоорунун алкагында өттү."
    ),
    # --- Story: victim-centred interview facilities ------------------------------------------
    "Victim-centred interview facilities for the Criminal Militia Service": (
        "Криминалдык милиция кызматы үчүн жабырлануучулардын кызыкчылыгын эске алган маек бөлмөлөрү"
    ),
    (
        "IOM Kyrgyzstan refurbished and re-equipped two facilities, for pre-interviews and "
        "interviews, where the Criminal Militia Service of the Ministry of Interior can "
        "identify and refer victims of trafficking and other crimes."
    ): (
        "ЭМУнун Кыргызстандагы өкүлчүлүгү эки бөлмөнү — алдын ала маек жана маек үчүн — "
        "оңдоп, кайра жабдыды. Ал жерде Ички иштер министрлигинин Криминалдык милиция "
        "кызматы адам сатуунун жана башка кылмыштардын курмандыктарын аныктап, жардамга "
        "жөнөтө алат."
    ),
    "Illustration: a white building with two doors side by side.": (
        "Иллюстрация: эки эшиги катар турган ак имарат."
    ),
    "Two facilities, one for pre-interviews and one for interviews.": (
        "Эки бөлмө: бири алдын ала маек үчүн, экинчиси маек үчүн."
    ),
    (
        "Law-enforcement agencies are a core part of the National Referral Mechanism. They "
        "identify and protect victims of trafficking, and they investigate and prosecute the "
        "crime."
    ): (
        "Укук коргоо органдары — Улуттук багыттоо механизминин негизги бөлүгү. Алар адам "
        "сатуунун курмандыктарын аныктап, коргошот, ошондой эле бул кылмышты иликтеп, "
        "күнөөлүүлөрдү жоопко тартышат."
    ),
    "Victims' needs first": "Эң оболу — жабырлануучулардын муктаждыктары",
    (
        "Prosecution alone is not enough. When officers attend first to the rights and needs "
        "of victims, they avoid hurting again people who have already been traumatised. Help "
        "that takes account of a person's age, gender or ethnicity prevents discrimination and "
        "makes protection last."
    ): (
        "Жоопко тартуу гана жетишсиз. Кызматкерлер биринчи кезекте жабырлануучулардын "
        "укуктарына жана муктаждыктарына көңүл бурганда, буга чейин эле психологиялык "
        "жаракат алган адамдарды кайрадан жабыркатпайт. Адамдын жашын, жынысын же улутун "
        "эске алган жардам басмырлоонун алдын алат жана коргоону узак мөөнөттүү кылат."
    ),
    (
        "From the moment a victim is identified, the means to keep them physically and "
        "psychologically safe must be at hand: food, shelter, medical care, a source of "
        "income and psychological counselling."
    ): (
        "Жабырлануучу аныкталган учурдан тартып анын физикалык жана психологиялык "
        "коопсуздугу үчүн керектүү нерселердин баары даяр болушу керек: тамак-аш, баш "
        "калкалоочу жай, медициналык жардам, киреше булагы жана психологиялык кеңеш."
    ),
    "Two facilities, refurbished and re-equipped": "Оңдолуп, кайра жабдылган эки бөлмө",
    (
        "To help the Criminal Militia Service of the Ministry of Interior of the Kyrgyz "
        "Republic work in a victim-centred way, IOM Kyrgyzstan refurbished and re-equipped two "
        "facilities, one for pre-interviews and one for interviews. Officers will use them to "
        "identify survivors of trafficking and of domestic violence, among other victims, and "
        "refer them for help."
    ): (
        "Кыргыз Республикасынын Ички иштер министрлигинин Криминалдык милиция кызматы "
        "жабырлануучулардын кызыкчылыгын эске алып иштеши үчүн ЭМУнун Кыргызстандагы "
        "өкүлчүлүгү эки бөлмөнү — бирин алдын ала маек үчүн, экинчисин маек үчүн — оңдоп, "
        "кайра жабдыды. Кызматкерлер аларда адам сатуунун, үй-бүлөлүк зомбулуктун жана башка "
        "кылмыштардын курмандыктарын аныктап, жардамга жөнөтүшөт."
    ),
    "facilities refurbished and re-equipped": "бөлмө оңдолуп, кайра жабдылды",
}
