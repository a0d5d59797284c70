# Plenary — العربية (مترجمة عن الإنكليزية، اللغة المصدر). رسالة واحدة لكل نص يقرؤه المستخدم.
# المعرّفات بصيغة kebab-case؛ والمتغيرات بصيغة { $name }. انظر docs/translating.md.


## الموقع
site-name = Plenary
site-tagline = مشاورات متعددة أصحاب المصلحة، فقرةً فقرة
site-skip = الانتقال إلى المحتوى الرئيسي
nav-consultations = المشاورات
nav-me = حسابي
nav-moderation = الإشراف
nav-admin = الإدارة
nav-login = تسجيل الدخول
nav-register = إنشاء حساب
nav-logout = تسجيل الخروج
nav-main = التنقل الرئيسي
footer-text = Plenary — مشاورات مفتوحة من أجل استعراض القمة العالمية لمجتمع المعلومات بعد عشرين عامًا (WSIS+20) وما بعده.

## فئات أصحاب المصلحة
group-government = الحكومة
group-private_sector = القطاع الخاص
group-civil_society = المجتمع المدني
group-academia = الأوساط الأكاديمية
group-technical_community = الأوساط التقنية
group-international_organization = منظمة دولية

## الأدوار
role-participant = مشارك
role-moderator = مشرف
role-admin = مدير

## أنماط الإشعارات
mode-immediate = فورًا، رسالة بريد إلكتروني واحدة لكل حدث
mode-daily_digest = موجز يومي واحد
mode-off = بدون إشعارات

## استمارات الحساب
field-email = عنوان البريد الإلكتروني
field-password = كلمة المرور
field-password-hint = 10 أحرف على الأقل. فالعبارة الطويلة أسهل تذكرًا وأصعب تخمينًا.
field-new_password = كلمة المرور الجديدة
field-current_password = كلمة المرور الحالية
field-display_name = اسمك كما سيظهر للآخرين
field-stakeholder_group = فئة أصحاب المصلحة
field-organization = المنظمة (اختياري)
field-country = البلد (اختياري، رمز ISO مكوّن من حرفين، مثل KE)
field-notification_mode = الإشعارات بالبريد الإلكتروني
register-title = إنشاء حساب
register-lead = علِّق على مشاريع النصوص، واقترح تعديلات، وتابع المناقشة. وسنرسل إليك رسالة بالبريد الإلكتروني لتأكيد عنوانك.
register-submit = إنشاء الحساب
register-have_account = هل لديك حساب بالفعل؟
register-done = تم إنشاء حسابك. وقد أرسلنا إليك رسالة بالبريد الإلكتروني: اتبع الرابط الوارد فيها لتأكيد عنوانك، ثم سجِّل الدخول.
login-title = تسجيل الدخول
login-submit = تسجيل الدخول
login-failed = عنوان البريد الإلكتروني أو كلمة المرور غير صحيح.
login-suspended = هذا الحساب موقوف. يُرجى الاتصال بالأمانة إذا كنت تعتقد أن في ذلك خطأ.
login-forgot = هل نسيت كلمة المرور؟
login-no_account = ليس لديك حساب بعد؟
logout-title = تسجيل الخروج
logout-lead = تسجيل الخروج من Plenary على هذا المتصفح.
logout-done = لقد سجّلت الخروج.
verify-title = تأكيد عنوان بريدك الإلكتروني
verify-lead = أكِّد عنوانك لتتمكن من التعليق على مشاريع النصوص: افتح الرابط الوارد في رسالة البريد الإلكتروني التي أرسلناها إليك عند إنشاء حسابك.
verify-press = اضغط على الزر لتأكيد أن عنوان البريد الإلكتروني هذا يخصك.
verify-submit = تأكيد عنوان بريدي الإلكتروني
verify-done = تم تأكيد عنوان بريدك الإلكتروني. ويمكنك الآن المشاركة.
verify-bad = رابط التأكيد هذا غير صالح أو انتهت صلاحيته.
verify-bad-next = إذا كنت قد أكّدت عنوانك من قبل، فيمكنك ببساطة تسجيل الدخول.
reset-title = إعادة تعيين كلمة المرور
reset-lead = أدخل عنوان البريد الإلكتروني المرتبط بحسابك. فإن كان الحساب موجودًا، نرسل إليه رابطًا صالحًا لمدة ساعة واحدة.
reset-submit = إرسال الرابط
reset-sent = إذا كان هناك حساب مرتبط بهذا العنوان، فإن رسالة بريد إلكتروني تتضمن رابط إعادة التعيين في طريقها إليه.
reset-choose = اختر كلمة مرور جديدة
reset-confirm = تعيين كلمة المرور الجديدة
reset-done = تم تغيير كلمة المرور. سجِّل الدخول باستخدام كلمة المرور الجديدة.
reset-bad = رابط إعادة التعيين هذا غير صالح، أو سبق استخدامه، أو انتهت صلاحيته.
me-title = حسابي
me-profile = الملف الشخصي
me-save = حفظ
me-saved = تم حفظ التغييرات.
me-password = تغيير كلمة المرور
me-password-done = تم تغيير كلمة المرور، وتم تسجيل خروجك من المتصفحات والأجهزة الأخرى.
me-unverified = لم يتم تأكيد عنوان بريدك الإلكتروني بعد. اتبع الرابط الوارد في رسالة البريد الإلكتروني التي أرسلناها إليك.
me-verified_affiliation = انتماء مؤسسي تحققت منه الأمانة
me-unverified_affiliation = انتماء مؤسسي لم يُتحقق منه
me-signout_everywhere = تسجيل الخروج من جميع الأجهزة
me-my_data = بياناتك
me-my_data_explained = نزِّل كل ما يحتفظ به Plenary بشأن حسابك في ملف JSON واحد: ملفك الشخصي، وتعليقاتك بنسخها السابقة، والبلاغات التي قدّمتها، ومشاريع النصوص التي تتابعها، ورسائل البريد الإلكتروني المرسلة إليك، وسجل الأمان الخاص بك.
me-my_data_download = تنزيل بياناتي
me-delete_explained = احذف حسابك والبيانات الشخصية التي يتضمنها. وتبقى تعليقاتك المنشورة ضمن سجل المشاورة، موقَّعةً باسم «مشارك سابق».

## حذف الحساب
delete-title = حذف حسابي
delete-erased = يُمحى فورًا عنوان بريدك الإلكتروني، واسمك، ومنظمتك، وبلدك، وكلمة المرور، وإعدادات المصادقة الثنائية، ومشاريع النصوص التي تتابعها، ورسائل البريد الإلكتروني المعلّقة، وسجل الأمان، ويتم تسجيل خروجك من جميع الأجهزة.
delete-kept = تبقى تعليقاتك المنشورة وتعديلاتك المقترحة ضمن سجل المشاورة، لأن تجميع الأمانة للمساهمات يجب أن يحافظ على بنيته: وستظهر موقَّعةً باسم «مشارك سابق» مع الاكتفاء بذكر فئة أصحاب المصلحة التي كتبتها في إطارها. وإذا كنت لا ترغب في الإبقاء على تعليق ما، فاسحبه قبل حذف حسابك.
delete-first_download = قد ترغب في الاحتفاظ بنسخة من بياناتك أولًا.
delete-code_hint = المصادقة الثنائية مفعّلة: أدخل رمزًا من تطبيقك أو أحد رموز الاسترداد.
delete-submit = حذف حسابي نهائيًا
delete-cancel = الإبقاء على حسابي
delete-done_title = تم حذف حسابك
delete-done = تم محو حسابك وبياناته الشخصية. ويمكنك التسجيل من جديد بالعنوان نفسه في أي وقت.
delete-admin_title = حذف الحساب
delete-admin_lead = احذف هذا الحساب بناءً على طلب صاحبه. ويسجِّل سجل التدقيق أنك قمت بذلك ووقت قيامك به، دون تسجيل أي شيء مما يُمحى.
delete-admin_submit = حذف هذا الحساب

