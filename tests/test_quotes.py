"""Statement rules end to end: one-line Arabic news sentences through ``extract.analyze`` with the fake NER.

Each case lists the statements expected, in text order, as ``(speaker, cue, content)``:

- ``speaker`` is a substring of the resolved speaker's canonical name, or None for no speaker;
- ``cue`` is the cue exactly as written (``":"`` for a colon quote);
- ``content`` is the exact content; a trailing ``…`` makes it a prefix.

An empty list means "no statement here". Known misses are ``xfail(strict=True)`` with the reason,
never a weakened expectation.
"""

from __future__ import annotations

import pytest

from extract import analyze
from extract.model import Analysis


def _xfail(text: str, expected: list[tuple[str | None, str, str]], reason: str) -> object:
    return pytest.param(text, expected, marks=pytest.mark.xfail(strict=True, reason=reason))


CASES = [
    # --- VSO: verb, title + name chain, adjuncts, complementizer -------------------------------------------
    ("قال وزير الخارجية الروسي سيرجي لافروف اليوم الثلاثاء إن موسكو مستعدة لاستئناف المحادثات مع واشنطن.",
     [("سيرجي لافروف", "قال", "موسكو مستعدة لاستئناف المحادثات مع واشنطن")]),
    ("وقال وزير الخارجية المصري، سامح شكري، إن القاهرة ترفض أي تدخل أجنبي في ليبيا.",
     [("سامح شكري", "وقال", "القاهرة ترفض أي تدخل أجنبي في ليبيا")]),
    ("وقال وزير الدفاع التركي خلوصي أكار إن القوات التركية ستبقى في المنطقة.",  # name unknown to the NER
     [("خلوصي أكار", "وقال", "القوات التركية ستبقى في المنطقة")]),
    ("وقالت المتحدثة باسم وزارة الخارجية الروسية ماريا زاخاروفا إن موسكو سترد بالمثل.",
     [("ماريا زاخاروفا", "وقالت", "موسكو سترد بالمثل")]),
    ("قال كيري، خلال مؤتمر صحفي مشترك مع نظيره الروسي سيرجي لافروف في جنيف، إن الطرفين اتفقا على وقف إطلاق النار.",
     [("كيري", "قال", "الطرفين اتفقا على وقف إطلاق النار")]),
    ("وأوضح أردوغان، في كلمة ألقاها أمام البرلمان، أن أنقرة لن تسمح بإقامة ممر إرهابي على حدودها.",
     [("أردوغان", "وأوضح", "أنقرة لن تسمح بإقامة ممر إرهابي على حدودها")]),
    ("وقال دي ميستورا الذي قام بزيارة استمرت يومين لدمشق :ان الحكومة مستعدة للحوار.",
     [("دي ميستورا", "وقال", "الحكومة مستعدة للحوار")]),
    ("وكان لافروف قد قال إن موسكو لن تشارك في مؤتمر باريس.",
     [("لافروف", "قال", "موسكو لن تشارك في مؤتمر باريس")]),
    ("كما أكد أبو الغيط أن الجامعة العربية تدعم جهود التهدئة.",
     [("أبو الغيط", "أكد", "الجامعة العربية تدعم جهود التهدئة")]),
    ("وأبلغ لافروف نظيره الأمريكي جون كيري أن موسكو لن تقبل بأي شروط مسبقة.",  # كيري is the addressee
     [("لافروف", "وأبلغ", "موسكو لن تقبل بأي شروط مسبقة")]),
    ("ودعا أبو الغيط إلى وقف فوري لإطلاق النار في ليبيا.",
     [("أبو الغيط", "ودعا", "وقف فوري لإطلاق النار في ليبيا")]),
    # --- SVO headlines ----------------------------------------------------------------------------------------
    ("كيري يؤكد أن الهدنة في حلب ما زالت صامدة رغم الخروقات",
     [("كيري", "يؤكد", "الهدنة في حلب ما زالت صامدة…")]),
    ("لافروف يحذر من انهيار الهدنة في سوريا",
     [("لافروف", "يحذر", "انهيار الهدنة في سوريا")]),
    # --- speaker after the quotation ------------------------------------------------------------------------
    ("«لن نقبل بأي تسوية على حساب الشعب السوري»، قال كيري في مؤتمر صحفي.",
     [("كيري", "قال", "لن نقبل بأي تسوية على حساب الشعب السوري")]),
    ("“نحن لا نثق بالوعود الأمريكية”، قالت زاخاروفا في إفادتها الأسبوعية.",
     [("زاخاروفا", "قالت", "نحن لا نثق بالوعود الأمريكية")]),
    ("«الاتفاق ما زال قائما»، قالت وزارة الخارجية الأمريكية في بيان.",
     [("وزارة الخارجية الأمريكية", "قالت", "الاتفاق ما زال قائما")]),
    ("«الوضع الإنساني في حلب كارثي»، بحسب غوتيريش.",
     [("غوتيريش", "بحسب", "الوضع الإنساني في حلب كارثي")]),
    ("وقال كيري إن الهدنة صامدة. «لن نتخلى عن حلفائنا»، وفق تعبيره.",
     [("كيري", "وقال", "الهدنة صامدة"), ("كيري", "وفق تعبيره", "لن نتخلى عن حلفائنا")]),
    # --- colon quotes (headlines) ---------------------------------------------------------------------------
    ("لافروف: الغرب يحاول فرض إرادته على دمشق",
     [("لافروف", ":", "الغرب يحاول فرض إرادته على دمشق")]),
    ("مصدر عسكري: القوات تقدمت نحو المدينة",
     [("مصدر عسكري", ":", "القوات تقدمت نحو المدينة")]),
    ('بوتين: "لن نتراجع عن أهدافنا في أوكرانيا"',
     [("بوتين", ":", "لن نتراجع عن أهدافنا في أوكرانيا")]),
    ("وزير الخارجية الروسي: لن نسمح بتقسيم سوريا",
     [("وزير الخارجية الروسي", ":", "لن نسمح بتقسيم سوريا")]),
    # --- continuation (pro-drop) with gender agreement --------------------------------------------------------
    ("وقالت زاخاروفا إن موسكو لم تتلق أي طلب رسمي. وأضافت أن الحوار مع واشنطن متوقف منذ أشهر.",
     [("زاخاروفا", "وقالت", "موسكو لم تتلق أي طلب رسمي"),
      ("زاخاروفا", "وأضافت", "الحوار مع واشنطن متوقف منذ أشهر")]),
    ("وقال كيري إن واشنطن ستواصل دعم المعارضة. وقالت زاخاروفا إن هذا الدعم يطيل الحرب. "
     "وأضاف أن بلاده لن تتخلى عن حلفائها.",
     [("كيري", "وقال", "واشنطن ستواصل دعم المعارضة"),
      ("زاخاروفا", "وقالت", "هذا الدعم يطيل الحرب"),
      ("كيري", "وأضاف", "بلاده لن تتخلى عن حلفائها")]),  # masculine وأضاف skips the feminine speaker
    ("وقالت زاخاروفا إن العقوبات لن تغير موقف موسكو. وأضاف لافروف أن الحوار ممكن.",
     [("زاخاروفا", "وقالت", "العقوبات لن تغير موقف موسكو"), ("لافروف", "وأضاف", "الحوار ممكن")]),
    ("وقال قادة في المعارضة إن الهدنة انهارت، وقالوا إنهم سيردون على أي خرق.",
     [("قادة في المعارضة", "وقال", "الهدنة انهارت"), ("قادة في المعارضة", "وقالوا", "سيردون على أي خرق")]),
    ("وقال كيري إن الهدنة صامدة. وأضاف: «سنواصل العمل مع شركائنا».",
     [("كيري", "وقال", "الهدنة صامدة"), ("كيري", "وأضاف", "سنواصل العمل مع شركائنا")]),
    ("وقالت زاخاروفا إن الغرب يكذب، حيث تابعت: «لا أحد يصدق هذه الرواية».",
     [("زاخاروفا", "وقالت", "الغرب يكذب"), ("زاخاروفا", "تابعت", "لا أحد يصدق هذه الرواية")]),
    # --- participles of manner start a new statement by the same speaker -------------------------------------
    ("وقال الوزير إن المفاوضات ستستأنف الأسبوع المقبل، مضيفا أن الوفد سيصل إلى جنيف يوم الأحد.",
     [("الوزير", "وقال", "المفاوضات ستستأنف الأسبوع المقبل"),
      ("الوزير", "مضيفا", "الوفد سيصل إلى جنيف يوم الأحد")]),
    ("وأكدت ميركل أن أوروبا لن تغلق حدودها، مؤكدةً أن ألمانيا ستستقبل المزيد من اللاجئين.",
     [("ميركل", "وأكدت", "أوروبا لن تغلق حدودها"), ("ميركل", "مؤكدةً", "ألمانيا ستستقبل المزيد من اللاجئين")]),
    ("وقال لافروف إن الاتفاق هش، مضيفًا أن موسكو ستراقب تنفيذه.",
     [("لافروف", "وقال", "الاتفاق هش"), ("لافروف", "مضيفًا", "موسكو ستراقب تنفيذه")]),
    ("وقال ماكرون إن فرنسا ستشارك في القمة، مشيرا إلى أن باريس تريد حلا دبلوماسيا.",
     [("ماكرون", "وقال", "فرنسا ستشارك في القمة"), ("ماكرون", "مشيرا", "باريس تريد حلا دبلوماسيا")]),
    # --- relays: the outlet is the channel, the relayed person speaks ----------------------------------------
    ("ونقلت وكالة إنترفاكس عن بوتين قوله إن روسيا لن تنسحب من الاتفاق.",
     [("بوتين", "ونقلت", "روسيا لن تنسحب من الاتفاق")]),
    ("ونسبت وكالة رويترز إلى مسؤول أوروبي قوله إن العقوبات ستمدد ستة أشهر.",
     [("مسؤول أوروبي", "ونسبت", "العقوبات ستمدد ستة أشهر")]),
    ('ونقلت وكالة تاس عن "زاخاروفا" قولها إن الغرب يكذب.',
     [("زاخاروفا", "ونقلت", "الغرب يكذب")]),
    ("وبحسب ما نقلت وكالة رويترز عن مصادر دبلوماسية، فإن الاتفاق بات وشيكا.",
     [("مصادر دبلوماسية", "وبحسب ما", "الاتفاق بات وشيكا")]),
    # --- addressees are not speakers ------------------------------------------------------------------------
    ("قال لافروف للصحفيين إن الحل السياسي هو الخيار الوحيد.",
     [("لافروف", "قال", "الحل السياسي هو الخيار الوحيد")]),
    ("قال كيري لوكالة رويترز إن المحادثات كانت بناءة.",
     [("كيري", "قال", "المحادثات كانت بناءة")]),
    ("وقالت زاخاروفا لقناة «روسيا اليوم» إن موسكو لن ترد على الاستفزازات.",
     [("زاخاروفا", "وقالت", "موسكو لن ترد على الاستفزازات")]),
    # --- organisations and outlets as speakers --------------------------------------------------------------
    ("وقالت وزارة الخارجية الروسية في بيان إن السفير الأمريكي استدعي إلى مقر الوزارة.",
     [("وزارة الخارجية الروسية", "وقالت", "السفير الأمريكي استدعي إلى مقر الوزارة")]),
    ("وأكد الكرملين أن بوتين لا ينوي لقاء الرئيس الأوكراني.",
     [("الكرملين", "وأكد", "بوتين لا ينوي لقاء الرئيس الأوكراني")]),
    ("وأفاد المرصد السوري لحقوق الإنسان بأن الاشتباكات تجددت في ريف إدلب.",
     [("المرصد السوري لحقوق الإنسان", "وأفاد", "الاشتباكات تجددت في ريف إدلب")]),
    ("وقالت وكالة إنترفاكس إن الطائرة هبطت بسلام في موسكو.",
     [("وكالة إنترفاكس", "وقالت", "الطائرة هبطت بسلام في موسكو")]),
    ('ذكرت صحيفة "واشنطن بوست" أن الإدارة تدرس خيارات عسكرية.',
     [("واشنطن بوست", "ذكرت", "الإدارة تدرس خيارات عسكرية")]),
    ("وجاء في بيان لوزارة الخارجية أن السفير استدعي للتشاور.",
     [("وزارة الخارجية", "وجاء في بيان", "السفير استدعي للتشاور")]),
    # --- unnamed sources ------------------------------------------------------------------------------------
    ("قال مسؤول أميركي إن واشنطن تدرس فرض عقوبات جديدة على طهران.",
     [("مسؤول أميركي", "قال", "واشنطن تدرس فرض عقوبات جديدة على طهران")]),
    ("وقال مصدر أمني طلب عدم الكشف عن اسمه إن الهجوم أسفر عن مقتل ثلاثة جنود.",
     [("مصدر أمني", "وقال", "الهجوم أسفر عن مقتل ثلاثة جنود")]),
    ("وقالت مصادر في المعارضة لوكالة فرانس برس إن المقاتلين انسحبوا.",
     [("مصادر في المعارضة", "وقالت", "المقاتلين انسحبوا")]),
    ("ويقول محللون إن الانتخابات لن تغير شيئا.",
     [("محللون", "ويقول", "الانتخابات لن تغير شيئا")]),
    # --- nominal attribution --------------------------------------------------------------------------------
    ("وبحسب المرصد السوري لحقوق الإنسان، قتل عشرة مدنيين في قصف على إدلب.",
     [("المرصد السوري لحقوق الإنسان", "وبحسب", "قتل عشرة مدنيين في قصف على إدلب")]),
    ("وحسب الأمم المتحدة، فإن أكثر من مليون شخص نزحوا من ديارهم.",
     [("الأمم المتحدة", "وحسب", "أكثر من مليون شخص نزحوا من ديارهم")]),
    ("وارتفع عدد القتلى إلى خمسين شخصا، بحسب وكالة رويترز.",
     [("رويترز", "بحسب", "وارتفع عدد القتلى إلى خمسين شخصا")]),
    ("ونقلا عن مصادر في المعارضة، فإن المقاتلين انسحبوا من المدينة.",
     [("مصادر في المعارضة", "ونقلا عن", "المقاتلين انسحبوا من المدينة")]),
    ("ووفقاً لـ وزارة الصحة، ارتفع عدد الضحايا إلى أكثر من مئة شخص.",
     [("وزارة الصحة", "ووفقاً لـ", "ارتفع عدد الضحايا إلى أكثر من مئة شخص")]),
    ("وفقا لوزارة الصحة، ارتفع عدد الضحايا إلى أكثر من مئة شخص.",
     [("وزارة الصحة", "وفقا", "ارتفع عدد الضحايا إلى أكثر من مئة شخص")]),
    ("وفق ما أعلنت وزارة الصحة، ارتفع عدد الضحايا إلى أكثر من مئة شخص.",
     [("وزارة الصحة", "وفق ما", "ارتفع عدد الضحايا إلى أكثر من مئة شخص")]),
    # --- direct quotations in every mark style --------------------------------------------------------------
    ("وقال لافروف: «لن نسمح بتقسيم سوريا».",
     [("لافروف", "وقال", "لن نسمح بتقسيم سوريا")]),
    ('وقال كيري "إن الولايات المتحدة لن تتراجع عن التزاماتها".',
     [("كيري", "وقال", "الولايات المتحدة لن تتراجع عن التزاماتها")]),
    ("وقالت ميركل: “على أوروبا أن تتحمل مسؤولياتها”.",
     [("ميركل", "وقالت", "على أوروبا أن تتحمل مسؤولياتها")]),
    ("وقال أردوغان: »تركيا لن تقف مكتوفة الأيدي أمام هذه الهجمات«.",
     [("أردوغان", "وقال", "تركيا لن تقف مكتوفة الأيدي أمام هذه الهجمات")]),
    ("وقال نتنياهو: ”إسرائيل ستدافع عن نفسها بكل الوسائل“.",
     [("نتنياهو", "وقال", "إسرائيل ستدافع عن نفسها بكل الوسائل")]),
    ("وقالت ليلى حداد: 'لم نتلق أي مساعدات منذ أسبوعين'.",
     [("ليلى حداد", "وقالت", "لم نتلق أي مساعدات منذ أسبوعين")]),
    ("وقال لافروف: «الوضع صعب. لكننا متفائلون بالتوصل إلى حل».",  # one statement across the inner full stop
     [("لافروف", "وقال", "الوضع صعب. لكننا متفائلون بالتوصل إلى حل")]),
    # --- mixed quotes: a quoted fragment inside reported speech -------------------------------------------------
    ("وقالت زاخاروفا إن الغرب «يكيل بمكيالين».",
     [("زاخاروفا", "وقالت", "الغرب «يكيل بمكيالين»")]),
    # --- more attribution patterns ---------------------------------------------------------------------------
    ("ورد لافروف على سؤال حول العقوبات قائلا إن روسيا لا تخشاها.",
     [("لافروف", "قائلا", "روسيا لا تخشاها")]),
    ("وقال لافروف إن الحل سياسي، بينما أكد كيري أن الخيار العسكري مطروح.",
     [("لافروف", "وقال", "الحل سياسي"), ("كيري", "أكد", "الخيار العسكري مطروح")]),
    ('ونقلت صحيفة "وول ستريت جورنال" عن مسؤولين أمريكيين قولهم إن الضربة وشيكة.',
     [("مسؤولين أمريكيين", "ونقلت", "الضربة وشيكة")]),
    ('وأوضح لافروف أن "الحوار هو السبيل الوحيد"، لافتا إلى أن موسكو قدمت مقترحات عدة.',
     [("لافروف", "وأوضح", "الحوار هو السبيل الوحيد"), ("لافروف", "لافتا", "موسكو قدمت مقترحات عدة")]),
    ("«لم يبق لنا شيء»، يقول أحد السكان.",
     [("أحد السكان", "يقول", "لم يبق لنا شيء")]),
    ("وقالت إحدى الناشطات إن الوضع صعب.",
     [("إحدى الناشطات", "وقالت", "الوضع صعب")]),
    ("وقال لافروف إن موسكو مستعدة للحوار، في حين قالت زاخاروفا إن الغرب غير جاد.",
     [("لافروف", "وقال", "موسكو مستعدة للحوار"), ("زاخاروفا", "قالت", "الغرب غير جاد")]),
    ("قال وزير الخارجية الإيراني إن طهران لن تتفاوض تحت الضغط، فيما قال نظيره الفرنسي إن باريس تريد حلا.",
     [("وزير الخارجية الإيراني", "قال", "طهران لن تتفاوض تحت الضغط"),
      ("نظيره الفرنسي", "قال", "باريس تريد حلا")]),
    ("أعلن الجيش السيطرة على البلدة بعد معارك عنيفة.",
     [("الجيش", "أعلن", "السيطرة على البلدة…")]),
    ("وأكدت القوات المسلحة على أن الوضع مستقر.",  # على belongs to the verb here
     [("القوات المسلحة", "وأكدت", "الوضع مستقر")]),
    # --- appositions, prepositions, verbal nouns -----------------------------------------------------------
    ("وأكد لافروف، الدبلوماسي المخضرم، على ضرورة الحوار مع الغرب.",
     [("لافروف", "وأكد", "ضرورة الحوار مع الغرب")]),
    ("وأكد كيري أحد أبرز المفاوضين على أن الاتفاق صامد.",
     [("كيري", "وأكد", "الاتفاق صامد")]),
    ("ودأب الرؤساء السابقون على حث أوروبا على زيادة الإنفاق العسكري.", []),
    ("أعلنت قوى الأمن الداخلي أن الحقيبة خالية من المتفجرات.",
     [("قوى الأمن الداخلي", "أعلنت", "الحقيبة خالية من المتفجرات")]),
    ("وبحسب رئيس اللجنة العليا للإغاثة، فإن المليشيا نهبت عشرات السفن.",
     [("رئيس اللجنة العليا للإغاثة", "وبحسب", "المليشيا نهبت عشرات السفن")]),
    ("دعا الاتحاد الأوروبي الحكومة الإسرائيلية إلى مراجعة قراراتها.",  # the object is no part of the name
     [("الاتحاد الأوروبي", "دعا", "الحكومة الإسرائيلية إلى مراجعة قراراتها")]),
    ("وقالت القيادة العامة للقوات المسلحة إن الهدنة صامدة.",
     [("القيادة العامة للقوات المسلحة", "وقالت", "الهدنة صامدة")]),
    ("وتابع المصدر بالقول إن المفاوضات متعثرة.",
     [("المصدر", "وتابع", "المفاوضات متعثرة")]),
    ("أعلن لافروف استقالته من منصبه.", [("لافروف", "أعلن", "استقالته من منصبه")]),
    ("أعلن استقالته من منصبه.", []),  # «his resignation» is the object, not an unknown name
    ("وقالت حقاً إن الأمر مجرد دعابة.", []),  # an adverb with tanween is no speaker
    ("وقال لافروف كرئيس للوفد إن المحادثات مثمرة.",
     [("لافروف", "وقال", "المحادثات مثمرة")]),
    ("وقال المبعوث الأممي لأعضاء المجلس إن الوضع خطير.",  # the council members are addressed
     [("المبعوث الأممي", "وقال", "الوضع خطير")]),
    ('ونسب مراسل (بي.بي.سي) ستيف روزنبرج إلى بوتين قوله "روسيا لا تريد الحرب".',
     [("بوتين", "ونسب", "روسيا لا تريد الحرب")]),
    ("وأكد السيد لافروف أن المحادثات مثمرة.", [("لافروف", "وأكد", "المحادثات مثمرة")]),
    ("قالت الروسية زاخاروفا إن الغرب يكيل بمكيالين.",  # a nationality used as a noun before the name
     [("زاخاروفا", "قالت", "الغرب يكيل بمكيالين")]),
    ("أدانت الأمانة العامة لهيئة كبار العلماء الهجوم على المسجد.",
     [("الأمانة العامة لهيئة كبار العلماء", "أدانت", "الهجوم على المسجد")]),
    ("وقال المتحدث باسم الخارجية ورئيس اللجنة الإعلامية في مجلس الوزراء، جون كيري، إن الاتفاق صامد.",
     [("جون كيري", "وقال", "الاتفاق صامد")]),  # two roles of one person, the body after في
    ('وقال لافروف إن الحل سياسي. وأضاف وهو يقف إلى جانب نظيره "لن نتراجع عن مواقفنا".',
     [("لافروف", "وقال", "الحل سياسي"), ("لافروف", "وأضاف", "لن نتراجع عن مواقفنا")]),
    ("ومنذ أعلنت الحكومة أن الانتخابات ستجري في موعدها، تصاعد التوتر في البلاد.",  # a subordinate clause
     [("الحكومة", "أعلنت", "الانتخابات ستجري في موعدها")]),
    ("وعندما قال لافروف إن الحل سياسي، رد كيري بأن الخيار العسكري قائم.",
     [("لافروف", "قال", "الحل سياسي"), ("كيري", "رد", "الخيار العسكري قائم")]),
    ("واختتم لافروف كلمته بالقول: «سنبقى أوفياء لحلفائنا».",
     [("لافروف", "واختتم", "سنبقى أوفياء لحلفائنا")]),
    # --- litotes keep their content -------------------------------------------------------------------------
    ("ولم يستبعد لافروف أن تستأنف المحادثات الشهر المقبل.",
     [("لافروف", "يستبعد", "تستأنف المحادثات الشهر المقبل")]),
    # --- negatives ------------------------------------------------------------------------------------------
    ("وتبنى تنظيم «داعش» الهجوم على الحاجز العسكري.", []),
    ('ونشرت صحيفة "واشنطن بوست" تقريرا مطولا عن الحرب.', []),
    ("يذكر أن المفاوضات توقفت منذ شهرين.", []),
    ("والجدير بالذكر أن المفاوضات توقفت منذ شهرين.", []),
    ("ويشار إلى أن الجيش السوري استعاد السيطرة على المدينة العام الماضي.", []),
    ("ولم يقل لافروف إن موسكو ستسحب قواتها.", []),
    ("ولن يعلن الجيش أي تفاصيل عن العملية.", []),
    ("وامتنع المتحدث باسم الكرملين عن التعليق.", []),
    ("وسيقول الرئيس في خطابه إن الحرب انتهت.", []),
    ("وحاول الوسطاء التوصل إلى اتفاق، إلا أن المحادثات فشلت.", []),
]


