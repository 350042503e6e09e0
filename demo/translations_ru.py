"""Russian translation of the demo content (see ``translate``): every demo page,
topic and footer text.

Keys are the English segments exactly as wagtail-localize extracts them from
``content`` (a text field, or one paragraph or list item of rich text with its
inline tags); a key that no longer matches an English segment is simply
unused, and the segment shows in English until translated.

Conventions: МОМ for IOM, УВКБ ООН for UNHCR, "МОМ в Кыргызстане" for
"IOM Kyrgyzstan", Кыргызстан (the country's own spelling, as IOM and the UN
write it), "е" for "ё", figures as in the English story.
"""

STRINGS = {
    # --- Topics ----------------------------------------------------------------------
    "Counter-trafficking": "Противодействие торговле людьми",
    "Preventing human trafficking and finding, protecting and assisting its victims.": (
        "Предупреждение торговли людьми, выявление и защита пострадавших, помощь им."
    ),
    "COVID-19": "COVID-19",
    "How the pandemic affects migrants and what is done about it.": (
        "Как пандемия сказывается на мигрантах и что делается в ответ."
    ),
    "Labour migration": "Трудовая миграция",
    "Moving for work, at home or abroad: jobs, skills and stable incomes.": (
        "Переезд ради работы внутри страны и за рубежом: рабочие места, навыки и стабильный доход."
    ),
    "Migrant health": "Здоровье мигрантов",
    "Health care, prevention and health information for migrants and their families.": (
        "Медицинская помощь, профилактика и информация о здоровье для мигрантов и их семей."
    ),
    "Partnerships": "Партнерство",
    "Work with governments, UN agencies, civil society and regional processes.": (
        "Работа с правительствами, агентствами ООН, гражданским обществом и в рамках "
        "региональных процессов."
    ),
    "Protection": "Защита",
    "Keeping migrants, refugees and victims of crime safe and their rights respected.": (
        "Безопасность мигрантов, беженцев и пострадавших от преступлений и соблюдение их прав."
    ),
    "Return and reintegration": "Возвращение и реинтеграция",
    "Helping migrants go home safely and make a fresh start in their communities.": (
        "Помощь мигрантам в безопасном возвращении домой и в том, чтобы начать все заново "
        "в своих общинах."
    ),
    # --- Footer texts ------------------------------------------------------------------
    (
        "The International Organization for Migration (IOM) in Central Asia. This is a "
        "demonstration site: its stories retell Issue 1 of the Regional Response Report "
        "(February 2021) and its pictures are generated illustrations, not photographs."
    ): (
        "Международная организация по миграции (МОМ) в Центральной Азии. Это "
        "демонстрационный сайт: его материалы пересказывают выпуск 1 Регионального отчета "
        "о мерах реагирования (февраль 2021 года), а изображения на нем — созданные "
        "иллюстрации, а не фотографии."
    ),
    **{
        (
            f"IOM {country}, part of the International Organization for Migration in "
            "Central Asia. This is a demonstration site: its pictures are generated "
            "illustrations, not photographs."
        ): (
            f"МОМ в {country_ru} — часть Международной организации по миграции в Центральной "
            "Азии. Это демонстрационный сайт: изображения на нем — созданные иллюстрации, "
            "а не фотографии."
        )
        for country, country_ru in (
            ("Kazakhstan", "Казахстане"),
            ("Kyrgyzstan", "Кыргызстане"),
            ("Tajikistan", "Таджикистане"),
            ("Turkmenistan", "Туркменистане"),
            ("Uzbekistan", "Узбекистане"),
        )
    },
    # --- Sites, index pages, contacts ------------------------------------------------------
    "Central Asia": "Центральная Азия",
    "Kazakhstan": "Казахстан",
    "Kyrgyzstan": "Кыргызстан",
    "Tajikistan": "Таджикистан",
    "Turkmenistan": "Туркменистан",
    "Uzbekistan": "Узбекистан",
    (
        "News from the International Organization for Migration (IOM) in Central Asia: "
        "stories from our missions in Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and "
        "Uzbekistan, and the Regional Response Report that brings them together."
    ): (
        "Новости Международной организации по миграции (МОМ) в Центральной Азии: материалы "
        "наших представительств в Казахстане, Кыргызстане, Таджикистане, Туркменистане "
        "и Узбекистане и Региональный отчет о мерах реагирования, который объединяет их."
    ),
    "News": "Новости",
    "Photos": "Фото",
    "Publications": "Публикации",
    "Handbooks, brochures and reports by IOM and its partners, to read and download in the "
    "languages they exist in.": (
        "Руководства, брошюры и отчеты МОМ и ее партнеров: читайте и скачивайте их на тех "
        "языках, на которых они изданы."
    ),
    # --- Publications ----------------------------------------------------------------
    "Reintegration Handbook": "Руководство по реинтеграции",
    "A handbook for local authorities and social workers who help migrants coming home: "
    "economic, social and psychosocial reintegration, and COVID-19. In Russian and Kyrgyz.": (
        "Руководство для местных органов власти и социальных работников, которые помогают "
        "вернувшимся мигрантам: экономическая, социальная и психосоциальная реинтеграция, "
        "COVID-19. На русском и кыргызском языках."
    ),
    "Preventing STIs and HIV among migrant workers": (
        "Профилактика ИППП и ВИЧ среди трудовых мигрантов"
    ),
    "A brochure for people who work abroad on how to prevent sexually transmitted "
    "infections and HIV, made by IOM Tajikistan with national partners. In Tajik and "
    "Russian.": (
        "Брошюра для тех, кто работает за рубежом, о профилактике инфекций, передаваемых "
        "половым путем, и ВИЧ, подготовленная МОМ в Таджикистане вместе с национальными "
        "партнерами. На таджикском и русском языках."
    ),
    "Contacts": "Контакты",
    "Contact": "Контакты",
    "Regional Response Report": "Региональный отчет о мерах реагирования",
    (
        "A round-up of IOM's response across Central Asia: direct assistance to migrants, "
        "partnerships, health and protection, from all five missions."
    ): (
        "Обзор работы МОМ по всей Центральной Азии: прямая помощь мигрантам, партнерство, "
        "здоровье и защита — по материалам всех пяти представительств."
    ),
    (
        "How to reach IOM's five missions in Central Asia: national hotlines, emergency "
        "numbers and e-mail addresses."
    ): (
        "Как связаться с пятью представительствами МОМ в Центральной Азии: национальные "
        "горячие линии, экстренные номера и адреса электронной почты."
    ),
    "Kazakh, Russian, English": "казахский, русский, английский",
    "Kyrgyz, Russian, English": "кыргызский, русский, английский",
    "Tajik, Russian, English": "таджикский, русский, английский",
    "Turkmen, Russian, English": "туркменский, русский, английский",
    "Uzbek, Russian, English": "узбекский, русский, английский",
    (
        "IOM Kazakhstan works with the Government and partners to help migrants in "
        "vulnerable situations, to counter human trafficking and to support people who move "
        "within the country to find steady work. It has offices in Astana and Almaty."
    ): (
        "МОМ в Казахстане вместе с правительством и партнерами помогает мигрантам "
        "в уязвимом положении, противодействует торговле людьми и помогает тем, кто "
        "переезжает внутри страны, найти постоянную работу. У представительства есть "
        "офисы в Астане и Алматы."
    ),
    (
        "IOM Kyrgyzstan helps migrants come home and settle back in, assists victims of "
        "trafficking, and works with local authorities and law enforcement so that people in "
        "need get the right help."
    ): (
        "МОМ в Кыргызстане помогает мигрантам вернуться домой и заново обустроиться, "
        "поддерживает пострадавших от торговли людьми и работает с местными органами власти "
        "и правоохранительными органами, чтобы нуждающиеся получали именно ту помощь, "
        "которая им нужна."
    ),
    (
        "IOM Tajikistan works with national partners on migrants' health, on the return and "
        "reintegration of migrants and on the protection of people in vulnerable situations."
    ): (
        "МОМ в Таджикистане работает с национальными партнерами над охраной здоровья "
        "мигрантов, их возвращением и реинтеграцией, а также над защитой людей в уязвимом "
        "положении."
    ),
    (
        "IOM Turkmenistan works with the Government and with partners across Central Asia "
        "for migration that is safe, orderly and regular."
    ): (
        "МОМ в Туркменистане работает с правительством и партнерами по всей Центральной Азии "
        "ради безопасной, упорядоченной и легальной миграции."
    ),
    (
        "IOM Uzbekistan supports migrants and their families, including those coming home, "
        "and works with partners across Central Asia for safe migration."
    ): (
        "МОМ в Узбекистане поддерживает мигрантов и их семьи, в том числе тех, кто "
        "возвращается домой, и работает с партнерами по всей Центральной Азии ради "
        "безопасной миграции."
    ),
    "National hotline": "Национальная горячая линия",
    "Emergency cell number": "Мобильный номер для экстренной связи",
    "Call the national hotline free of charge, or write to our offices in Astana and Almaty.": (
        "Звоните на национальную горячую линию бесплатно или пишите в наши офисы в Астане и Алматы."
    ),
    "Astana office": "Офис в Астане",
    "Almaty office": "Офис в Алматы",
    "Call the national hotline free of charge, or write to us.": (
        "Звоните на национальную горячую линию бесплатно или напишите нам."
    ),
    "General enquiries": "Общие вопросы",
    "In an emergency, call our cell number; for anything else, write to us.": (
        "В экстренной ситуации звоните на наш мобильный номер, по всем остальным вопросам "
        "пишите нам."
    ),
    "General enquiries (Dushanbe)": "Общие вопросы (Душанбе)",
    "Write to us in Ashgabat.": "Пишите нам в Ашхабад.",
    "General enquiries (Ashgabat)": "Общие вопросы (Ашхабад)",
    "Write to us.": "Напишите нам.",
    # --- Shared by stories and galleries ---------------------------------------------------
    "Illustration generated for the demo site, not a photograph": (
        "Иллюстрация создана для демонстрационного сайта, это не фотография"
    ),
    "2": "2",
    "3": "3",
    "6": "6",
    "10": "10",
    "19": "19",
    "39": "39",
    "50": "50",
    "70": "70",
    "National hotline (Kazakhstan)": "Национальная горячая линия (Казахстан)",
    "National hotline (Kyrgyzstan)": "Национальная горячая линия (Кыргызстан)",
    "Free to call. The hotline keeps taking calls.": (
        "Звонок бесплатный. Горячая линия продолжает принимать звонки."
    ),
    # --- Story: internal migrants in Kazakhstan ----------------------------------------------
    "New trades and steadier incomes for 50 internal migrants in Kazakhstan": (
        "Новые профессии и более стабильный доход для 50 внутренних мигрантов в Казахстане"
    ),
    (
        "With temporary jobs the first to go as COVID-19 unsettles the labour market, "
        "IOM Kazakhstan helped 50 people who moved within the country to learn new "
        "professions and earn a stable living."
    ): (
        "COVID-19 лихорадит рынок труда, и первыми исчезают временные рабочие места. "
        "МОМ в Казахстане помогла 50 людям, переехавшим внутри страны, освоить новые "
        "профессии и получить стабильный заработок."
    ),
    "Illustration: a workbench with a shoe and a hammer, shoe lasts on a shelf above.": (
        "Иллюстрация: верстак с ботинком и молотком, над ним на полке сапожные колодки."
    ),
    "A shoemaker in Kostanay, one of the 50 people supported.": (
        "Сапожник из Костаная — один из 50 человек, получивших поддержку."
    ),
    (
        "When a crisis hits, temporary workers in labour-intensive sectors are usually the "
        "first to lose their jobs. The COVID-19 pandemic is still unsettling the labour "
        "market, and people who have moved within Kazakhstan to find work are among those "
        "most exposed."
    ): (
        "Когда наступает кризис, первыми работу обычно теряют временные работники "
        "трудоемких отраслей. Пандемия COVID-19 по-прежнему лихорадит рынок труда, и люди, "
        "переехавшие в поисках работы в другие регионы Казахстана, — среди самых уязвимых."
    ),
    (
        "IOM Kazakhstan offered integration assistance to 50 internal migrants in vulnerable "
        "situations. The support let them train for new professions and put their earnings "
        "on a more permanent footing."
    ): (
        "МОМ в Казахстане помогла с интеграцией 50 внутренним мигрантам, оказавшимся "
        "в уязвимом положении. Благодаря этой поддержке они смогли выучиться новым "
        "профессиям и обеспечить себе более стабильный заработок."
    ),
    "internal migrants helped into new professions": (
        "внутренних мигрантов освоили новые профессии"
    ),
    "A new trade in Kostanay": "Новое ремесло в Костанае",
    (
        "Among them is a shoemaker in Kostanay, whose workshop is pictured in this story's "
        "photo gallery."
    ): (
        "Среди них — сапожник из Костаная, чью мастерскую можно увидеть в фотогалерее "
        "к этому материалу."
    ),
    # --- Story: the Almaty Process -------------------------------------------------------------
    "Almaty Process ministers discuss COVID-19 and migration in Central Asia": (
        "Министры стран Алматинского процесса обсудили COVID-19 и миграцию в Центральной Азии"
    ),
    (
        "On 27 January 2021 IOM and UNHCR convened the Ministerial Conference of the Almaty "
        "Process, where senior officials of ten member states and observers reviewed their "
        "joint work for refugees and migrants and planned what comes next."
    ): (
        "27 января 2021 года МОМ и УВКБ ООН созвали министерскую конференцию Алматинского "
        "процесса, на которой высокопоставленные представители десяти государств-членов "
        "и наблюдателей подвели итоги совместной работы в интересах беженцев и мигрантов "
        "и наметили дальнейшие шаги."
    ),
    "Illustration: ten circles joined by lines, like a network on a map.": (
        "Иллюстрация: десять кругов, соединенных линиями, словно сеть на карте."
    ),
    "The Almaty Process brings together ten member states and observers.": (
        "Алматинский процесс объединяет десять государств-членов и наблюдателей."
    ),
    (
        "IOM and UNHCR convened the Almaty Process at ministerial level on 27 January 2021. "
        "Its aim: to find answers to the regional challenges that arise where refugee "
        "protection and migration meet in Central Asia – challenges the COVID-19 pandemic "
        "has made harder."
    ): (
        "27 января 2021 года МОМ и УВКБ ООН собрали участников Алматинского процесса на "
        "министерском уровне. Цель встречи — найти ответы на региональные вызовы, которые "
        "возникают на стыке защиты беженцев и миграции в Центральной Азии и которые пандемия "
        "COVID-19 сделала еще острее."
    ),
    "27 Jan 2021": "27 января 2021",
    "date of the conference": "дата конференции",
    "member states and observers": "государств-членов и наблюдателей",
    "organisers: IOM and UNHCR": "организатора: МОМ и УВКБ ООН",
    "Who took part": "Кто принял участие",
    "High-level officials came from the member states and observers of the Almaty Process:": (
        "На конференцию приехали высокопоставленные должностные лица государств-членов "
        "и наблюдателей Алматинского процесса:"
    ),
    "Afghanistan": "Афганистан",
    "Azerbaijan": "Азербайджан",
    "Iran": "Иран",
    "Pakistan": "Пакистан",
    "Turkey": "Турция",
    "Taking stock, looking ahead": "Итоги и планы",
    (
        "Delegations reviewed what their joint work has achieved so far and discussed the "
        "next activities in support of migrants and refugees in the region."
    ): (
        "Делегации подвели итоги совместной работы и обсудили дальнейшие мероприятия "
        "в поддержку мигрантов и беженцев в регионе."
    ),
    'The story was first published by <a id="a1">IOM Kazakhstan</a>.': (
        'Впервые этот материал опубликовало <a id="a1">представительство МОМ в Казахстане</a>.'
    ),
    # --- Gallery: the shoemaker in Kostanay --------------------------------------------------
    "A shoemaker's new trade in Kostanay": "Новая профессия: сапожник из Костаная",
    "Kostanay": "Костанай",
    (
        "A shoemaker in Kostanay, one of 50 internal migrants whom IOM Kazakhstan helped to "
        "learn a new profession. The pictures are illustrations standing in for the report's "
        "photos."
    ): (
        "Сапожник из Костаная — один из 50 внутренних мигрантов, которым МОМ в Казахстане "
        "помогла освоить новую профессию. Вместо фотографий из отчета здесь показаны "
        "иллюстрации."
    ),
    "The workbench of a shoemaker in Kostanay.": "Верстак сапожника в Костанае.",
    "Illustration: a shoe on a workbench under a shelf of shoe lasts.": (
        "Иллюстрация: ботинок на верстаке под полкой с сапожными колодками."
    ),
    "Shoe repairs: a trade that brings a steady income.": (
        "Ремонт обуви — ремесло, которое приносит стабильный доход."
    ),
    "Illustration: a row of five simple white figures on a blue background.": (
        "Иллюстрация: ряд из пяти простых белых фигурок на синем фоне."
    ),
    "50 internal migrants learnt new professions.": (
        "50 внутренних мигрантов освоили новые профессии."
    ),
    # --- Story: the return operation ---------------------------------------------------------
    "Humanitarian operation helps 92 Central Asian migrants return and start again": (
        "Гуманитарная операция помогла 92 мигрантам из Центральной Азии вернуться домой "
        "и начать все заново"
    ),
    (
        "IOM helped 92 migrants – 70 from Kyrgyzstan, 19 from Uzbekistan and 3 from "
        "Tajikistan – to travel home and settle back into their communities."
    ): (
        "МОМ помогла 92 мигрантам — 70 из Кыргызстана, 19 из Узбекистана и 3 из "
        "Таджикистана — добраться домой и снова обустроиться в своих общинах."
    ),
    "Illustration: a simple figure holding a parcel beside a stack of food boxes.": (
        "Иллюстрация: простая фигурка с посылкой в руках рядом со стопкой продуктовых коробок."
    ),
    "Food aid is part of the help returning migrants receive.": (
        "Продуктовая помощь — часть поддержки, которую получают вернувшиеся мигранты."
    ),
    (
        "A humanitarian operation run by IOM has supported 92 migrants from three Central "
        "Asian countries, both on their journey home and in their first steps back into their "
        "communities. Most of them – 70 people – are citizens of Kyrgyzstan; 19 come from "
        "Uzbekistan and 3 from Tajikistan."
    ): (
        "Гуманитарная операция МОМ поддержала 92 мигрантов из трех стран Центральной Азии — "
        "и по дороге домой, и на первых порах после возвращения в родные общины. Большинство "
        "из них — 70 человек — граждане Кыргызстана, 19 человек — из Узбекистана и 3 — "
        "из Таджикистана."
    ),
    "Kyrgyz migrants": "мигрантов из Кыргызстана",
    "Uzbek migrants": "мигрантов из Узбекистана",
    "Tajik migrants": "мигранта из Таджикистана",
    "Help that does not stop at the border": "Помощь, которая не заканчивается на границе",
    (
        "Getting home is only the start. Reintegration support helps people who return to "
        "find their feet again, and it is part of IOM's continuing work with migrants in "
        "vulnerable situations and with victims of trafficking across the region."
    ): (
        "Вернуться домой — это только начало. Поддержка в реинтеграции помогает вернувшимся "
        "снова встать на ноги; она — часть постоянной работы МОМ с мигрантами в уязвимом "
        "положении и пострадавшими от торговли людьми по всему региону."
    ),
    "Free to call. The hotline keeps taking calls from migrants and their families.": (
        "Звонок бесплатный. Горячая линия продолжает принимать звонки от мигрантов и их семей."
    ),
    # --- Story: reintegration training -------------------------------------------------------
    "39 local officials and social workers trained to support returning migrants": (
        "39 представителей местной власти и социальных работников научились поддерживать "
        "вернувшихся мигрантов"
    ),
    (
        "IOM Kyrgyzstan and its NGO partners trained 39 people from local authorities and "
        "social services in six pilot districts of Osh, Batken and Jalal-Abad regions to help "
        "migrants who come home."
    ): (
        "МОМ в Кыргызстане и партнерские НПО обучили 39 сотрудников местных органов власти "
        "и социальных служб из шести пилотных районов Ошской, Баткенской и Джалал-Абадской "
        "областей помогать мигрантам, вернувшимся домой."
    ),
    "Illustration: an open book with lines of text on both pages.": (
        "Иллюстрация: раскрытая книга со строками текста на обеих страницах."
    ),
    (
        "The Reintegration Handbook, available in Kyrgyz and Russian, was the basis of the "
        "training."
    ): ("Основой обучения стало Руководство по реинтеграции на кыргызском и русском языках."),
    (
        "How to help migrants who come back home was the subject of training that IOM "
        "Kyrgyzstan and its NGO partners gave to 39 members of local authorities and social "
        "workers. They came from six pilot districts in the Osh, Batken and Jalal-Abad regions "
        "of the country's south."
    ): (
        "Как помочь мигрантам, вернувшимся домой, — этому было посвящено обучение, которое "
        "МОМ в Кыргызстане и партнерские НПО провели для 39 представителей местных органов "
        "власти и социальных работников. Они приехали из шести пилотных районов Ошской, "
        "Баткенской и Джалал-Абадской областей на юге страны."
    ),
    "local officials and social workers trained": (
        "представителей местной власти и социальных работников прошли обучение"
    ),
    "pilot districts": "пилотных районов",
    "regions: Osh, Batken, Jalal-Abad": "области: Ошская, Баткенская, Джалал-Абадская",
    "Built on the Reintegration Handbook": "На основе Руководства по реинтеграции",
    (
        "The sessions drew on the Reintegration Handbook written earlier in the project and "
        "available in both Kyrgyz and Russian. Its modules cover:"
    ): (
        "Занятия строились на Руководстве по реинтеграции, которое подготовили ранее "
        "в рамках проекта на кыргызском и русском языках. Его модули посвящены темам:"
    ),
    "economic reintegration": "экономическая реинтеграция",
    "social reintegration": "социальная реинтеграция",
    "psychosocial support": "психосоциальная поддержка",
    (
        "The training belongs to the project <i>Community Stabilization through Returned "
        "Migrant Reintegration in Kyrgyzstan and Tajikistan during and after COVID-19</i>."
    ): (
        "Обучение прошло в рамках проекта <i>«Стабилизация сообществ через реинтеграцию "
        "вернувшихся мигрантов в Кыргызстане и Таджикистане во время и после COVID-19»</i>."
    ),
    # --- Story: victim-centred interview facilities ------------------------------------------
    "Victim-centred interview facilities for the Criminal Militia Service": (
        "Помещения для опроса с учетом интересов пострадавших — для Службы криминальной милиции"
    ),
    (
        "IOM Kyrgyzstan refurbished and re-equipped two facilities, for pre-interviews and "
        "interviews, where the Criminal Militia Service of the Ministry of Interior can "
        "identify and refer victims of trafficking and other crimes."
    ): (
        "МОМ в Кыргызстане отремонтировала и заново оснастила два помещения — для "
        "предварительных бесед и для опросов, — где Служба криминальной милиции Министерства "
        "внутренних дел сможет выявлять пострадавших от торговли людьми и других преступлений "
        "и направлять их за помощью."
    ),
    "Illustration: a white building with two doors side by side.": (
        "Иллюстрация: белое здание с двумя дверями рядом."
    ),
    "Two facilities, one for pre-interviews and one for interviews.": (
        "Два помещения: одно для предварительных бесед, другое для опросов."
    ),
    (
        "Law-enforcement agencies are a core part of the National Referral Mechanism. They "
        "identify and protect victims of trafficking, and they investigate and prosecute the "
        "crime."
    ): (
        "Правоохранительные органы — ключевое звено Национального механизма перенаправления. "
        "Они выявляют и защищают пострадавших от торговли людьми, расследуют это "
        "преступление и привлекают виновных к ответственности."
    ),
    "Victims' needs first": "Прежде всего — потребности пострадавших",
    (
        "Prosecution alone is not enough. When officers attend first to the rights and needs "
        "of victims, they avoid hurting again people who have already been traumatised. Help "
        "that takes account of a person's age, gender or ethnicity prevents discrimination and "
        "makes protection last."
    ): (
        "Одного уголовного преследования недостаточно. Когда сотрудники в первую очередь "
        "думают о правах и потребностях пострадавших, они не ранят заново людей, которые уже "
        "пережили травму. Помощь с учетом возраста, пола или этнической принадлежности "
        "человека предотвращает дискриминацию и делает защиту долговременной."
    ),
    (
        "From the moment a victim is identified, the means to keep them physically and "
        "psychologically safe must be at hand: food, shelter, medical care, a source of "
        "income and psychological counselling."
    ): (
        "С момента выявления пострадавшего под рукой должно быть все, что нужно для его "
        "физической и психологической безопасности: питание, кров, медицинская помощь, "
        "источник дохода и психологическое консультирование."
    ),
    "Two facilities, refurbished and re-equipped": "Два помещения: ремонт и новое оснащение",
    (
        "To help the Criminal Militia Service of the Ministry of Interior of the Kyrgyz "
        "Republic work in a victim-centred way, IOM Kyrgyzstan refurbished and re-equipped two "
        "facilities, one for pre-interviews and one for interviews. Officers will use them to "
        "identify survivors of trafficking and of domestic violence, among other victims, and "
        "refer them for help."
    ): (
        "Чтобы Служба криминальной милиции Министерства внутренних дел Кыргызской Республики "
        "могла работать с учетом интересов пострадавших, МОМ в Кыргызстане отремонтировала "
        "и заново оснастила два помещения: одно для предварительных бесед, другое для "
        "опросов. В них сотрудники будут выявлять пострадавших от торговли людьми, домашнего "
        "насилия и других преступлений и направлять их за помощью."
    ),
    "facilities refurbished and re-equipped": "помещения отремонтированы и заново оснащены",
    # --- Gallery: food aid in Kyrgyzstan -----------------------------------------------------
    "Food aid for migrants returning to Kyrgyzstan": (
        "Продуктовая помощь мигрантам, вернувшимся в Кыргызстан"
    ),
    (
        "A Kyrgyz migrant receives food aid on returning home. The pictures are illustrations "
        "standing in for the report's photos."
    ): (
        "Мигрант из Кыргызстана после возвращения домой получает продуктовую помощь. Вместо "
        "фотографий из отчета здесь показаны иллюстрации."
    ),
    "A Kyrgyz migrant receives food aid.": "Мигрант из Кыргызстана получает продуктовую помощь.",
    "Illustration: a pyramid of white boxes tied with red tape, a figure beside them.": (
        "Иллюстрация: пирамида белых коробок, перевязанных красной лентой, рядом — фигурка."
    ),
    "Food parcels ready to be handed out.": "Продуктовые наборы готовы к раздаче.",
    "Illustration: a row of five simple white figures on a red-to-orange background.": (
        "Иллюстрация: ряд из пяти простых белых фигурок на красно-оранжевом фоне."
    ),
    "70 Kyrgyz migrants were helped to return and reintegrate.": (
        "70 мигрантам из Кыргызстана помогли вернуться домой и реинтегрироваться."
    ),
    # --- Story: migrants' health in Tajikistan -----------------------------------------------
    "Partners in Tajikistan plan joint action on migrants' health": (
        "Партнеры в Таджикистане планируют совместные действия по охране здоровья мигрантов"
    ),
    (
        "At a multisectoral working meeting on 21 January 2021, IOM Tajikistan and national "
        "partners discussed a joint plan for 2021 to promote the health of migrants."
    ): (
        "На межсекторальном рабочем совещании 21 января 2021 года МОМ в Таджикистане "
        "и национальные партнеры обсудили совместный план по укреплению здоровья мигрантов "
        "на 2021 год."
    ),
    "Illustration: six simple figures seated behind a long table with papers on it.": (
        "Иллюстрация: шесть простых фигурок сидят за длинным столом с бумагами."
    ),
    "The multisectoral working meeting on migrants' health, 21 January 2021.": (
        "Межсекторальное рабочее совещание по здоровью мигрантов, 21 января 2021 года."
    ),
    (
        "On 21 January 2021 IOM Tajikistan joined a multisectoral working meeting on "
        "promoting the health of migrants, called by the Republican Center on Healthy "
        "Lifestyle Promotion. Around the table were the Red Crescent Society of Tajikistan, "
        "the national centres for tuberculosis and for AIDS control, and the migration "
        "services."
    ): (
        "21 января 2021 года МОМ в Таджикистане приняла участие в межсекторальном рабочем "
        "совещании по укреплению здоровья мигрантов, которое созвал Республиканский центр "
        "формирования здорового образа жизни. За одним столом собрались Общество Красного "
        "Полумесяца Таджикистана, национальные центры по борьбе с туберкулезом и со СПИДом "
        "и миграционные службы."
    ),
    "A joint plan for 2021": "Совместный план на 2021 год",
    (
        "Participants agreed that a multisectoral Joint Action Plan on migrants' health is "
        "needed and proposed activities for 2021. National specialists asked IOM for technical "
        "support to draft the plan and a new National Programme on Promoting Healthy "
        "Lifestyle."
    ): (
        "Участники согласились, что нужен межсекторальный Совместный план действий по охране "
        "здоровья мигрантов, и предложили мероприятия на 2021 год. Национальные специалисты "
        "попросили МОМ о технической поддержке в разработке этого плана и новой Национальной "
        "программы формирования здорового образа жизни."
    ),
    "What IOM brought to the table": "Вклад МОМ",
    (
        "IOM explained how it meets migrants' health needs by combining several approaches "
        "with the migration services: peer education, work with the Tajik diaspora, and "
        "outreach both in the Russian Federation and in Tajikistan."
    ): (
        "МОМ рассказала, как вместе с миграционными службами заботится о здоровье мигрантов, "
        "сочетая несколько подходов: обучение по принципу «равный — равному», работу "
        "с таджикской диаспорой и информационную работу как в Российской Федерации, так и "
        "в Таджикистане."
    ),
    "A brochure in demand": "Востребованная брошюра",
    (
        "Participants praised the quality of a recent brochure, made by IOM Tajikistan "
        "together with national partners, on preventing sexually transmitted infections and "
        "HIV among people who work abroad. The Red Crescent requested an electronic copy so "
        "that it can print more and hand them out to Tajik migrants who have come back to "
        "Sughd Oblast."
    ): (
        "Участники высоко оценили новую брошюру о профилактике инфекций, передающихся половым "
        "путем, и ВИЧ среди людей, работающих за рубежом, которую МОМ в Таджикистане "
        "подготовила вместе с национальными партнерами. Красный Полумесяц попросил "
        "электронную версию, чтобы напечатать дополнительный тираж и раздать его таджикским "
        "мигрантам, вернувшимся в Согдийскую область."
    ),
    "Emergency cell number (Tajikistan)": "Мобильный номер для экстренной связи (Таджикистан)",
    "IOM Tajikistan's emergency number keeps taking calls.": (
        "Экстренный номер МОМ в Таджикистане продолжает принимать звонки."
    ),
    # --- Gallery: the meeting on migrants' health --------------------------------------------
    "Working meeting on migrants' health, 21 January 2021": (
        "Рабочее совещание по здоровью мигрантов, 21 января 2021 года"
    ),
    (
        "IOM Tajikistan and national partners met to plan joint work on the health of "
        "migrants. The pictures are illustrations standing in for the report's photos."
    ): (
        "МОМ в Таджикистане и национальные партнеры встретились, чтобы спланировать "
        "совместную работу по охране здоровья мигрантов. Вместо фотографий из отчета здесь "
        "показаны иллюстрации."
    ),
    "Partners met on 21 January 2021.": "Партнеры встретились 21 января 2021 года.",
    "Illustration: an open booklet with lines of text on both pages.": (
        "Иллюстрация: раскрытая брошюра со строками текста на обеих страницах."
    ),
    "The brochure on preventing STIs and HIV among migrant workers.": (
        "Брошюра о профилактике ИППП и ВИЧ среди трудовых мигрантов."
    ),
    "Illustration: a row of five simple white figures on a green background.": (
        "Иллюстрация: ряд из пяти простых белых фигурок на зеленом фоне."
    ),
    "Health, Red Crescent and migration services took part.": (
        "В совещании участвовали службы здравоохранения, Красный Полумесяц и миграционные службы."
    ),
    # --- The report issue --------------------------------------------------------------------
    "Regional Response Report, Issue 1": "Региональный отчет о мерах реагирования, выпуск 1",
    "Illustration: a report cover titled 'Regional Response Report, Issue 1'.": (
        "Иллюстрация: обложка отчета с заголовком «Региональный отчет о мерах реагирования, "
        "выпуск 1»."
    ),
    (
        "The first issue: help for returning and internal migrants, the Almaty Process "
        "ministerial conference, a working meeting on migrants' health in Tajikistan, and "
        "victim-centred interview facilities for the police in Kyrgyzstan."
    ): (
        "Первый выпуск: помощь вернувшимся и внутренним мигрантам, министерская конференция "
        "Алматинского процесса, рабочее совещание по здоровью мигрантов в Таджикистане "
        "и помещения для опроса с учетом интересов пострадавших в милиции Кыргызстана."
    ),
    "Direct assistance": "Прямая помощь",
    (
        "IOM keeps helping migrants in vulnerable situations and victims of trafficking: to "
        "return home, to learn a new trade, and to be welcomed back by local authorities who "
        "know how to help."
    ): (
        "МОМ продолжает помогать мигрантам в уязвимом положении и пострадавшим от торговли "
        "людьми: вернуться домой, освоить новую профессию и встретить дома поддержку местных "
        "властей, которые знают, как помочь."
    ),
    "Partnership in action": "Партнерство в действии",
    (
        "IOM and UNHCR brought the Almaty Process together at ministerial level to discuss "
        "how COVID-19 affects migration and refugee protection in the region."
    ): (
        "МОМ и УВКБ ООН собрали участников Алматинского процесса на министерском уровне, "
        "чтобы обсудить, как COVID-19 влияет на миграцию и защиту беженцев в регионе."
    ),
    "Addressing migrants' healthcare needs": "Медицинские потребности мигрантов",
    (
        "In Tajikistan, IOM and national partners started planning a year of joint work on "
        "migrants' health."
    ): (
        "В Таджикистане МОМ и национальные партнеры начали планировать совместную работу "
        "по охране здоровья мигрантов на год вперед."
    ),
    "Technical assistance for victim-centred facilities": (
        "Техническая помощь: помещения с учетом интересов пострадавших"
    ),
    "New facilities help the police in Kyrgyzstan put the needs of victims of trafficking first.": (
        "Новые помещения помогают милиции Кыргызстана ставить на первое место потребности "
        "пострадавших от торговли людьми."
    ),
}