## إشعار الخصوصية
footer-privacy = إشعار الخصوصية
register-privacy = ما نحتفظ به عنك، ومدة الاحتفاظ به:
privacy-title = إشعار الخصوصية
privacy-lead = لا يحتفظ Plenary إلا بما تحتاج إليه مشاورة عامة، ولا شيء أكثر من ذلك. وتبيّن هذه الصفحة ما يُحتفظ به، ولماذا، ولأي مدة، ومن يطّلع عليه.
privacy-what = ما نحتفظ به
privacy-what-account = حسابك: عنوان البريد الإلكتروني، والاسم، وفئة أصحاب المصلحة، والمنظمة، والبلد (كما تقدّمها)، وكلمة المرور في صورة تجزئة Argon2id، والسر الخاص بالعامل الثاني للمصادقة إذا فعّلته، وإعدادات الإشعارات.
privacy-what-comments = ما تكتبه: التعليقات والردود والتعديلات المقترحة بنسخها السابقة، والبلاغات التي تقدّمها، ومشاريع النصوص التي تتابعها. ويحتفظ كل تعليق أيضًا بفئة أصحاب المصلحة والمنظمة والبلد التي كانت مسجّلة لك عند كتابته.
privacy-what-emails = رسائل البريد الإلكتروني المرسلة إليك (رسائل التأكيد، وإعادة تعيين كلمة المرور، والإشعارات، والموجزات)، في صورة نسخ محفوظة في قائمة انتظار البريد الصادر.
privacy-what-security = سجل الأمان الخاص بك: عمليات تسجيل الدخول، ومحاولات تسجيل الدخول الفاشلة، والتغييرات التي أُدخلت على كلمة المرور أو على العامل الثاني للمصادقة. ولا تحتفظ قاعدة البيانات بأي عناوين شبكية (IP)؛ أما سجل الخادم فيسجّل عناوين الطلبات المرفوضة، لمنع إساءة الاستخدام.
privacy-why = لماذا
privacy-why-text = لإدارة المشاورة: حتى تتمكن الأمانة من تقييم المساهمات حسب فئة أصحاب المصلحة، وحتى يتسنى إبلاغك بالردود والنسخ الجديدة، وحتى تكون الحسابات وسجل المساهمات محميةً من إساءة الاستخدام. ولا يُباع أي شيء، ولا يُستخدم لتحليل السمات الشخصية أو لأغراض الإعلان.
privacy-how_long = لأي مدة
privacy-how_long-account = حسابك وما تكتبه: إلى أن تحذف حسابك. وتبقى التعليقات المنشورة بعد ذلك ضمن سجل المشاورة باسم «مشارك سابق».
privacy-how_long-retention = رسائل البريد الإلكتروني التي تم تسليمها، وسجل الأمان، ومحاولات تسجيل الدخول الفاشلة، وروابط تسجيل الدخول المستخدمة: { $days } يومًا، تُحذف بعدها تلقائيًا.
privacy-how_long-log = سجل الخادم: طوال المدة التي يحتفظ به فيها مشغّل هذا الموقع.
privacy-who = من يطّلع عليه
privacy-who-public = الجميع: تعليقاتك المنشورة، مقرونةً باسمك ومنظمتك أو من دونهما، حسب ما اخترته لكل تعليق، وفئة أصحاب المصلحة التي تنتمي إليها.
privacy-who-staff = المشرفون على هذه المشاورة ومديروها: تفاصيل حسابك، للتحقق من الانتماء المؤسسي والحفاظ على حسن سير المناقشة. وكل قرار يتخذونه بشأن حساب ما يُسجَّل في سجل التدقيق.
privacy-who-never = لا أحد غيرهم: لا يُعرض عنوان بريدك الإلكتروني أبدًا على المشاركين الآخرين، ولا يُدرج في الملفات المصدَّرة.
privacy-rights = حقوقك
privacy-rights-download = تنزيل كل ما نحتفظ به بشأن حسابك، في ملف واحد، من صفحة «حسابي».
privacy-rights-delete = حذف حسابك من صفحة «حسابي»، أو مطالبة أحد المديرين بالقيام بذلك نيابةً عنك.
privacy-rights-correct = تصحيح اسمك ومنظمتك وبلدك وإعدادات الإشعارات في أي وقت من صفحة «حسابي».
privacy-cookies = ملفات تعريف الارتباط
privacy-cookies-text = ملفّا تعريف ارتباط اثنان، كلاهما لازم لعمل الموقع: أحدهما يُبقيك مسجّلًا للدخول، والآخر يحمي الاستمارات من التزوير. ولا توجد أي ملفات تعريف ارتباط للتتبع أو للتحليلات.
me-role = الدور
me-affiliation = الانتماء المؤسسي
mfa-title = المصادقة الثنائية
mfa-lead = أدخل الرمز المكوّن من ستة أرقام من تطبيق المصادقة، أو أحد رموز الاسترداد الخاصة بك.
mfa-code = رمز لمرة واحدة
mfa-wrong = هذا الرمز غير صحيح. تتغير الرموز كل 30 ثانية.
mfa-expired = استغرقت عملية تسجيل الدخول وقتًا أطول من اللازم. يُرجى البدء من جديد.
mfa-section = المصادقة الثنائية
mfa-off = المصادقة الثنائية غير مفعّلة. فعِّلها لحماية حسابك برمز من تطبيق المصادقة.
mfa-on = المصادقة الثنائية مفعّلة.
mfa-setup = إعداد المصادقة الثنائية
mfa-scan = امسح هذا الرمز بتطبيق المصادقة (أو أدخل المفتاح أدناه)، ثم اكتب الرمز المكوّن من ستة أرقام الذي يظهر فيه.
mfa-key = المفتاح
mfa-enable = تفعيل
mfa-disable = إيقاف المصادقة الثنائية
mfa-codes = رموز الاسترداد الخاصة بك
mfa-codes-lead = يصلح كل رمز للاستخدام مرة واحدة إذا فقدت هاتفك. احتفظ بها في مكان آمن: فهي لا تُعرض إلا الآن.
mfa-required = يجب على المشرفين والمديرين تفعيل المصادقة الثنائية قبل استخدام صلاحياتهم.
mod-suspended = المشاركون الموقوفون
mod-unsuspend = رفع الإيقاف عن
filter-group = عرض المساهمات الواردة من
filter-all_groups = جميع فئات أصحاب المصلحة
filter-apply = عرض
form-errors = يُرجى تصحيح الحقول المشار إليها أدناه.
form-csrf = انتهت صلاحية هذه الاستمارة. يُرجى المحاولة مرة أخرى.
error-title = حدث خطأ ما
error-not_found = الصفحة غير موجودة
error-forbidden = لا يحق لك القيام بذلك
error-unauthorized = يُرجى تسجيل الدخول
error-rate_limited = محاولات كثيرة جدًا. يُرجى الانتظار بضع دقائق ثم المحاولة مرة أخرى.
error-internal = حدث خطأ غير متوقع. يُرجى المحاولة مرة أخرى لاحقًا.
error-moderators_only = لا يحق فتح هذه الصفحة إلا للمشرفين.
error-admins_only = لا يحق فتح هذه الصفحة إلا للمديرين.