def _check_spans(analysis: Analysis) -> None:
    text = analysis.article.text
    for q in analysis.quotes:
        assert text[q.content.start : q.content.end] == q.content.text
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text
        if q.mention is not None:
            assert text[q.mention.start : q.mention.end] == q.mention.text


def _matches(expected: tuple[str | None, str, str], got: tuple[str | None, str | None, str]) -> bool:
    speaker, cue, content = expected
    got_speaker, got_cue, got_content = got
    if speaker is None:
        speaker_ok = got_speaker is None
    else:
        speaker_ok = got_speaker is not None and speaker in got_speaker
    if content.endswith("…"):
        content_ok = got_content.startswith(content[:-1])
    else:
        content_ok = got_content == content
    return speaker_ok and got_cue == cue and content_ok


@pytest.mark.parametrize("text, expected", CASES, ids=[f"s{i:02d}" for i in range(len(CASES))])
def test_statements(text: str, expected: list[tuple[str | None, str, str]], fake_ner) -> None:
    analysis = analyze(text, ner=fake_ner)
    _check_spans(analysis)
    got = [
        (q.speaker.name if q.speaker else None, q.cue.text if q.cue else None, q.content.text)
        for q in analysis.quotes
    ]
    assert len(got) == len(expected) and all(_matches(e, g) for e, g in zip(expected, got)), f"{text}\n got {got}"