## المشاورات ومشاريع النصوص
status-upcoming = قادمة
status-open = مفتوحة للتعليقات
status-closed = مغلقة
consultations-none = لا توجد مشاورات بعد.
consultation-drafts = مشاريع النصوص
consultation-no_drafts = لم يُنشر أي مشروع نص في هذه المشاورة بعد.
consultation-window = مفتوحة للتعليقات
consultation-premoderated = يراجع أحد المشرفين التعليقات قبل ظهورها.
draft-closed = هذه المشاورة مغلقة: لم يعد من الممكن كتابة التعليقات أو تحريرها أو سحبها.
draft-upcoming = هذه المشاورة لم تُفتح بعد: يمكن كتابة التعليقات بمجرد فتحها.
draft-read_only = حلّ محلّ هذه النسخة تنقيحٌ أحدث. وتظل تعليقاتها متاحة للقراءة؛ يُرجى التعليق على أحدث نسخة.
draft-contents = المحتويات
draft-general = تعليقات عامة على مشروع النص بأكمله
draft-general-link = قراءة التعليقات العامة وكتابتها
draft-comments-count = { $n ->
    [zero] لا توجد تعليقات
    [one] تعليق واحد
    [two] تعليقان
    [few] { $n } تعليقات
    [many] { $n } تعليقًا
   *[other] { $n } تعليق
}
draft-no_comments = لا توجد تعليقات بعد
draft-read_thread = قراءة جميع التعليقات على هذه الفقرة والرد عليها
draft-comment_here = التعليق على هذه الفقرة
draft-by_group = التعليقات حسب فئة أصحاب المصلحة
draft-sign_in_to_comment = سجِّل الدخول للتعليق
draft-download = تنزيل المساهمات

## التصدير (قسم التنزيل والتجميع القابل للطباعة)
export-download-lead = كل ما قيل بشأن مشروع النص هذا، للأمانة وللجميع: التعليقات والتعديلات المنشورة، مصنّفةً حسب الفقرة وفئة أصحاب المصلحة.
export-download-csv = CSV — بيانات جدولية
export-download-json = JSON — للبرمجيات
export-download-xlsx = مصنَّف Excel (XLSX)
export-download-html = تجميع قابل للطباعة (HTML؛ يمكن طباعته بصيغة PDF)
export-download-docx = تجميع بصيغة Word (DOCX، قابل للتحرير)
export-download-pdf = تجميع بصيغة PDF
export-download-group = فئة أصحاب المصلحة
export-download-format = الصيغة
export-download-submit = تنزيل
export-download-moderators = بما في ذلك التعليقات المخفية والمعلّقة والمرفوضة والمسحوبة (للمشرفين)
export-compilation = تجميع مساهمات أصحاب المصلحة
export-generated = تاريخ الإنشاء
export-window = فترة المشاورة
export-scope = التعليقات المشمولة
export-scope-published = التعليقات المنشورة
export-scope-all = جميع التعليقات، بما فيها المخفية والمعلّقة والمرفوضة والمسحوبة
export-all_groups = جميع فئات أصحاب المصلحة
export-summary = موجز حسب فئة أصحاب المصلحة
export-comments = التعليقات
export-amendments = التعديلات المقترحة
export-total = المجموع
export-paragraph = الفقرة
export-general = تعليقات عامة
export-text = نص المشروع
export-no_input = لا توجد مساهمات بشأن هذه الفقرة.
export-legend = تُعرض التعديلات المقترحة مقارنةً بنص الفقرة:
export-legend-added = كلمات مضافة
export-legend-removed = كلمات محذوفة
para-back = العودة إلى مشروع النص بأكمله
para-title = الفقرة
para-thread = التعليقات والتعديلات
para-more = عرض التعليقات اللاحقة
form-comment-title = إضافة تعليق
form-amend-title = اقتراح تعديل
form-amend-hint = حرِّر نص الفقرة أدناه ليصبح بالصيغة التي تقترحها؛ وسيرى القراء الفرق.
form-body = تعليقك
form-body-hint = نص عادي؛ اترك سطرًا فارغًا بين الفقرات. بحد أقصى 10,000 حرف.
form-reason = سبب اقتراحك لهذا التغيير
form-proposed_text = النص المقترح للفقرة
form-attribution = إظهار تعليقي باسم
form-attribution-name = اسمي ومنظمتي وفئة أصحاب المصلحة التي أنتمي إليها
form-attribution-organization = منظمتي وفئة أصحاب المصلحة فقط
form-attribution-group = فئة أصحاب المصلحة التي أنتمي إليها فقط
form-submit-comment = نشر التعليق
form-submit-amend = اقتراح التعديل
form-submit-reply = نشر الرد
form-reply = رد
form-edit = تحرير
form-save = حفظ التغييرات
form-withdraw = سحب
comment-placeholder-withdrawn = سحب صاحب هذا التعليق تعليقه.
comment-placeholder-hidden = أخفى أحد المشرفين هذا التعليق.
comment-placeholder-rejected = أزال أحد المشرفين هذا التعليق.
comment-edited = تم تحريره
comment-amendment = تعديل مقترح
comment-proposed = النص المقترح
comment-unverified = انتماء مؤسسي لم يُتحقق منه
comment-verified = انتماء مؤسسي تم التحقق منه
comment-pending = في انتظار الإشراف: لا يرى هذا التعليق سواك والمشرفون.
comment-posted = تم نشر تعليقك.
comment-posted_pending = شكرًا لك. سيظهر تعليقك بمجرد موافقة أحد المشرفين عليه.
comment-anonymous_group = أحد المشاركين
comment-replies = الردود
comment-status-pending = في انتظار الإشراف
comment-status-published = منشور
comment-status-hidden = مخفي
comment-status-rejected = مرفوض
comment-status-withdrawn = مسحوب

## الإدارة
admin-title = الإدارة
admin-consultations = المشاورات
admin-new_consultation = إنشاء مشاورة
admin-create = إنشاء
admin-edit_consultation = تعديل بيانات المشاورة
admin-import = استيراد مشروع نص
admin-import-hint = Markdown: تبدأ العناوين أقسامًا جديدة؛ وكل كتلة أخرى تمثّل فقرة واحدة مرقّمة. والفقرة التي تبدأ بتسميتها الخاصة (12.، PP3، OP 4، (a)) تحتفظ بها. أما الوسوم مثل {"{"}C2 SDG9{"}"} الواردة في نهاية الفقرة فتُخزَّن بوصفها وسومًا.
admin-users = الحسابات
admin-search = بحث
admin-failed_emails = رسائل البريد الإلكتروني التي تعذّر إرسالها
admin-no_failed = لا توجد رسائل بريد إلكتروني تعذّر إرسالها.
admin-retry = إعادة المحاولة
admin-saved = تم الحفظ.
admin-apply = تطبيق
admin-status = الحالة
admin-public_page = الصفحة العامة
admin-email-subject = الموضوع
admin-email-attempts = المحاولات
admin-email-error = الخطأ
admin-email-created = تاريخ الإنشاء
field-title = العنوان
field-summary = الموجز
field-opens_at = تاريخ الافتتاح (UTC)
field-closes_at = تاريخ الاختتام (UTC)
field-moderation = الإشراف
field-moderation-post = النشر فورًا، والإشراف لاحقًا
field-moderation-pre = حجب كل تعليق إلى أن يوافق عليه أحد المشرفين
field-version_label = تسمية النسخة (مثل: المسودة الأولية، Rev.1)
field-text = نص المشروع (Markdown)
field-docx = ملف Word (.docx)
field-docx-hint = بدلاً من النص أدناه. تبدأ العناوين الأجزاء؛ ويصبح الترقيم التلقائي في Word والأرقام المكتوبة (12.، PP3، (a)) أرقامَ الفقرات؛ ويُحتفظ بالخط الغامق والمائل. الحد الأقصى 10 ميبيبايت.
import-warnings = حُوِّل ملف Word، لكن تعذّر نقل جزء من محتواه (انظر أدناه). لم يُحفظ شيء بعد: راجع النص ثم تابع، أو صحّح الملف وحمّله مرة أخرى.
field-role = الدور
field-q = الاسم أو البريد الإلكتروني أو المنظمة
field-verified = تم التحقق من الانتماء المؤسسي
field-suspended = موقوف