# The speaker's canonical name exactly: an addressee (لوكالة …، لقناة …، للصحفيين) must not leak into it.
ADDRESSEES = [
    ("قال لافروف للصحفيين إن الحل السياسي هو الخيار الوحيد.", "لافروف"),
    ("قال كيري لوكالة رويترز إن المحادثات كانت بناءة.", "كيري"),
    ("وقال وزير الخارجية الروسي سيرجي لافروف لوكالة تاس إن الاجتماع ألغي.", "سيرجي لافروف"),
    ("وقالت زاخاروفا لقناة «روسيا اليوم» إن موسكو لن ترد على الاستفزازات.", "زاخاروفا"),
    ("وقالت مصادر في المعارضة لوكالة فرانس برس إن المقاتلين انسحبوا.", "مصادر في المعارضة"),
    ("وصرح المتحدث باسم الجيش لوكالة الأناضول بأن القوات تقدمت نحو المدينة.", "المتحدث باسم الجيش"),
    ("ونفى وزير الخارجية الأميركي لقناة “العربية” أن تكون بلاده قد غيرت موقفها.", "وزير الخارجية الأميركي"),
]


@pytest.mark.parametrize("text, speaker", ADDRESSEES, ids=[f"a{i}" for i in range(len(ADDRESSEES))])
def test_addressee_is_not_the_speaker(text: str, speaker: str, fake_ner) -> None:
    (quote,) = analyze(text, ner=fake_ner).quotes
    assert quote.speaker is not None
    assert quote.speaker.name == speaker
    assert quote.mention is not None and quote.mention.text.endswith(speaker)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("وقال لافروف: «لن نسمح بتقسيم سوريا».", "direct"),
        ("وقالت ميركل: “على أوروبا أن تتحمل مسؤولياتها”.", "direct"),
        ("وقال أردوغان: »تركيا لن تقف مكتوفة الأيدي أمام هذه الهجمات«.", "direct"),
        ("وقال نتنياهو: ”إسرائيل ستدافع عن نفسها بكل الوسائل“.", "direct"),
        ('وقال كيري "إن الولايات المتحدة لن تتراجع عن التزاماتها".', "direct"),
        ("وقالت ليلى حداد: 'لم نتلق أي مساعدات منذ أسبوعين'.", "direct"),
        ("«لن نقبل بأي تسوية على حساب الشعب السوري»، قال كيري في مؤتمر صحفي.", "direct"),
        ("قال لافروف للصحفيين إن الحل السياسي هو الخيار الوحيد.", "indirect"),
        ("وقالت زاخاروفا إن الغرب «يكيل بمكيالين».", "indirect"),
        ('وقال لافروف إن "داعش" يتراجع في سوريا.', "indirect"),
    ],
)
def test_kind(text: str, kind: str, fake_ner) -> None:
    (quote,) = analyze(text, ner=fake_ner).quotes
    assert quote.kind == kind