## الإشراف
mod-title = الإشراف
mod-queue = قائمة المراجعة
mod-queue-empty = لا يوجد ما ينتظر المراجعة.
mod-log = سجل التدقيق
mod-log-lead = جميع قرارات الإشراف، وتغييرات الأدوار، وحالات الإيقاف، وعمليات التحقق من الانتماء المؤسسي، مرتبةً من الأحدث إلى الأقدم. ولا يمكن تغيير القيود أو حذفها.
mod-why-pending = في انتظار الموافقة (مشاورة خاضعة للإشراف المسبق)
mod-why-flagged = أبلغ عنه المشاركون
mod-flags = البلاغات
mod-on_paragraph = على الفقرة
mod-general = تعليق عام على مشروع النص
mod-recent = التعليقات الأخرى الأخيرة لصاحب التعليق
mod-history = النسخ السابقة
mod-reason = السبب (إلزامي للإخفاء أو الرفض؛ وسيطّلع عليه صاحب التعليق)
mod-approve = موافقة
mod-hide = إخفاء
mod-reject = رفض
mod-restore = استعادة
mod-suspend = إيقاف صاحب التعليق
mod-done = تم تسجيل القرار.
mod-actor = مَن
mod-action = الإجراء
mod-target = على
mod-when = متى
flag-title = إبلاغ
flag-reason = لماذا تُبلغ عن هذا التعليق؟
flag-spam = رسائل غير مرغوب فيها أو إعلانات
flag-abusive = مسيء أو مهين
flag-off_topic = خارج الموضوع
flag-other = سبب آخر
flag-note = ملاحظة للمشرفين (اختياري)
flag-submit = إرسال البلاغ
flag-done = شكرًا لك. سيراجع المشرفون هذا التعليق.

## الإشعارات
follow-title = الإشعارات بالبريد الإلكتروني
follow-on = أرسل إليّ رسائل بالبريد الإلكتروني بشأن التعليقات الجديدة على مشروع النص هذا
follow-off = التوقف عن إرسال رسائل البريد الإلكتروني إليّ بشأن مشروع النص هذا
follow-following = أنت تتابع مشروع النص هذا: تُرسل إليك التعليقات الجديدة بالبريد الإلكتروني وفقًا لإعدادات الإشعارات الخاصة بك.
follow-not_following = تابِع مشروع النص هذا لتُبلَّغ بالتعليقات الجديدة. وستُبلَّغ دائمًا بالردود على تعليقاتك.
unsub-title = إلغاء الاشتراك في الإشعارات
unsub-lead = إيقاف جميع رسائل الإشعارات الواردة من Plenary عبر البريد الإلكتروني. وستظل الرسائل المتعلقة بحسابك (تأكيد عنوانك، وإعادة تعيين كلمة المرور) تُرسل إليك.
unsub-submit = إلغاء الاشتراك
unsub-done = لن تتلقى بعد الآن أي رسائل إشعارات بالبريد الإلكتروني. ويمكنك إعادة تفعيلها من إعدادات حسابك.
unsub-settings = إعدادات الإشعارات

## التنقيحات
rev-earlier = المساهمات المقدَّمة بشأن النسخ السابقة
rev-comments-on = { $n ->
    [zero] لا توجد تعليقات على ¶{ $label } في النسخة «{ $version }»
    [one] تعليق واحد على ¶{ $label } في النسخة «{ $version }»
    [two] تعليقان على ¶{ $label } في النسخة «{ $version }»
    [few] { $n } تعليقات على ¶{ $label } في النسخة «{ $version }»
    [many] { $n } تعليقًا على ¶{ $label } في النسخة «{ $version }»
   *[other] { $n } تعليق على ¶{ $label } في النسخة «{ $version }»
}
rev-changes = التغييرات مقارنةً بالنسخة السابقة
rev-concordance = جدول التطابق مع النسخة السابقة
rev-concordance-lead = كيف ترتبط كل فقرة من هذه النسخة بالنسخة السابقة.
rev-compare = مقارنة النسخ
rev-compare-with = المقارنة مع
rev-versions = النسخ
rev-from = الفقرة السابقة
rev-to = هذه النسخة
rev-change = التغيير
rev-none = هذه هي النسخة الأولى من الوثيقة.
rev-revise = نشر تنقيح
rev-revise-lead = الصق النص الكامل للنسخة الجديدة. وسيقترح Plenary الفقرة السابقة التي انبثقت منها كل فقرة جديدة؛ ويمكنك تصحيح كل رابط قبل النشر.
rev-review = مراجعة التسلسل المقترح
rev-review-lead = لكل فقرة من فقرات النسخة الجديدة، أرقام الفقرات السابقة التي انبثقت منها (مفصولةً بمسافات؛ ويُترك الحقل فارغًا للفقرة الجديدة). صحِّح أي رابط، ثم انشر.
rev-publish = نشر التنقيح
rev-propose = اقتراح التسلسل
rev-deleted = الفقرات المحذوفة
change-unchanged = بلا تغيير
change-edited = معدَّلة
change-split = مقسَّمة
change-merged = مدمجة
change-moved = منقولة
change-new = جديدة
change-deleted = محذوفة
disp-title = ردّ الأمانة
disp-incorporated = أُدرجت
disp-partly_incorporated = أُدرجت جزئيًا
disp-not_incorporated = لم تُدرج
disp-noted = أُحيط بها علمًا
disp-record = تسجيل الرد
disp-explanation = التوضيح (علني، اختياري)

## رسائل البريد الإلكتروني
email-verify-subject = تأكيد عنوان بريدك الإلكتروني في Plenary
email-verify-body = مرحبًا بك في Plenary. يُرجى تأكيد عنوان بريدك الإلكتروني بفتح هذا الرابط:
email-reset-subject = إعادة تعيين كلمة المرور الخاصة بك في Plenary
email-reset-body = طلب شخصٌ ما إعادة تعيين كلمة المرور لحسابك في Plenary. إذا كنت أنت من طلب ذلك، فافتح هذا الرابط في غضون ساعة واحدة:
email-reset-ignore = إذا لم تطلب ذلك، فتجاهل هذه الرسالة: ستبقى كلمة المرور الخاصة بك كما هي.

## وسوم الفقرات: خطوط عمل القمة العالمية لمجتمع المعلومات وأهداف التنمية المستدامة
wsis-C1 = دور الحكومات وجميع أصحاب المصلحة
wsis-C2 = البنية التحتية للمعلومات والاتصالات
wsis-C3 = النفاذ إلى المعلومات والمعارف
wsis-C4 = بناء القدرات
wsis-C5 = بناء الثقة والأمن في استعمال تكنولوجيا المعلومات والاتصالات
wsis-C6 = البيئة التمكينية
wsis-C7 = تطبيقات تكنولوجيا المعلومات والاتصالات
wsis-C8 = التنوع والهوية الثقافيان والتنوع اللغوي والمحتوى المحلي
wsis-C9 = وسائط الإعلام
wsis-C10 = الأبعاد الأخلاقية لمجتمع المعلومات
wsis-C11 = التعاون الدولي والإقليمي
sdg-1 = القضاء على الفقر
sdg-2 = القضاء التام على الجوع
sdg-3 = الصحة الجيدة والرفاه
sdg-4 = التعليم الجيد
sdg-5 = المساواة بين الجنسين
sdg-6 = المياه النظيفة والنظافة الصحية
sdg-7 = طاقة نظيفة وبأسعار معقولة
sdg-8 = العمل اللائق ونمو الاقتصاد
sdg-9 = الصناعة والابتكار والهياكل الأساسية
sdg-10 = الحد من أوجه عدم المساواة
sdg-11 = مدن ومجتمعات محلية مستدامة
sdg-12 = الاستهلاك والإنتاج المسؤولان
sdg-13 = العمل المناخي
sdg-14 = الحياة تحت الماء
sdg-15 = الحياة في البر
sdg-16 = السلام والعدل والمؤسسات القوية
sdg-17 = عقد الشراكات لتحقيق الأهداف
tags-tools = بشأن مشروع النص هذا
tags-edit_link = تحرير وسوم الفقرات
tags-filter-label = عرض الفقرات الموسومة بـ
tags-filter-all = جميع الفقرات
tags-filter-submit = عرض
tags-filter-showing = تُعرض { $n } من أصل { $total } من الفقرات، وهي الفقرات الموسومة بالوسم
tags-filter-clear = عرض جميع الفقرات
tags-filter-unknown = هذا ليس وسمًا: الوسوم هي خطوط عمل القمة العالمية لمجتمع المعلومات C1–C11 وأهداف التنمية المستدامة SDG1–SDG17. وتُعرض جميع الفقرات.
tags-title = وسوم الفقرات
tags-hint = ضع لكل فقرة وسومًا تشير إلى خطوط عمل القمة العالمية لمجتمع المعلومات (C1–C11) وأهداف التنمية المستدامة (SDG1–SDG17) التي تتناولها، مفصولةً بمسافات، مثل «C2 C5 SDG9». اترك الحقل فارغًا لإزالة جميع الوسوم. وتُحفظ كل فقرة على حدة.
tags-reference = خطوط العمل وأهداف التنمية المستدامة
tags-field = وسوم الفقرة { $label }
tags-save = حفظ الوسوم
tags-saved = تم حفظ وسوم الفقرة { $label }.

## لوحة متابعة المشاركة
dash-link = لوحة متابعة المشاركة
dash-title = لوحة متابعة المشاركة
dash-lead = مَن أُسمع صوته، وبشأن أي جزء من النص: التعليقات والتعديلات والردود المنشورة، حسب فئة أصحاب المصلحة، والفقرة، وخط عمل القمة العالمية لمجتمع المعلومات، والبلد، والمنطقة، واليوم. ويلي كل رسم بياني جدولٌ بأرقامه.
dash-empty = لم يُنشر أي تعليق على مشروع النص هذا بعد.
dash-json = هذه الأرقام بصيغة JSON
dash-data_table = الأرقام في جدول
dash-total = المجموع
dash-none = لا يوجد
dash-share = النسبة
dash-participants = المشاركون
dash-tags = الوسوم
dash-totals = المجاميع
dash-totals-comments = التعليقات المنشورة (بما فيها التعديلات والردود)
dash-totals-amendments = التعديلات المقترحة
dash-totals-participants = المشاركون
dash-totals-countries = البلدان
dash-totals-paragraphs = فقرات مشروع النص
dash-totals-with_input = الفقرات التي تلقت مساهمات
dash-totals-without_input = الفقرات التي لم تعلّق عليها أي فئة
dash-totals-general = التعليقات العامة على مشروع النص بأكمله
dash-totals-flagged = الفقرات المُعلَّمة لاختلال التوازن
dash-totals-silent = فئات أصحاب المصلحة التي لم تُسهم بعد
dash-balance = التوازن
dash-balance-short = التوازن
dash-balance-rule = تُعلَّم الفقرة عندما تستأثر فئة واحدة من فئات أصحاب المصلحة بأكثر من { $share } في المائة من المساهمات المقدَّمة بشأنها (متى بلغ عدد التعليقات { $n } أو أكثر)، أو عندما لا تُسهم بشأن فقرةٍ علّق عليها آخرون فئةٌ سبق لها التعليق على مواضع أخرى من مشروع النص.
dash-balance-none = لا توجد فقرات مُعلَّمة.
dash-balance-caption = الفقرات المُعلَّمة لاختلال التوازن
dash-balance-finding = الملاحظة
dash-balance-dominant = صدر { $share } في المائة من التعليقات البالغ عددها { $n } عن فئة «{ $group }»
dash-balance-silent = لا توجد مساهمات من { $groups }
dash-note-untouched = لا توجد مساهمات
dash-note-silent = { $n ->
    [zero] لا توجد فئات لم تُسهم
    [one] فئة واحدة لم تُسهم
    [two] فئتان لم تُسهما
    [few] { $n } فئات لم تُسهم
    [many] { $n } فئةً لم تُسهم
   *[other] { $n } فئة لم تُسهم
}
dash-by_group = التعليقات حسب فئة أصحاب المصلحة
dash-by_group-desc = رسم بياني شريطي للتعليقات المنشورة حسب فئة أصحاب المصلحة:
dash-by_group-caption = يمثّل كل شريط فئةً واحدة من فئات أصحاب المصلحة؛ ويشير الرقم الوارد في نهايته إلى عدد تعليقاتها المنشورة. وتُحسب النسبة من مجموع التعليقات المنشورة.
dash-heat = الفقرات وفئات أصحاب المصلحة
dash-heat-lead = الفقرات التي علّقت عليها كل فئة من فئات أصحاب المصلحة. وتتضمن الخلايا الأدكن لونًا عددًا أكبر من التعليقات، أما الخلايا المخطَّطة فلا تتضمن أي تعليق. والصفوف المكتوبة بخط عريض مُعلَّمة لاختلال التوازن.
dash-heat-desc = خريطة حرارية للفقرات البالغ عددها { $paragraphs } حسب ست فئات من أصحاب المصلحة، تتضمن كل خلية منها عدد تعليقات فئة ما على فقرة ما. وعدد الفقرات التي لم تتلقَّ مساهمات: { $untouched }؛ وعدد الفقرات المُعلَّمة لاختلال التوازن: { $flagged }.
dash-heat-caption = تمثّل الصفوف الفقرات، وتمثّل الأعمدة فئات أصحاب المصلحة؛ ويبيّن مفتاح الرسم الأعداد التي تقابلها كل درجة لونية.
dash-heat-untouched_list = الفقرات التي لم تعلّق عليها أي فئة:
dash-tag = الوسم
dash-tag-name = الاسم
dash-tag-paragraphs = الفقرات
dash-by_action_line = المساهمات حسب خط عمل القمة العالمية لمجتمع المعلومات
dash-by_action_line-desc = رسم بياني شريطي للتعليقات المنشورة على الفقرات الموسومة بكل خط من خطوط عمل القمة العالمية لمجتمع المعلومات، مكدَّس حسب فئة أصحاب المصلحة:
dash-by_action_line-caption = التعليقات على الفقرات الموسومة بكل خط من خطوط العمل، حسب فئة أصحاب المصلحة. ويُحتسب التعليق على فقرة تحمل وسمين لكليهما.
dash-by_sdg = المساهمات حسب هدف التنمية المستدامة
dash-by_sdg-desc = رسم بياني شريطي للتعليقات المنشورة على الفقرات الموسومة بكل هدف من أهداف التنمية المستدامة، مكدَّس حسب فئة أصحاب المصلحة:
dash-by_sdg-caption = التعليقات على الفقرات الموسومة بكل هدف من أهداف التنمية المستدامة، حسب فئة أصحاب المصلحة. ويُحتسب التعليق على فقرة تحمل وسمين لكليهما.
dash-by_sdg-none = لا توجد في مشروع النص هذا أي فقرة موسومة بهدف من أهداف التنمية المستدامة.
dash-by_place = حسب البلد والمنطقة
dash-by_place-lead = البلد هو البلد المذكور في الملف الشخصي لصاحب التعليق وقت كتابة التعليق. وتتبع المناطق معيار M49 للأمم المتحدة.
dash-by_region = التعليقات حسب مناطق الأمم المتحدة
dash-by_region-desc = رسم بياني شريطي للتعليقات المنشورة حسب مناطق معيار M49 للأمم المتحدة، مكدَّس حسب فئة أصحاب المصلحة:
dash-by_region-caption = التعليقات حسب منطقة M49 التي ينتمي إليها بلد صاحب التعليق، وحسب فئة أصحاب المصلحة.
dash-by_sub_region = التعليقات حسب المناطق الفرعية للأمم المتحدة
dash-by_country = التعليقات حسب البلد
dash-by_country-desc = رسم بياني شريطي للبلدان التي ورد منها أكبر عدد من التعليقات المنشورة، مكدَّس حسب فئة أصحاب المصلحة:
dash-by_country-caption = البلدان الخمسة عشر التي ورد منها أكبر عدد من التعليقات؛ ويتضمن الجدول جميع البلدان.
dash-by_country-none = لم يحدّد أي من أصحاب التعليقات بلدًا بعد.
dash-region = المنطقة
dash-sub_region = المنطقة الفرعية
dash-region-unknown = لم يُحدَّد البلد
dash-country = البلد
dash-country-unknown = غير محدَّد
dash-by_day = المشاركة على مر الوقت
dash-by_day-desc = رسم بياني عمودي للتعليقات المنشورة يوميًا، مكدَّس حسب فئة أصحاب المصلحة، من { $first } إلى { $last }؛ وكان أكثر الأيام نشاطًا { $peak_day }، إذ بلغ عدد التعليقات فيه { $peak }.
dash-by_day-caption = التعليقات المنشورة يوميًا (بالتوقيت العالمي المنسق UTC)، حسب فئة أصحاب المصلحة.
dash-by_day-empty = لم يُنشر أي تعليق بعد.
dash-day = اليوم