@pytest.mark.parametrize(
    "text, speaker_type",
    [
        ("قال وزير الخارجية الروسي سيرجي لافروف اليوم إن موسكو مستعدة للحوار.", "PERS"),
        ("وقالت وزارة الخارجية الروسية في بيان إن السفير استدعي.", "ORG"),
        ("وأكد الكرملين أن بوتين لا ينوي لقاء الرئيس الأوكراني.", "ORG"),
        ("قال مسؤول أميركي إن واشنطن تدرس فرض عقوبات جديدة.", "UNNAMED"),
        ("وقالت مصادر مطلعة إن الاجتماع تأجل إلى الأسبوع المقبل.", "UNNAMED"),
    ],
)
def test_speaker_type(text: str, speaker_type: str, fake_ner) -> None:
    (quote,) = analyze(text, ner=fake_ner).quotes
    assert quote.speaker is not None and quote.speaker.type == speaker_type


def test_continuation_crosses_paragraphs(fake_ner) -> None:
    text = "قال كيري إن الاتفاق صامد.\n\nوأضاف أن واشنطن ستراقب الوضع عن كثب."
    quotes = analyze(text, ner=fake_ner).quotes
    assert [(q.speaker.name if q.speaker else None, q.content.text) for q in quotes] == [
        ("كيري", "الاتفاق صامد"),
        ("كيري", "واشنطن ستراقب الوضع عن كثب"),
    ]