## مناطق معيار M49 للأمم المتحدة
m49-002 = أفريقيا
m49-019 = الأمريكتان
m49-142 = آسيا
m49-150 = أوروبا
m49-009 = أوقيانوسيا
m49-015 = أفريقيا الشمالية
m49-202 = أفريقيا جنوب الصحراء الكبرى
m49-014 = شرق أفريقيا
m49-017 = وسط أفريقيا
m49-018 = الجنوب الأفريقي
m49-011 = غرب أفريقيا
m49-419 = أمريكا اللاتينية ومنطقة البحر الكاريبي
m49-029 = منطقة البحر الكاريبي
m49-013 = أمريكا الوسطى
m49-005 = أمريكا الجنوبية
m49-021 = أمريكا الشمالية
m49-143 = آسيا الوسطى
m49-030 = شرقي آسيا
m49-035 = جنوب شرقي آسيا
m49-034 = جنوب آسيا
m49-145 = غربي آسيا
m49-151 = أوروبا الشرقية
m49-154 = أوروبا الشمالية
m49-830 = جزر القنال
m49-039 = أوروبا الجنوبية
m49-155 = أوروبا الغربية
m49-053 = أستراليا ونيوزيلندا
m49-054 = ميلانيزيا
m49-057 = ميكرونيزيا
m49-061 = بولينيزيا
m49-none = بلا منطقة

## اللغات
lang-switcher = اللغة
list-separator = { "، " }
field-preferred_language = لغة الصفحات ورسائل البريد الإلكتروني

## رسائل الإشعارات بالبريد الإلكتروني
email-on-paragraph = بشأن ¶{ $label }
email-on-draft = بشأن مشروع النص بأكمله
email-paragraph = ¶{ $label }
email-whole-draft = مشروع النص بأكمله
email-subject-reply = ردّ على تعليقك { $on } — { $document }
email-subject-thread = ردّ جديد { $on } في سلسلة نقاش سبق أن كتبت فيها — { $document }
email-subject-comment = تعليق جديد { $on } — { $document }
email-subject-amendment = تعديل جديد { $on } — { $document }
email-lead-wrote = كتب { $author } { $on } في { $draft } ({ $version }):
email-byline-anonymous = أحد المشاركين ({ $group })
email-proposed-text = النص المقترح: { $text }
email-read-thread = قراءة سلسلة النقاش والرد عليها
email-queue-subject = تعليقات في انتظار الإشراف — Plenary
email-queue-lead = توجد تعليقات في انتظار المراجعة في قائمة المراجعة (عدد التعليقات التي تنتظر الموافقة: { $n }، إضافةً إلى أي تعليقات أبلغ عنها المشاركون).
email-queue-extra = لن تتلقى أكثر من رسالة واحدة من هذا النوع في الساعة.
email-queue-link = فتح قائمة المراجعة
email-decision-subject-approved = تمت الموافقة على تعليقك { $on } — { $document }
email-decision-subject-hidden = تم إخفاء تعليقك { $on } — { $document }
email-decision-subject-rejected = تم رفض تعليقك { $on } — { $document }
email-decision-lead-approved = وافق أحد المشرفين على تعليقك { $on } في { $draft } ({ $version }).
email-decision-lead-hidden = أخفى أحد المشرفين تعليقك { $on } في { $draft } ({ $version }).
email-decision-lead-rejected = رفض أحد المشرفين تعليقك { $on } في { $draft } ({ $version }).
email-your-comment = تعليقك:
email-moderator-reason = السبب الذي قدّمه المشرف: { $reason }
email-open-discussion = فتح المناقشة
email-revision-subject = نُشر تنقيح جديد: { $version } — { $consultation }
email-revision-lead = نشرت الأمانة النسخة { $version } من { $draft }، لتحل محل النسخة { $previous }. وتظل مساهماتك السابقة مرتبطة بالفقرات التي تتعلق بها.
email-revision-input = مساهمتك بشأن { $on }: { $disposition }
email-revision-input-explained = مساهمتك بشأن { $on }: { $disposition } — { $explanation }
email-revision-response = ردّ الأمانة على مساهماتك:
email-revision-link = قراءة النسخة الجديدة
email-footer-why = تتلقى هذه الرسالة بسبب إعدادات الإشعارات الخاصة بك في Plenary.
email-footer-change = تغييرها
email-footer-or = أو
email-footer-unsubscribe = إلغاء الاشتراك في جميع الإشعارات
email-footer-text-change = تغيير إعدادات الإشعارات الخاصة بك: { $url }
email-footer-text-unsubscribe = إلغاء الاشتراك في جميع الإشعارات: { $url }
email-digest-subject = { $n ->
    [zero] موجزك من Plenary: لا توجد تحديثات
    [one] موجزك من Plenary: تحديث واحد
    [two] موجزك من Plenary: تحديثان
    [few] موجزك من Plenary: { $n } تحديثات
    [many] موجزك من Plenary: { $n } تحديثًا
   *[other] موجزك من Plenary: { $n } تحديث
}
email-digest-lead = فيما يلي ما استجد منذ آخر موجز أُرسل إليك.
email-digest-change = تغيير إعدادات الإشعارات الخاصة بك

## عناوين مشكلات واجهة برمجة التطبيقات (تبقى التفاصيل ورسائل الحقول في واجهة برمجة التطبيقات بالإنكليزية، لأن البرامج العميلة تعتمد عليها)
problem-400 = طلب غير صالح
problem-401 = غير مصرَّح به
problem-403 = محظور
problem-404 = غير موجود
problem-409 = تعارض
problem-413 = حمولة الطلب كبيرة جدًا
problem-422 = كيان غير قابل للمعالجة
problem-429 = طلبات كثيرة جدًا
problem-500 = خطأ داخلي في الخادم
problem-503 = الخدمة غير متاحة

## رسائل أخطاء الحقول وتفاصيل المشكلات في الصفحات (يحتوي الملف src/i18n/messages.rs على الجمل الإنكليزية
## التي تكتبها الشيفرة؛ تُترك القيم الآلية مثل opens_at أو csv أو C1–C11 كما هي)
msg-required = حقل إلزامي
msg-not-empty = يجب ألا يكون فارغًا
msg-at-most-chars = يجب ألا يتجاوز طوله { $n ->
    [zero] { $n } حرف
    [one] حرفًا واحدًا
    [two] حرفين
    [few] { $n } أحرف
    [many] { $n } حرفًا
   *[other] { $n } حرف
}
msg-at-least-chars = يجب ألا يقل طوله عن { $n ->
    [zero] { $n } حرف
    [one] حرف واحد
    [two] حرفين
    [few] { $n } أحرف
    [many] { $n } حرفًا
   *[other] { $n } حرف
}
msg-too-long = أطول من الحد المسموح به
msg-no-nul = يجب ألا يحتوي على المحرف NUL ‏(U+0000)
msg-no-nul-chars = يجب ألا يحتوي على محارف NUL
msg-no-control = يجب ألا يحتوي على محارف تحكّم
msg-id = يجب أن يكون معرِّفًا
msg-one-of = يجب أن يكون إحدى القيم التالية: { $values }
msg-refers-to-nothing = يشير إلى عنصر غير موجود
msg-missing = غير موجود
msg-email = يجب أن يكون عنوان بريد إلكتروني
msg-email-taken = يوجد بالفعل حساب بعنوان البريد الإلكتروني هذا.
msg-password-weak = سهل التخمين: تجنَّب الكلمات الشائعة والأسماء والتواريخ والأنماط المتكررة؛ فبضع كلمات لا رابط بينها تصنع كلمة مرور جيدة
msg-not-correct = القيمة المُدخلة غير صحيحة
msg-totp-wrong = ليس الرمز الحالي لتطبيق المصادقة الخاص بك
msg-totp-used = سبق استخدام هذا الرمز: انتظر الرمز التالي في تطبيق المصادقة الخاص بك
msg-code-required = إلزامي: المصادقة الثنائية مفعّلة
msg-token-expired = غير صالح أو انتهت صلاحيته
msg-token-used = غير صالح، أو سبق استخدامه، أو انتهت صلاحيته
msg-country = يجب أن يكون رمزًا من حرفين وفق المعيار ISO 3166-1، مثل KE أو BR
msg-group-one-of = يجب أن يكون إحدى القيم التالية: government، private_sector، civil_society، academia، technical_community، international_organization
msg-not-group = ليس فئة من فئات أصحاب المصلحة
msg-notification-mode = يجب أن يكون إحدى القيم التالية: immediate، daily_digest، off
msg-role = يجب أن يكون participant أو moderator أو admin
msg-mfa-setup-first = ابدأ الإعداد أولًا.
msg-mfa-already-on = المصادقة الثنائية مفعّلة بالفعل.
msg-suspended = هذا الحساب موقوف.
msg-confirm-email = أكِّد عنوان بريدك الإلكتروني قبل المشاركة: افتح الرابط الوارد في رسالة البريد الإلكتروني التي أرسلناها إليك.
msg-delete-own = احذف حسابك من صفحة «حسابي»، حيث يُطلب منك إدخال كلمة المرور مرة أخرى.
msg-last-admin = هذا هو حساب المدير الوحيد: امنح حسابًا آخر دور المدير أولًا.
msg-not-yourself = لا يجوز لك إيقاف حسابك أو تغيير دورك.
msg-moderators-suspend = لا يجوز للمشرفين إيقاف حسابات غير المشاركين.
msg-admins-roles = لا يجوز إلا للمديرين تغيير الأدوار أو التحقق من الانتماء المؤسسي.
msg-staff-mfa = يجب على المشرفين والمديرين تفعيل المصادقة الثنائية أولًا (من صفحة «حسابي»).
msg-admins-only = لا يجوز القيام بذلك إلا للمديرين.
msg-moderators-only = لا يجوز القيام بذلك إلا للمشرفين.
msg-after-opens = يجب أن يكون بعد opens_at
msg-rfc3339 = يجب أن يكون وقتًا بصيغة RFC 3339، مثل 2026-01-31T17:00:00Z
msg-moderation-mode = يجب أن يكون pre أو post
msg-draft-empty = فارغ: لا يحتوي مشروع النص على أي فقرة
msg-import-empty = لا يحتوي مشروع النص على أي فقرة: المُدخلات فارغة
msg-import-nul = يحتوي مشروع النص على بايت NUL (السطر { $line })؛ احفظه نصًا عاديًا بترميز UTF-8
msg-import-html = لا يُسمح بشيفرة HTML الخام (السطر { $line })؛ اكتب النص بلغة Markdown بدلًا من ذلك
msg-import-nesting = تتداخل القوائم أو الاقتباسات بأكثر من { $max ->
    [zero] { $max } مستوى
    [one] مستوى واحد
    [two] مستويين
    [few] { $max } مستويات
    [many] { $max } مستوى
   *[other] { $max } مستوى
} (السطر { $line })
msg-import-too-many = يحتوي مشروع النص على أكثر من { $max ->
    [zero] { $max } فقرة
    [one] فقرة واحدة
    [two] فقرتين
    [few] { $max } فقرات
    [many] { $max } فقرة
   *[other] { $max } فقرة
} (تبدأ الفقرة { $number } في السطر { $line })؛ قسِّمه إلى عدة مشاريع نصوص
msg-import-unknown-tag = تحمل الفقرة { $number } (السطر { $line }) وسمًا غير معروف "{ $tag }"؛ يجب أن تكون الوسوم من C1–C11 أو SDG1–SDG17
msg-import-tags-alone = تحمل الفقرة { $number } (السطر { $line }) وسومًا بلا نص؛ ضع كتلة الوسوم في نهاية الفقرة التي تخصها
msg-import-paragraph-long = الفقرة { $number } (السطر { $line }) طويلة جدًا: { $chars ->
    [zero] { $chars } حرف
    [one] حرف واحد
    [two] حرفان
    [few] { $chars } أحرف
    [many] { $chars } حرفًا
   *[other] { $chars } حرف
}، والحد الأقصى { $max }
msg-tags-required = إلزامي: قائمة مثل ["C5", "SDG9"]
msg-tags-unknown = يحتوي على وسوم غير معروفة ({ $tags })؛ يجب أن تكون الوسوم من C1–C11 أو SDG1–SDG17
msg-tags-at-most = يجب ألا يتجاوز { $n ->
    [zero] { $n } وسم
    [one] وسمًا واحدًا
    [two] وسمين
    [few] { $n } وسوم
    [many] { $n } وسمًا
   *[other] { $n } وسم
}
msg-tag = يجب أن يكون وسمًا: C1–C11 أو SDG1–SDG17
msg-kind = يجب أن يكون comment أو amendment
msg-attribution = يجب أن يكون name أو organization أو group
msg-amendment-paragraph = إلزامي في حالة التعديل
msg-amendment-text = إلزامي في حالة التعديل: النص الكامل الذي تقترحه للفقرة
msg-amendment-reply = يجب أن يبقى فارغًا: لا يمكن أن يكون التعديل ردًّا
msg-only-amendments = خاص بالتعديلات فقط
msg-not-paragraph = ليس فقرة من فقرات مشروع النص هذا
msg-not-comment = ليس تعليقًا على مشروع النص هذا
msg-reply-unpublished = لا يمكن الرد عليه: لم يُنشر
msg-reply-paragraph = يجب أن تكون الفقرة نفسها التي يتناولها التعليق الذي ترد عليه
msg-consultation-closed = المشاورة غير مفتوحة: لا يمكن كتابة التعليقات أو تعديلها أو سحبها إلا أثناء فترة المشاورة.
msg-superseded = حلّت محلّ هذه النسخة من مشروع النص نسخةٌ منقحة؛ علِّق على أحدث نسخة.
msg-author-only = لا يجوز تغيير التعليق إلا لكاتبه.
msg-no-longer-editable = لم يعد من الممكن تعديل هذا التعليق.
msg-moderators-list = لا يجوز إلا للمشرفين عرض التعليقات بجميع حالاتها.
msg-flag-reason = يجب أن يكون spam أو abusive أو off_topic أو other
msg-moderation-action = يجب أن يكون approve أو hide أو reject أو restore
msg-moderation-reason = إلزامي لإخفاء تعليق أو رفضه: سيقرؤه الكاتب
msg-flag-unpublished = لا يمكن الإبلاغ إلا عن التعليقات المنشورة.
msg-flag-own = لا يمكنك الإبلاغ عن تعليقك.
msg-flag-twice = سبق أن أبلغت عن هذا التعليق.
msg-moderation-transition = لا يمكن { $action ->
    [approved] الموافقة على
    [hidden] إخفاء
    [rejected] رفض
   *[restored] استعادة
} تعليق { $status ->
    [pending] في انتظار الإشراف
    [published] منشور
    [hidden] مخفي
    [rejected] مرفوض
   *[withdrawn] مسحوب
}.
msg-revise-latest = لمشروع النص هذا نسخة منقحة بالفعل: نقِّح أحدث نسخة.
msg-revision-empty = فارغ: لا تحتوي النسخة المنقحة على أي فقرة
msg-revision-no-paragraph = لا تحتوي النسخة المنقحة على الفقرة { $number }
msg-revision-not-earlier = الفقرة { $number } ليست من فقرات مشروع النص الجاري تنقيحه
msg-revision-not-number = ¶ { $token } ليس رقم فقرة في النسخة السابقة
msg-disposition = يجب أن يكون incorporated أو partly_incorporated أو not_incorporated أو noted
msg-disposition-reply = ردّ على تعليق آخر: لا تتناول ردود الأمانة إلا التعليقات والتعديلات الأصلية
msg-moderators-dispositions = لا يجوز إلا للمشرفين تسجيل ردود الأمانة.
msg-format-required = إلزامي: csv أو json أو xlsx أو html أو docx أو pdf
msg-format = يجب أن يكون csv أو json أو xlsx أو html أو docx أو pdf
msg-export-status = يجب أن يكون published أو all
msg-moderators-export = لا يجوز إلا للمشرفين تصدير التعليقات بجميع حالاتها.
msg-form-type = يجب إرسال هذا النموذج بالصيغة application/x-www-form-urlencoded.
msg-form-unreadable = تعذّرت قراءة النموذج: { $error }
msg-form-invalid = تعذّرت قراءة النموذج: { $error }.
msg-docx-with-text = يجب ألا يُرسل مع النص: أرسل مشروع النص بصيغة Markdown أو في ملف Word
msg-utf8 = يجب أن يكون نصاً بترميز UTF-8
msg-multipart-invalid = تعذّرت قراءة متن multipart/form-data: { $error }.
msg-multipart-parts = يتجاوز عدد أجزاء النموذج { $n }.
msg-form-type-multipart = يجب إرسال هذا النموذج بصيغة multipart/form-data.
msg-docx-invalid = ليس ملف Word صالحاً ({ $detail })
msg-docx-bomb = يتجاوز حجمه { $n } ميبيبايت بعد فك الضغط: لا يمكن لأداة الاستيراد قراءة هذا المشروع
msg-docx-too-large = يتجاوز حجمه { $n } ميبيبايت
msg-docx-not-zip = ليس ملف Word (.docx): فهو ليس حزمة zip
msg-docx-no-document = ليس ملف Word (.docx): فهو لا يتضمن word/document.xml
msg-docx-comments = يتضمن الملف تعليقات Word: لا تُستورد هذه التعليقات
msg-docx-table = لم يُستورد جدول يلي الفقرة { $number }: اكتبه في شكل فقرات
msg-docx-image = لم تُستورد صورة أو كائن في الفقرة { $number }
msg-docx-changes = يتضمن الملف تغييرات متعقَّبة ({ $n }): استُوردت كأنها مقبولة (أُبقي على الإضافات وأُسقطت المحذوفات)؛ للتأكد، اقبلها أو ارفضها في Word
msg-exists = هذا العنصر موجود بالفعل.
msg-unauthorized = سجِّل الدخول، أو أرسل رمز وصول (bearer token) صالحًا.
msg-mfa-required = أدخل الرمز لمرة واحدة من تطبيق المصادقة الخاص بك (الحقل totp)، أو أحد رموز الاسترداد.
msg-cross-site = أُرسل هذا النموذج من موقع آخر. عُد إلى Plenary وحاول مرة أخرى.
msg-not-found = لا يوجد شيء هنا، أو لا يحق لك الاطلاع عليه.
msg-too-large = يتجاوز حجم نص الطلب ما تقبله نقطة النهاية هذه.
msg-invalid-fields = بعض الحقول غير صالحة؛ انظر errors.
msg-rate-limited = محاولات كثيرة جدًا؛ حاول مرة أخرى بعد { $n ->
    [zero] { $n } ثانية
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $n } ثوانٍ
    [many] { $n } ثانية
   *[other] { $n } ثانية
}.
msg-unavailable = الخدمة غير متاحة مؤقتًا.
msg-internal = حدث خطأ غير متوقع.