def test_new_speaker_resets_continuation(fake_ner) -> None:
    text = "وقال لافروف إن الاتفاق يشمل حلب.\nمن جهتها، قالت زاخاروفا إن الغرب يكذب.\nوأضافت أن موسكو سترد."
    quotes = analyze(text, ner=fake_ner).quotes
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["لافروف", "زاخاروفا", "زاخاروفا"]


def test_statement_without_speaker_is_left_out_unless_asked_for(fake_ner) -> None:
    text = "وأضاف أن واشنطن ستراقب الوضع عن كثب."
    assert analyze(text, ner=fake_ner).quotes == ()
    (quote,) = analyze(text, ner=fake_ner, keep_unattributed=True).quotes
    assert quote.speaker is None and quote.content.text == "واشنطن ستراقب الوضع عن كثب"


def test_one_speaker_across_name_forms(fake_ner) -> None:
    text = "قال وزير الخارجية الروسي سيرجي لافروف إن موسكو مستعدة للحوار.\nوقال لافروف إن الحل سياسي."
    analysis = analyze(text, ner=fake_ner)
    assert len(analysis.speakers) == 1
    assert {q.speaker.name for q in analysis.quotes if q.speaker} == {"سيرجي لافروف"}


def test_repeated_paragraph_counts_once(fake_ner) -> None:
    para = "قال لافروف إن موسكو مستعدة لاستئناف المحادثات مع واشنطن."
    quotes = analyze(f"{para}\n\n{para}", ner=fake_ner).quotes
    assert [q.content.text for q in quotes] == ["موسكو مستعدة لاستئناف المحادثات مع واشنطن"]


def test_nothing_after_body_end(fake_ner) -> None:
    text = "قال لافروف إن الحل سياسي.\nمقالات ذات صلة\nقال كيري إن الاتفاق صامد."
    quotes = analyze(text, ner=fake_ner).quotes
    assert [q.speaker.name for q in quotes if q.speaker] == ["لافروف"]


@pytest.mark.parametrize("text", ["", "   \n\n ", "«", "»«", "قال", "قال إن", ":", "لافروف:", "\"'«»“”"])
def test_degenerate_input_never_fails(text: str, fake_ner) -> None:
    analysis = analyze(text, ner=fake_ner)
    _check_spans(analysis)


def test_a_one_word_statement_is_not_reported_but_passes_its_speaker_on(fake_ner) -> None:
    text = "وأبدت وزارة الخارجية الفرنسية الثلاثاء تخوفها. وقالت إنه من المحتمل أن تختفي الأدلة."
    quotes = analyze(text, ner=fake_ner).quotes
    assert [(q.content.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("من المحتمل أن تختفي الأدلة", "وزارة الخارجية الفرنسية")]


def test_the_noun_ray_is_not_the_verb_raa(fake_ner) -> None:
    # رأي (opinion) and رأى (he held) normalize alike; the ي spelling is the noun unless أن follows
    text = ("وقالت وزيرة الداخلية البريطانية تيريزا ماي ونظيرها الفرنسي برنار كازنوف في مقال رأي مشترك نشر "
            "في صحيفة «صنداي تلغراف»: «لا توجد حلول سهلة».")
    ner = fake_ner.with_entities({"تيريزا ماي": "PERS", "برنار كازنوف": "PERS", "صنداي تلغراف": "ORG"})
    quotes = analyze(text, ner=ner).quotes
    assert [(q.content.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("لا توجد حلول سهلة", "تيريزا ماي")]
    (quote,) = analyze("ورأى الوزير أن الحل قريب.", ner=fake_ner).quotes
    assert quote.content.text == "الحل قريب"


def test_a_title_after_the_name_does_not_become_the_object(fake_ner) -> None:
    text = ("أكد محمد الهادي السافر رئيس مكتب الدراسات للإدارة العامة للديوانة في مداخلة له اليوم الإثنين "
            "أن الطابع الجبائي ليس جديدا.")
    ner = fake_ner.with_entities({"محمد الهادي السافر": "PERS"})
    (quote,) = analyze(text, ner=ner).quotes
    assert quote.content.text == "الطابع الجبائي ليس جديدا"
    assert quote.speaker is not None and quote.speaker.name == "محمد الهادي السافر"


def test_one_common_word_after_a_title_is_the_object_not_a_name(fake_ner) -> None:
    (quote,) = analyze("ونفى الوزير وجود أي اتفاق مع المعارضة.", ner=fake_ner).quotes
    assert quote.content.text == "وجود أي اتفاق مع المعارضة"
    assert quote.mention is not None and quote.mention.text == "الوزير"


def test_a_body_named_for_its_fields_keeps_them_all(fake_ner) -> None:
    text = "أعلنت الهيئة السعودية للمواصفات والمقاييس والجودة عن إلزامها جميع مصنعي السيارات بمتطلبات السلامة."
    ner = fake_ner.with_entities({"الهيئة السعودية": "ORG"})
    (quote,) = analyze(text, ner=ner).quotes
    assert quote.mention is not None and quote.mention.text == "الهيئة السعودية للمواصفات والمقاييس والجودة"
    assert quote.content.text == "إلزامها جميع مصنعي السيارات بمتطلبات السلامة"


def test_a_verb_in_a_relative_clause_with_its_own_subject_reports_nothing(fake_ner) -> None:
    text = "وأوضح الوزير خالد العلي أن قتل النفس من الموبقات التي حذر النبي منها في أحاديث كثيرة."
    quotes = analyze(text, ner=fake_ner.with_entities({"النبي": "PERS", "خالد العلي": "PERS"})).quotes
    assert [q.content.text for q in quotes] == ["قتل النفس من الموبقات التي حذر النبي منها في أحاديث كثيرة"]
    # without a subject of its own, the relative clause's verb speaks for the antecedent
    text = "وكرم المدير العقيد محمد الغامدي، الذي أكد على اهتمام الإدارة بتطوير الأداء."
    quotes = analyze(text, ner=fake_ner.with_entities({"محمد الغامدي": "PERS"})).quotes
    assert [q.content.text for q in quotes] == ["اهتمام الإدارة بتطوير الأداء"]


@pytest.mark.parametrize(
    "text, content",
    [("وبين الوزير الطريفي، أن مجلس الوزراء نوه بعمل الأجهزة.", ["مجلس الوزراء نوه بعمل الأجهزة"]),
     ("كما بين المصدر أن المنهجية الموحدة ستعتمد.", ["المنهجية الموحدة ستعتمد"]),
     ("وبين الجانبين خلافات كبيرة حول الحدود.", []),  # «and between the two sides»
     ("وقع الاتفاق بين البلدين الوزير الطريفي أن العلاقات قوية.", [])],  # a preposition with no verb context
)
def test_bayyana_is_a_cue_only_where_a_verb_stands(text: str, content: list[str], fake_ner) -> None:
    quotes = analyze(text, ner=fake_ner.with_entities({"الطريفي": "PERS"}), keep_unattributed=True).quotes
    assert [q.content.text for q in quotes] == content


@pytest.mark.parametrize(
    "text, expected",
    [("وأُعلن أن الاجتماع ليس مفتوحا للصحافيين.", []),  # a passive marked by its damma: no one speaks
     ('ترامب يدعو كوريا الشمالية إلى "طاولة التفاوض"', [("ترامب", 'كوريا الشمالية إلى "طاولة التفاوض"')]),
     ("ويقول البروفيسور جيم سكيا، الذي رأس اللجنة، إن الحرارة ترتفع.", [("جيم سكيا", "الحرارة ترتفع")]),
     ("نقلوا إلى ترامب دعوة الزعيم، والتي قبلها وأكد رغبته في اللقاء.", [(None, "رغبته في اللقاء")])],
)
def test_who_speaks_around_the_verb(text: str, expected: list, fake_ner) -> None:
    ner = fake_ner.with_entities({"ترامب": "PERS", "جيم سكيا": "PERS", "كوريا الشمالية": "LOC"})
    quotes = analyze(text, ner=ner, keep_unattributed=True).quotes
    assert [(q.speaker.name if q.speaker else None, q.content.text) for q in quotes] == expected


@pytest.mark.parametrize(
    "text, speaker, content",
    [("أكد رئيس المجلس الأعلى للشباب والرياضة في البحرين، الشيخ ناصر بن حمد آل خليفة، السبت، مشاركة نادي المحرق.",
      "ناصر بن حمد آل خليفة", "مشاركة نادي المحرق"),
     ("كان قد أعلن رئيس الاتحاد السعودي بالإنابة، نواف التمياط، عن مشاركة نادي المحرق.",
      "نواف التمياط", "مشاركة نادي المحرق"),
     ('أكد المدير الجهوي لشركة اتصالات تونس، حمادي عقير في تصريح ل"الجوهرة أف أم" أنه تم افتتاح فضاءات تجارية.',
      "حمادي عقير", "تم افتتاح فضاءات تجارية")],
)
def test_apposed_names_acting_titles_and_addressed_outlets(text: str, speaker: str, content: str, fake_ner) -> None:
    ner = fake_ner.with_entities({"ناصر بن حمد آل خليفة": "PERS", "نواف التمياط": "PERS", "حمادي عقير": "PERS",
                                  "البحرين": "LOC", "اتصالات تونس": "ORG"})
    (quote,) = analyze(text, ner=ner).quotes
    assert (quote.speaker.name if quote.speaker else None, quote.content.text) == (speaker, content)


def test_a_relative_clause_after_the_speaker_is_not_the_content(fake_ner) -> None:
    text = ('وأكد أنيس الكناني الذي تحول إلى سوق "العراوة" لرصد الأسعار، أكد لبرنامج "رمضان المدينة"، '
            "تراجع أسعار الأسماك بشكل ملحوظ.")
    quotes = analyze(text, ner=fake_ner.with_entities({"أنيس الكناني": "PERS"}), keep_unattributed=True).quotes
    assert [(q.speaker.name if q.speaker else None, q.content.text) for q in quotes] == [
        ("أنيس الكناني", "تراجع أسعار الأسماك بشكل ملحوظ")]


@pytest.mark.parametrize(
    "text, speaker, content",
    [("وأشاد نتنياهو بقرار الرئيس الأمريكي الانسحاب من الاتفاق.", "نتنياهو",
      "بقرار الرئيس الأمريكي الانسحاب من الاتفاق"),
     ("وقال الممثل ويل سميث علنا يوم الاثنين إن التقرير كاذب.", "ويل سميث", "التقرير كاذب")],
)
def test_a_name_does_not_take_the_word_after_it(text: str, speaker: str, content: str, fake_ner) -> None:
    ner = fake_ner.with_entities({"نتنياهو": "PERS", "ويل سميث": "PERS"})
    (quote,) = analyze(text, ner=ner).quotes
    assert (quote.speaker.name if quote.speaker else None, quote.content.text) == (speaker, content)


@pytest.mark.parametrize(
    "text, statements",
    [("أريانة : وفاة 3 أشخاص من نفس العائلة اختناقا بالغاز", 0),  # a spaced colon after a place: a dateline
     ("القريات: مهرجان كاف ينطلق غدا بحزمة فعاليات ترفيهية", 0),  # a place, then a common noun: the topic
     ("موسكو: لن نسمح بتقسيم سوريا", 1),
     ("موسكو: الغرب يتحمل المسؤولية", 1),
     ("حمة الهمامي : الإرهابيون العائدون سيوزعون على بؤر جديدة", 1)],
)
def test_a_place_and_its_topic_are_no_statement(text: str, statements: int, fake_ner) -> None:
    ner = fake_ner.with_entities({"أريانة": "LOC", "القريات": "LOC", "موسكو": "LOC", "حمة الهمامي": "PERS"})
    assert len(analyze(text, ner=ner, keep_unattributed=True).quotes) == statements


def test_a_place_adjunct_before_the_verb_is_not_its_subject(fake_ner) -> None:
    text = "ففي اليمن، على سبيل المثال، أشارت المغنية إلى أولياء الأمور الذين يرسمون مستقبل فتياتهم."
    (quote,) = analyze(text, ner=fake_ner.with_entities({"اليمن": "LOC"}), keep_unattributed=True).quotes
    assert quote.mention is not None and quote.mention.text == "المغنية"


@pytest.mark.parametrize("text, speaker", [("كشفت دراسة حديثة أن ضحايا البركان ماتوا فورا.", "دراسة حديثة"),
                                           ("وأكد أحد المواطنين للمراسل أن العائلات لا تتمتع بالماء.", "أحد المواطنين")])
def test_studies_and_citizens_are_unnamed_sources(text: str, speaker: str, fake_ner) -> None:
    (quote,) = analyze(text, ner=fake_ner).quotes
    assert quote.speaker is not None and quote.speaker.name == speaker


def test_a_verb_after_a_relative_and_kana_with_its_own_object_reports_nothing(fake_ner) -> None:
    text = "وشوهد خاشقجي، الذي كان ينتقد السعودية، آخر مرة وهو يدخل القنصلية. ونفت السعودية التعرض له."
    ner = fake_ner.with_entities({"خاشقجي": "PERS", "السعودية": "LOC"})
    quotes = analyze(text, ner=ner, keep_unattributed=True).quotes
    assert [(q.speaker.name if q.speaker else None, q.content.text) for q in quotes] == [("السعودية", "التعرض له")]


@pytest.mark.parametrize(
    "text, speaker",
    [("حصلت بكين على تنظيم الألعاب الشتوية بعد تغلبها على ألماتي بحسب ما أعلن توماس باخ رئيس اللجنة الأولمبية.",
      "توماس باخ"),
     ("وقد استجاب معظم اللاجئين لهذه المقترحات، بحسب ما أفاد به المسؤول الأممي.", "المسؤول الأممي"),
     ("وتنتهي اللجنة من أعمالها بالمنطقة بحسب نطاقها المكاني.", None)],
)
def test_according_to_what_someone_said(text: str, speaker: str | None, fake_ner) -> None:
    quotes = analyze(text, ner=fake_ner, keep_unattributed=True).quotes
    assert [q.speaker.name if q.speaker else None for q in quotes] == ([speaker] if speaker else [])


def test_as_reported_names_no_one(fake_ner) -> None:
    text = "استمر البحث داخل القنصلية. وبحسب ما ورد أخذت عينات من تربة الحديقة وبوابة معدنية."
    assert analyze(text, ner=fake_ner, keep_unattributed=True).quotes == ()


@pytest.mark.parametrize(
    "text, speaker, content",
    [("الشاهد : الحكومة كانت وستكون قريبة من المواطن\nوأكد رئيس الحكومة يوسف الشاهد أن حكومته تعمل.",
      "يوسف الشاهد", "الحكومة كانت وستكون قريبة من المواطن"),
     (("في الوقت الذي يجتمع مدير عام الشؤون الصحية بمنطقة مكة المكرمة الدكتور مصطفى بلجون مع المجلس، "
       "أكد لـ«عكاظ» أن ما حدث أمر مؤسف."), "مصطفى بلجون", "ما حدث أمر مؤسف")],
)
def test_surnames_with_the_article_and_where_a_role_is_held(
        text: str, speaker: str, content: str, fake_ner) -> None:
    ner = fake_ner.with_entities({"الشاهد": "PERS", "يوسف الشاهد": "PERS", "كريس سمولينغ": "PERS", "مكة": "LOC",
                                  "مصطفى بلجون": "PERS"})
    quote = analyze(text, ner=ner).quotes[0]
    assert (quote.speaker.name if quote.speaker else None, quote.content.text) == (speaker, content)


def test_an_object_after_a_comma_is_still_the_object(fake_ner) -> None:
    text = ("من جانبه، أكد الأمير محمد بن سلمان، حرص خادم الحرمين الشريفين، على تعزيز العلاقات الاقتصادية بين "
            "البلدين، والارتقاء بالعمل المشترك في كافة المجالات بما من شأنه أن يعود بالنفع على البلدين.")
    (quote,) = analyze(text, ner=fake_ner.with_entities({"محمد بن سلمان": "PERS"})).quotes
    assert quote.content.text.startswith("حرص خادم الحرمين الشريفين")


@pytest.mark.parametrize("text, mention", [("وقال وزير الخارجية لبي بي سي إن الحل قريب.", "وزير الخارجية"),
                                           ("وقال وزير الخارجية سامح شكري لـCNN إن الحل قريب.",
                                            "وزير الخارجية سامح شكري")])
def test_an_outlet_after_lam_is_addressed(text: str, mention: str, fake_ner) -> None:
    (quote,) = analyze(text, ner=fake_ner.with_entities({"سامح شكري": "PERS"}), keep_unattributed=True).quotes
    assert quote.mention is not None and quote.mention.text == mention
    assert quote.content.text == "الحل قريب"


def test_a_colon_headline_with_the_outlet_addressed(fake_ner) -> None:
    text = "جون كيري لـCNN: إدارة ترامب تريد تغيير النظام في إيران"
    (quote,) = analyze(text, ner=fake_ner.with_entities({"جون كيري": "PERS"})).quotes
    assert (quote.speaker.name if quote.speaker else None, quote.content.text) == (
        "جون كيري", "إدارة ترامب تريد تغيير النظام في إيران")


def test_a_datelines_outlet_in_brackets_is_not_the_speaker(fake_ner) -> None:
    text = ('دبي (CNN)— عبّر الوزير خالد بن أحمد عن تأييد بلاده للقرار، لافتا إلى أن هذا القرار "موقف كبير".')
    (quote,) = analyze(text, ner=fake_ner.with_entities({"خالد بن أحمد": "PERS"})).quotes
    assert quote.speaker is not None and quote.speaker.name == "خالد بن أحمد"