## الصيغ اللغوية للمشروع (issue 17)
draft-versions = الصيغ اللغوية لهذا المشروع
draft-read_in = القراءة باللغة:
draft-original = الأصل
draft-side_by_side = جنبًا إلى جنب مع
draft-fallback = لا تتوفر صيغة من هذا المشروع باللغة المطلوبة ({ $asked }): أنت تقرأ النص الأصلي ({ $original }).
comment-language = لغة التعليق
export-text_language = لغة النص
trans-title = الصيغ اللغوية
trans-original = لغة الأصل:
trans-none = لا توجد صيغ لغوية بعد.
trans-all_done = للمشروع صيغة بكل لغة من اللغات الست.
trans-add = إضافة صيغة لغوية
trans-hint = الصق نص المشروع بلغة أخرى بتنسيق Markdown. ويجب أن يتضمن الفقرات نفسها الواردة في الأصل، بالأرقام والرموز نفسها (PP3، 12، (a)): فالتعليقات تخص الفقرة، ولذلك تظهر تحت الفقرة نفسها في كل صيغة. وإذا لم تتطابق فقرة ما، لا يُحفظ أي شيء وتُذكر الفقرات المعنية.
trans-language = اللغة
trans-field-title = العنوان بتلك اللغة (عنوان الأصل إذا تُرك الحقل فارغًا)
trans-written_in = لغة المشروع
dash-by_language = المساهمات حسب اللغة
dash-by_language-desc = المساهمات المنشورة حسب لغة كتابتها:
dash-by_language-caption = يُحتسب كل تعليق مرة واحدة، باللغة التي كتبه بها صاحبه، أيًّا كانت الصيغة اللغوية للمشروع التي كان يقرؤها.
dash-by_language-none = لا توجد مساهمات منشورة بعد.
dash-language = اللغة
msg-trans-label = الفقرة { $number } مرقمة { $original } في الأصل و{ $translation } في الترجمة
msg-trans-missing = الفقرة { $number } ({ $label }) من الأصل غير موجودة في الترجمة
msg-trans-extra = الفقرة { $number } ({ $label }) من الترجمة غير موجودة في الأصل
msg-trans-more = { $n ->
    [zero] ولا توجد فقرات أخرى غير متطابقة
    [one] وفقرة أخرى غير متطابقة
    [two] وفقرتان أخريان غير متطابقتين
    [few] و{ $n } فقرات أخرى غير متطابقة
    [many] و{ $n } فقرة أخرى غير متطابقة
   *[other] و{ $n } فقرة أخرى غير متطابقة
}
msg-trans-of-translation = صيغة لغوية للمشروع { $of }: أضف الصيغ اللغوية إلى المشروع الأصلي
msg-trans-original = المشروع الأصلي مكتوب بهذه اللغة ({ $code }): فهو الأصل وليس صيغة لغوية.
msg-trans-exists = للمشروع صيغة بهذه اللغة ({ $code }) بالفعل.
