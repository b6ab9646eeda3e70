//! The one translation table for every string the interface shows.
//!
//! Components never hold literal text: they call [`t`] with a [`Key`]. Each key has an
//! English, Russian, Chinese and Kazakh text; a native test checks none is missing.

pub use super::lang::Lang;
use super::plural::{self, Category};

/// A language's name in itself, for source languages and the language picker.
pub fn endonym(code: &str) -> Option<&'static str> {
    Some(match code.split('-').next().unwrap_or("") {
        "en" => "English",
        "ru" => "Русский",
        "zh" => "中文",
        "kk" => "Қазақша",
        "uz" => "Oʻzbekcha",
        "ky" => "Кыргызча",
        "tg" => "Тоҷикӣ",
        "tk" => "Türkmençe",
        "mn" => "Монгол",
        "uk" => "Українська",
        "de" => "Deutsch",
        "fr" => "Français",
        "es" => "Español",
        "tr" => "Türkçe",
        "fa" => "فارسی",
        "ar" => "العربية",
        "pl" => "Polski",
        "ro" => "Română",
        "nl" => "Nederlands",
        "sr" => "Српски",
        "ja" => "日本語",
        "ko" => "한국어",
        "ug" => "ئۇيغۇرچە",
        _ => return None,
    })
}

/// Languages written in a named script ("sr-Latn", "zh-Hant") that the region's sources
/// use, each in itself as the Unicode CLDR names it: the names the browser's
/// `Intl.DisplayNames` gives (a component test compares them), without loading a locale's
/// data for each.
pub const SCRIPT_ENDONYMS: [(&str, &str); 5] = [
    ("sr-Latn", "Srpski (latinica)"),
    ("sr-Cyrl", "Српски (ћирилица)"),
    ("zh-Hant", "繁體中文"),
    ("zh-Hans", "简体中文"),
    ("uz-Cyrl", "Ўзбекча (Кирил)"),
];

/// The name of a language written in a named script, in itself ([`SCRIPT_ENDONYMS`]);
/// codes match whatever their letter case.
pub fn script_endonym(code: &str) -> Option<&'static str> {
    SCRIPT_ENDONYMS
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code))
        .map(|&(_, name)| name)
}

macro_rules! table {
    ($($key:ident => [$en:expr, $ru:expr, $zh:expr, $kk:expr]),+ $(,)?) => {
        /// Every interface string.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Key { $($key),+ }

        impl Key {
            /// Every key, for completeness tests.
            pub const ALL: &'static [Key] = &[$(Key::$key),+];
        }

        /// The text of `key` in `lang`. Placeholders `{n}`, `{total}`... are filled by [`tf`].
        pub fn t(lang: Lang, key: Key) -> &'static str {
            match key {
                $(Key::$key => match lang {
                    Lang::En => $en,
                    Lang::Ru => $ru,
                    Lang::Zh => $zh,
                    Lang::Kk => $kk,
                }),+
            }
        }
    };
}

table! {
    AppTitle => ["Steppe", "Степь", "草原", "Дала"],
    // Every reader: credits of the corpus, claims and links named in words, plural counts.
    AboutData => ["About this data", "Об этих данных", "关于这些数据", "Осы деректер туралы"],
    DataLicense => ["Licence: {license}", "Лицензия: {license}", "许可：{license}", "Лицензия: {license}"],
    DataAttribution => ["Credit: {who}", "Авторство: {who}", "署名：{who}", "Авторлығы: {who}"],
    DataUpdated => ["Updated {date}", "Обновлено: {date}", "更新于 {date}", "Жаңартылды: {date}"],
    Disputed => ["disputed", "оспаривается", "有争议", "дау тудырған"],
    Undisputed => ["not disputed", "не оспаривается", "无争议", "даусыз"],
    DisputedClaim => ["Disputed claim", "Оспариваемое заявление", "有争议的说法", "Даулы мәлімдеме"],
    DisputedClaimBy => ["Disputed claim by {who}", "Оспариваемое заявление: {who}", "{who} 的有争议的说法", "{who} даулы мәлімдемесі"],
    UndisputedClaimBy => ["Undisputed claim by {who}", "Неоспариваемое заявление: {who}", "{who} 的无争议的说法", "{who} даусыз мәлімдемесі"],
    OpenSourceBy => ["{outlet}: open the source in a new tab", "{outlet}: открыть источник в новой вкладке", "{outlet}：在新标签页中打开来源", "{outlet}: дереккөзді жаңа қойындыда ашу"],
    NoSearchResults => ["No events match this search.", "Нет событий, подходящих под этот поиск.", "没有符合此搜索的事件。", "Бұл іздеуге сай оқиға жоқ."],
    PostLink => ["Link to the post this explorer is in", "Ссылка на запись, в которую встроен обозреватель", "嵌入此浏览器的文章的链接", "Осы шолғыш енгізілген жазбаға сілтеме"],
    ShowList => ["Show the list ({n})", "Показать список ({n})", "显示列表（{n}）", "Тізімді көрсету ({n})"],
    CopyFailed => ["This page may not copy here: the text is selected, press Ctrl+C (⌘C on a Mac).", "Здесь страница не может копировать: текст выделен, нажмите Ctrl+C (⌘C на Mac).", "此处无法复制：文本已选中，请按 Ctrl+C（Mac 上为 ⌘C）。", "Мұнда көшіру мүмкін емес: мәтін белгіленді, Ctrl+C (Mac-те ⌘C) басыңыз."],
    ShareTheFile => ["This explorer is a single file on this computer: to share it, send the file itself; the links below work once it is on a website.", "Этот обозреватель — один файл на этом компьютере: чтобы поделиться, отправьте сам файл; ссылки ниже заработают, когда он будет на сайте.", "此浏览器是本机上的单个文件：要分享，请发送文件本身；文件放到网站上后，下面的链接才可用。", "Бұл шолғыш — осы компьютердегі бір файл: бөлісу үшін файлдың өзін жіберіңіз; төмендегі сілтемелер ол сайтқа қойылғанда жұмыс істейді."],
    // Bring your own data: events without a place, ?corpus=, import, export, publishing.
    NoPlace => ["no place given", "место не указано", "未注明地点", "орны көрсетілмеген"],
    NotOnMap => ["{n} of the events shown have no place and are not on the map.", "Показанных событий без места, их нет на карте: {n}.", "所显示的事件中有 {n} 个没有地点，未在地图上显示。", "Көрсетілген оқиғалардың {n} орны жоқ, олар картада жоқ."],
    CorpusFrom => ["Corpus from {host}", "Корпус с {host}", "资料库来自 {host}", "Корпус көзі: {host}"],
    FetchNotFound => ["{url} was not found (HTTP 404). Check the address, and that the file was published there.", "{url} не найден (HTTP 404). Проверьте адрес и то, что файл там опубликован.", "未找到 {url}（HTTP 404）。请检查地址，并确认文件已发布在那里。", "{url} табылмады (HTTP 404). Мекенжайды және файлдың сонда жарияланғанын тексеріңіз."],
    FetchStatus => ["{url} answered HTTP {status}. Try again later, or ask its host.", "{url} ответил HTTP {status}. Повторите позже или спросите владельца сайта.", "{url} 返回 HTTP {status}。请稍后再试，或联系其网站。", "{url} HTTP {status} деп жауап берді. Кейінірек қайталаңыз немесе сайт иесінен сұраңыз."],
    FetchNetwork => ["{url} could not be reached: its server is down, or it does not let other sites read it (it must send Access-Control-Allow-Origin). Check the address, or ask its host to allow it.", "Не удалось обратиться к {url}: сервер недоступен или не разрешает другим сайтам читать файл (нужен заголовок Access-Control-Allow-Origin). Проверьте адрес или попросите владельца разрешить доступ.", "无法访问 {url}：其服务器不可用，或不允许其他网站读取（需要 Access-Control-Allow-Origin 头）。请检查地址，或请其网站允许访问。", "{url} мекенжайына қол жеткізу мүмкін болмады: сервер істемейді немесе басқа сайттарға оқуға рұқсат бермейді (Access-Control-Allow-Origin тақырыбы керек). Мекенжайды тексеріңіз немесе сайт иесінен рұқсат сұраңыз."],
    FetchOffline => ["You are offline and {url} is not saved on this device. Connect to the internet and reload.", "Нет сети, а {url} не сохранён на этом устройстве. Подключитесь к интернету и перезагрузите страницу.", "您处于离线状态，且本设备未保存 {url}。请联网后重新加载。", "Желі жоқ, ал {url} бұл құрылғыда сақталмаған. Интернетке қосылып, бетті қайта жүктеңіз."],
    ExportHeading => ["Download the {n} events shown", "Скачать показанные события ({n})", "下载所显示的 {n} 个事件", "Көрсетілген {n} оқиғаны жүктеу"],
    ExportCsv => ["CSV (spreadsheet)", "CSV (таблица)", "CSV（电子表格）", "CSV (кесте)"],
    ExportGeoJson => ["GeoJSON (map data)", "GeoJSON (картографические данные)", "GeoJSON（地图数据）", "GeoJSON (карта деректері)"],
    ExportSteppe => ["Steppe corpus (JSON)", "Корпус Steppe (JSON)", "Steppe 资料库（JSON）", "Steppe корпусы (JSON)"],
    ExportTimelineJs => ["TimelineJS (JSON)", "TimelineJS (JSON)", "TimelineJS（JSON）", "TimelineJS (JSON)"],
    PublishHeading => ["Publish", "Опубликовать", "发布", "Жариялау"],
    DownloadCorpus => ["Download corpus", "Скачать корпус", "下载资料库", "Корпусты жүктеу"],
    DownloadExplorer => ["Download this explorer", "Скачать этот обозреватель", "下载此浏览器", "Осы шолғышты жүктеу"],
    DownloadExplorerHint => ["One HTML file with the app and this corpus: it opens offline, from any folder or web host.", "Один HTML-файл с приложением и этим корпусом: открывается без сети, из любой папки или с любого хостинга.", "一个包含应用和此资料库的 HTML 文件：可离线打开，可放在任何文件夹或网站上。", "Қолданба мен осы корпус бар бір HTML файл: желісіз, кез келген қалтадан не хостингтен ашылады."],
    DownloadFailed => ["The download could not be made: {error}", "Не удалось подготовить файл: {error}", "无法生成下载文件：{error}", "Жүктеу файлын дайындау мүмкін болмады: {error}"],
    ImportedAs => ["{file} was read as {format}.", "{file} прочитан как {format}.", "{file} 已按 {format} 读取。", "{file} {format} ретінде оқылды."],
    // Compare view: disputes, coverage by language, first reports.
    CompareView => ["Compare", "Сравнение", "对比", "Салыстыру"],
    SkipToCompare => ["Skip to Compare", "Перейти к сравнению", "跳到对比", "Салыстыруға өту"],
    CompareHint => ["How each language's sources covered the matching events, and where claims disagree.", "Как источники на каждом языке освещали найденные события и в чём расходятся заявления.", "各语言来源如何报道符合条件的事件，以及各方说法的分歧。", "Әр тілдегі дереккөздер табылған оқиғаларды қалай жазды және мәлімдемелер қай жерде алшақтайды."],
    Disputes => ["Disputes", "Спорные вопросы", "争议", "Даулы сұрақтар"],
    NoDisputes => ["No question with several answers among the matching events.", "Среди найденных событий нет вопросов с несколькими ответами.", "符合条件的事件中没有存在多种答案的问题。", "Табылған оқиғалар арасында бірнеше жауабы бар сұрақ жоқ."],
    Answer => ["Answer", "Ответ", "答案", "Жауап"],
    Claimant => ["Claimant", "Кто заявляет", "说法来源", "Мәлімдеуші"],
    Outlets => ["Outlets", "Издания", "媒体", "Басылымдар"],
    Status => ["Status", "Статус", "状态", "Күйі"],
    UnitLabel => ["in {unit}", "единицы: {unit}", "单位：{unit}", "өлшемі: {unit}"],
    Coverage => ["Coverage by language", "Освещение по языкам", "各语言报道情况", "Тілдер бойынша жариялану"],
    CoverageAll => ["All events", "Все события", "全部事件", "Барлық оқиға"],
    CoverageSome => ["Covered by only some languages", "Освещены не на всех языках", "仅部分语言报道的事件", "Тек кейбір тілдерде жазылғандар"],
    Event => ["Event", "Событие", "事件", "Оқиға"],
    Total => ["Total", "Итого", "合计", "Барлығы"],
    FirstCount => ["{n} first", "первыми: {n}", "{n} 次最先", "{n} рет бірінші"],
    SourceCount => ["sources: {n}", "источников: {n}", "来源：{n}", "дереккөз: {n}"],
    ReportedFirst => ["first", "первым", "最先", "бірінші"],
    DaysLater => ["+{n} d", "+{n} дн.", "晚 {n} 天", "+{n} күн"],
    NotCovered => ["not covered", "не освещено", "未报道", "жазылмаған"],
    Undated => ["undated", "без даты", "无日期", "күні жоқ"],
    FirstReports => ["First reports", "Первые сообщения", "首次报道", "Алғашқы хабарлар"],
    FirstReportsHint => ["One lane per language: a mark is when its sources first reported an event on this page; ★ marks the first.", "Одна полоса на язык: отметка — когда источники на нём впервые сообщили о событии с этой страницы; ★ — самые первые.", "每种语言一条轨道：标记表示该语言来源首次报道本页某事件的时间；★ 表示最先报道。", "Әр тілге бір жолақ: белгі — сол тілдегі дереккөздер осы беттегі оқиғаны алғаш хабарлаған кез; ★ — ең біріншісі."],
    MoreAnswers => ["{n} later answer is not shown here; the event list has it.|{n} later answers are not shown here; the event list has them all.", "Ещё {n} более поздний ответ здесь не показан; он есть в списке событий.|Ещё {n} более поздних ответа здесь не показаны; все они есть в списке событий.|Ещё {n} более поздних ответов здесь не показано; все они есть в списке событий.|Ещё {n} более поздних ответа здесь не показано; все они есть в списке событий.", "另有 {n} 个较晚的答案未在此显示；事件列表中可查看全部。", "Тағы {n} кейінгі жауап мұнда көрсетілмеді; ол оқиғалар тізімінде бар.|Тағы {n} кейінгі жауап мұнда көрсетілмеді; олардың бәрі оқиғалар тізімінде бар."],
    OtherAnswers => ["Other answers to: {q}", "Другие ответы на вопрос: {q}", "对该问题的其他答案：{q}", "Осы сұраққа басқа жауаптар: {q}"],
    Loading => ["Loading the corpus…", "Загрузка корпуса…", "正在加载资料库…", "Корпус жүктелуде…"],
    CorpusBroken => ["The corpus could not be loaded", "Не удалось загрузить корпус", "无法加载资料库", "Корпусты жүктеу мүмкін болмады"],
    CorpusWarnings => ["Problems found in the corpus", "В корпусе найдены ошибки", "资料库中发现问题", "Корпуста қателер табылды"],
    RecordsLeftOut => ["{n} record with errors was left out; the rest is shown.|{n} records with errors were left out; the rest is shown.", "{n} запись с ошибками пропущена; остальные показаны.|{n} записи с ошибками пропущены; остальные показаны.|{n} записей с ошибками пропущено; остальные показаны.|{n} записи с ошибками пропущено; остальные показаны.", "已略去 {n} 条有错误的记录，其余照常显示。", "Қатесі бар {n} жазба алынып тасталды; қалғаны көрсетілді.|Қатесі бар {n} жазба алынып тасталды; қалғаны көрсетілді."],
    FetchFailed => ["Could not fetch {url}: {error}", "Не удалось получить {url}: {error}", "无法获取 {url}：{error}", "{url} алу мүмкін болмады: {error}"],
    SeverityError => ["error", "ошибка", "错误", "қате"],
    SeverityWarning => ["warning", "предупреждение", "警告", "ескерту"],
    Crashed => ["Something went wrong", "Что-то пошло не так", "出错了", "Бірдеңе дұрыс болмады"],
    CrashedHint => ["The explorer stopped. What it showed stays on screen, with the problems found in the corpus; reload the page to start again.", "Обозреватель остановился. Показанное остаётся на экране вместе с найденными в корпусе ошибками; перезагрузите страницу, чтобы начать заново.", "浏览器已停止运行。已显示的内容和资料库中发现的问题仍留在屏幕上；请重新加载页面以重新开始。", "Шолғыш тоқтады. Көрсетілген мазмұн корпуста табылған қателермен бірге экранда қалады; қайта бастау үшін бетті қайта жүктеңіз."],
    Reload => ["Reload", "Перезагрузить", "重新加载", "Қайта жүктеу"],
    Dismiss => ["Dismiss", "Закрыть", "关闭", "Жабу"],
    Map => ["Map", "Карта", "地图", "Карта"],
    Timeline => ["Timeline", "Хронология", "时间轴", "Уақыт сызығы"],
    List => ["List", "Список", "列表", "Тізім"],
    Filters => ["Filters", "Фильтры", "筛选", "Сүзгілер"],
    Actors => ["Actors", "Участники", "行为者", "Қатысушылар"],
    SourceLanguages => ["Source languages", "Языки источников", "来源语言", "Дереккөз тілдері"],
    LanguageRule => ["An event counts under a language when any of its sources is in it.", "Событие учитывается в языке, если хотя бы один его источник на этом языке.", "只要事件的任一来源使用某种语言，该事件即计入该语言。", "Оқиғаның кемінде бір дереккөзі сол тілде болса, ол сол тілге есептеледі."],
    AllTogether => ["Only events with all selected actors together", "Только события со всеми выбранными участниками вместе", "仅显示所有所选行为者共同参与的事件", "Тек барлық таңдалған қатысушылар бірге болған оқиғалар"],
    Search => ["Search", "Поиск", "搜索", "Іздеу"],
    SearchPlaceholder => ["Search titles, places, actors, sources…", "Поиск по заголовкам, местам, участникам, источникам…", "搜索标题、地点、行为者、来源…", "Тақырып, орын, қатысушы, дереккөз бойынша іздеу…"],
    ClearAll => ["Clear all filters", "Сбросить все фильтры", "清除所有筛选", "Барлық сүзгіні тазарту"],
    Clear => ["Clear", "Сбросить", "清除", "Тазарту"],
    ResultCount => ["{n} of {total} event|{n} of {total} events", "{n} из {total} события|{n} из {total} событий|{n} из {total} событий|{n} из {total} события", "{total} 个事件中的 {n} 个", "{total} оқиғаның {n}|{total} оқиғаның {n}"],
    NoResults => ["No events match these filters.", "Нет событий, подходящих под эти фильтры.", "没有符合这些筛选条件的事件。", "Бұл сүзгілерге сай оқиға жоқ."],
    Date => ["Date", "Дата", "日期", "Күні"],
    Place => ["Place", "Место", "地点", "Орны"],
    Title => ["Title", "Заголовок", "标题", "Тақырыбы"],
    Languages => ["Languages", "Языки", "语言", "Тілдер"],
    Sources => ["Sources", "Источники", "来源", "Дереккөздер"],
    Summary => ["Summary", "Описание", "摘要", "Қысқаша"],
    Translation => ["Translation", "Перевод", "译文", "Аудармасы"],
    Published => ["Published", "Опубликовано", "发布日期", "Жарияланды"],
    NoLink => ["No link given", "Ссылка не указана", "未提供链接", "Сілтеме берілмеген"],
    Claim => ["Claim", "Заявление", "说法", "Мәлімдеме"],
    Close => ["Close", "Закрыть", "关闭", "Жабу"],
    Previous => ["Previous event", "Предыдущее событие", "上一个事件", "Алдыңғы оқиға"],
    Next => ["Next event", "Следующее событие", "下一个事件", "Келесі оқиға"],
    ZoomIn => ["Zoom in", "Приблизить", "放大", "Жақындату"],
    ZoomOut => ["Zoom out", "Отдалить", "缩小", "Алыстату"],
    FitEvents => ["Fit to events", "Показать все события", "缩放至全部事件", "Барлық оқиғаны көрсету"],
    Reset => ["Reset view", "Сбросить вид", "重置视图", "Көріністі қалпына келтіру"],
    MapLabel => ["Map of events. Use arrow keys to pan, + and - to zoom.", "Карта событий. Стрелки — сдвиг, + и - — масштаб.", "事件地图。方向键平移，+ 和 - 缩放。", "Оқиғалар картасы. Жылжыту — бағыт пернелері, масштаб — + және -."],
    TimelineLabel => ["Timeline of events. Use arrow keys to pan, + and - to zoom. Each event is also in the list below.", "Хронология событий. Стрелки — сдвиг, + и - — масштаб. Каждое событие есть и в списке ниже.", "事件时间轴。方向键平移，+ 和 - 缩放。每个事件也列在下方列表中。", "Оқиғалар уақыт сызығы. Жылжыту — бағыт пернелері, масштаб — + және -. Әр оқиға төмендегі тізімде де бар."],
    EventsHere => ["{n} event|{n} events", "{n} событие|{n} события|{n} событий|{n} события", "{n} 个事件", "{n} оқиға|{n} оқиға"],
    ZoomToSee => ["{n} event in view: zoom in to see it|{n} events in view: zoom in to see each one", "В окне {n} событие: приблизьте, чтобы увидеть его|В окне {n} события: приблизьте, чтобы увидеть каждое|В окне {n} событий: приблизьте, чтобы увидеть каждое|В окне {n} события: приблизьте, чтобы увидеть каждое", "视图中有 {n} 个事件：放大以查看每一个", "Көріністе {n} оқиға: көру үшін жақындатыңыз|Көріністе {n} оқиға: әрқайсысын көру үшін жақындатыңыз"],
    OffMap => ["{n} event outside the map|{n} events outside the map", "{n} событие за пределами карты|{n} события за пределами карты|{n} событий за пределами карты|{n} события за пределами карты", "地图范围外的 {n} 个事件", "Картадан тыс {n} оқиға|Картадан тыс {n} оқиға"],
    Attribution => ["Borders: Natural Earth (public domain)", "Границы: Natural Earth (общественное достояние)", "边界：Natural Earth（公有领域）", "Шекаралар: Natural Earth (қоғамдық игілік)"],
    Play => ["Play through time", "Воспроизвести по времени", "按时间播放", "Уақыт бойынша ойнату"],
    Pause => ["Pause", "Пауза", "暂停", "Кідірту"],
    CtrlToZoom => ["Hold Ctrl (⌘ on a Mac) and scroll to zoom the map", "Чтобы масштабировать карту, прокручивайте с Ctrl (⌘ на Mac)", "按住 Ctrl（Mac 上为 ⌘）并滚动以缩放地图", "Картаны масштабтау үшін Ctrl (Mac-те ⌘) басып айналдырыңыз"],
    From => ["From", "С", "从", "Басы"],
    To => ["To", "По", "至", "Соңы"],
    BrushHint => ["Drag on the timeline to choose a date range", "Выделите на хронологии диапазон дат", "在时间轴上拖动以选择日期范围", "Күн аралығын таңдау үшін уақыт сызығында сүйреңіз"],
    InterfaceLanguage => ["Interface language", "Язык интерфейса", "界面语言", "Интерфейс тілі"],
    Share => ["Share / embed", "Поделиться / встроить", "分享 / 嵌入", "Бөлісу / ендіру"],
    OpenFile => ["Open a corpus file…", "Открыть файл корпуса…", "打开资料库文件…", "Корпус файлын ашу…"],
    StaleLink => ["Some parts of the link were not understood and were ignored: {what}", "Часть ссылки не распознана и пропущена: {what}", "链接中有部分内容无法识别，已忽略：{what}", "Сілтеменің кейбір бөлігі танылмай, еленбеді: {what}"],
    Participants => ["Actors", "Участники", "行为者", "Қатысушылар"],
    PrecisionYear => ["year", "год", "年", "жыл"],
    PrecisionMonth => ["month", "месяц", "月", "ай"],
    PrecisionDay => ["day", "день", "日", "күн"],
    PrecisionMinute => ["time", "время", "时刻", "уақыт"],
    DatePrecision => ["known to the {p}", "с точностью до: {p}", "精确到{p}", "дәлдігі: {p}"],
    PlacePrecisionLabel => ["location precision: {p}", "точность места: {p}", "位置精度：{p}", "орын дәлдігі: {p}"],
    SkipToList => ["Skip to the list of events", "Перейти к списку событий", "跳到事件列表", "Оқиғалар тізіміне өту"],
    Selected => ["Selected event", "Выбранное событие", "所选事件", "Таңдалған оқиға"],
    LinkToView => ["Link to this view", "Ссылка на этот вид", "此视图的链接", "Осы көрініске сілтеме"],
    Copy => ["Copy", "Копировать", "复制", "Көшіру"],
    Copied => ["Copied", "Скопировано", "已复制", "Көшірілді"],
    CompactLayout => ["Compact layout for embedding", "Компактный вид для встраивания", "嵌入用紧凑布局", "Ендіруге арналған ықшам көрініс"],
    EmbedCode => ["Embed code (paste into a blog post's HTML)", "Код для встраивания (вставьте в HTML записи блога)", "嵌入代码（粘贴到博客文章的 HTML 中）", "Ендіру коды (блог жазбасының HTML-іне қойыңыз)"],
    ResizeScript => ["Optional: let the frame grow with the explorer (paste once into the host page)", "Необязательно: рамка подстраивается под высоту (вставьте один раз на страницу)", "可选：让框架随内容调整高度（在宿主页面粘贴一次）", "Қосымша: жақтау биіктігі мазмұнға бейімделеді (бетке бір рет қойыңыз)"],
    IframesStripped => ["Where a blog strips iframes, share the link instead.", "Если блог удаляет iframe, поделитесь ссылкой.", "如果博客会删除 iframe，请改为分享链接。", "Блог iframe-ді өшірсе, сілтемемен бөлісіңіз."],
    PrevPage => ["Previous page", "Предыдущая страница", "上一页", "Алдыңғы бет"],
    NextPage => ["Next page", "Следующая страница", "下一页", "Келесі бет"],
    RowsRange => ["{from}–{to} of {n}", "{from}–{to} из {n}", "第 {from}–{to} 个，共 {n} 个", "{n} ішінен {from}–{to}"],
    EndsOn => ["until {date}", "до {date}", "至 {date}", "{date} дейін"],
    Role => ["role: {role}", "роль: {role}", "角色：{role}", "рөлі: {role}"],
    EventKind => ["Type", "Тип", "类型", "Түрі"],
    // Loading a large corpus, with a progress bar.
    LoadDownloading => ["Downloading the corpus", "Скачивание корпуса", "正在下载资料库", "Корпус жүктеп алынуда"],
    LoadChecking => ["Checking the events", "Проверка событий", "正在检查事件", "Оқиғалар тексерілуде"],
    LoadPreparing => ["Preparing the map and timeline", "Подготовка карты и хронологии", "正在准备地图和时间轴", "Карта мен уақыт желісі дайындалуда"],
    LoadMegabytes => ["{done} of {total} MB", "{done} из {total} МБ", "{done} / {total} MB", "{done} / {total} МБ"],
    LoadMegabytesSoFar => ["{done} MB", "{done} МБ", "{done} MB", "{done} МБ"],
    LoadEvents => ["{done} of {total} event|{done} of {total} events", "{done} из {total} события|{done} из {total} событий|{done} из {total} событий|{done} из {total} события", "{done} / {total} 个事件", "{done} / {total} оқиға|{done} / {total} оқиға"],
}

/// Keys whose text holds one form per plural category of the language, separated by `|`,
/// in the order of [`plural::categories`].
pub const PLURAL: &[Key] = &[
    Key::RecordsLeftOut,
    Key::ResultCount,
    Key::EventsHere,
    Key::ZoomToSee,
    Key::OffMap,
    Key::LoadEvents,
    Key::MoreAnswers,
];

/// The form of a plural key for a category (the last form when the text has fewer).
pub fn plural_form(lang: Lang, key: Key, cat: Category) -> &'static str {
    plural::form(lang, t(lang, key), cat)
}

/// A plural key's form for `cat`, with placeholders filled.
pub fn tp(lang: Lang, key: Key, cat: Category, args: &[(&str, &str)]) -> String {
    fill(plural_form(lang, key, cat), args)
}

/// A plural key for the number `n` by the core's rules and digit grouping, `n` filling `{n}`
/// (the shell writes counts through `ui/intl.rs`, with the same rules).
pub fn tn(lang: Lang, key: Key, n: u64, args: &[(&str, &str)]) -> String {
    let written = plural::group_digits(lang, n);
    let mut all = vec![("n", written.as_str())];
    all.extend_from_slice(args);
    tp(lang, key, plural::category(lang, n), &all)
}

/// `t` with `{name}` placeholders replaced by the given values.
pub fn tf(lang: Lang, key: Key, args: &[(&str, &str)]) -> String {
    fill(t(lang, key), args)
}

fn fill(template: &str, args: &[(&str, &str)]) -> String {
    plural::fill(template, |name| {
        args.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    })
}

/// One actor of a kind ("state", "NGO"), for an actor's own label.
pub fn actor_kind_one(lang: Lang, kind: crate::corpus::ActorKind) -> &'static str {
    use crate::corpus::ActorKind::*;
    let row: [&str; 4] = match kind {
        State => ["state", "государство", "国家", "мемлекет"],
        Government => [
            "government body",
            "орган власти",
            "政府机构",
            "мемлекеттік орган",
        ],
        ArmedForce => ["armed force", "вооружённые силы", "武装力量", "қарулы күш"],
        Alliance => ["alliance", "союз", "联盟", "одақ"],
        Igo => [
            "international organisation",
            "международная организация",
            "国际组织",
            "халықаралық ұйым",
        ],
        Party => [
            "party or movement",
            "партия или движение",
            "政党或运动",
            "партия не қозғалыс",
        ],
        Ngo => ["NGO", "НКО", "非政府组织", "ҮЕҰ"],
        Media => ["media outlet", "СМИ", "媒体", "БАҚ"],
        Person => ["person", "человек", "人物", "тұлға"],
        Group => ["group or crowd", "группа", "群体", "топ"],
    };
    lang.pick(row)
}

/// How precisely a place is known, in words.
pub fn place_precision(lang: Lang, p: crate::corpus::PlacePrecision) -> &'static str {
    use crate::corpus::PlacePrecision::*;
    let row: [&str; 4] = match p {
        Exact => ["exact", "точно", "精确", "нақты"],
        City => ["city", "город", "城市", "қала"],
        Region => ["region", "регион", "地区", "өңір"],
        Country => ["country", "страна", "国家", "ел"],
    };
    lang.pick(row)
}

/// An event type, in words.
pub fn event_type(lang: Lang, t: crate::corpus::EventType) -> &'static str {
    use crate::corpus::EventType::*;
    let row: [&str; 4] = match t {
        Economic => ["economic", "экономика", "经济", "экономика"],
        Protest => ["protest", "протест", "抗议", "наразылық"],
        Violence => ["violence", "насилие", "暴力", "зорлық-зомбылық"],
        Security => ["security", "безопасность", "安全", "қауіпсіздік"],
        Political => ["political", "политика", "政治", "саясат"],
        Military => ["military", "военное", "军事", "әскери"],
        Diplomatic => ["diplomatic", "дипломатия", "外交", "дипломатия"],
        Statement => ["statement", "заявление", "声明", "мәлімдеме"],
        Communications => ["communications", "связь", "通信", "байланыс"],
        Other => ["other", "другое", "其他", "басқа"],
    };
    lang.pick(row)
}

/// An actor kind's label, through the table's language.
pub fn actor_kind(lang: Lang, kind: crate::corpus::ActorKind) -> &'static str {
    use crate::corpus::ActorKind::*;
    let row: [&str; 4] = match kind {
        State => ["States", "Государства", "国家", "Мемлекеттер"],
        Government => [
            "Government bodies",
            "Органы власти",
            "政府机构",
            "Мемлекеттік органдар",
        ],
        ArmedForce => [
            "Armed forces",
            "Вооружённые силы",
            "武装力量",
            "Қарулы күштер",
        ],
        Alliance => ["Alliances", "Союзы", "联盟", "Одақтар"],
        Igo => [
            "International organisations",
            "Международные организации",
            "国际组织",
            "Халықаралық ұйымдар",
        ],
        Party => [
            "Parties and movements",
            "Партии и движения",
            "政党与运动",
            "Партиялар мен қозғалыстар",
        ],
        Ngo => ["NGOs", "НКО", "非政府组织", "ҮЕҰ"],
        Media => ["Media", "СМИ", "媒体", "БАҚ"],
        Person => ["People", "Люди", "人物", "Тұлғалар"],
        Group => ["Groups and crowds", "Группы", "群体", "Топтар"],
    };
    lang.pick(row)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{ActorKind, NamedEnum};

    #[test]
    fn every_key_has_every_language() {
        for &k in Key::ALL {
            for l in Lang::ALL {
                assert!(!t(l, k).trim().is_empty(), "{k:?} in {l:?}");
            }
            // Placeholders must be the same in every language and every plural form.
            let holes = |s: &str| {
                let mut v: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split('}').next().map(String::from))
                    .collect();
                v.sort();
                v
            };
            let first = t(Lang::En, k).split('|').next().unwrap_or_default();
            for l in Lang::ALL {
                for form in t(l, k).split('|') {
                    assert_eq!(holes(form), holes(first), "{k:?} in {l:?}");
                }
            }
        }
        for l in Lang::ALL {
            for &k in ActorKind::ALL {
                assert!(!actor_kind(l, k).is_empty() && !actor_kind_one(l, k).is_empty());
            }
            for &p in crate::corpus::PlacePrecision::ALL {
                assert!(!place_precision(l, p).is_empty());
            }
            for &t in crate::corpus::EventType::ALL {
                assert!(!event_type(l, t).is_empty());
            }
        }
    }

    #[test]
    fn plural_keys_have_one_form_per_category() {
        for &k in Key::ALL {
            for l in Lang::ALL {
                let forms = t(l, k).split('|').count();
                if PLURAL.contains(&k) {
                    assert_eq!(forms, plural::categories(l).len(), "{k:?} in {l:?}");
                } else {
                    assert_eq!(forms, 1, "{k:?} in {l:?} has a stray |");
                }
            }
        }
    }

    #[test]
    fn counts_read_right() {
        use Category::*;
        let ru = |n| tn(Lang::Ru, Key::EventsHere, n, &[]);
        assert_eq!(ru(1), "1 событие");
        assert_eq!(ru(3), "3 события");
        assert_eq!(ru(5), "5 событий");
        assert_eq!(ru(21), "21 событие");
        assert_eq!(tn(Lang::En, Key::OffMap, 1, &[]), "1 event outside the map");
        assert_eq!(
            tn(Lang::En, Key::OffMap, 100_000, &[]),
            "100,000 events outside the map"
        );
        assert_eq!(tn(Lang::Kk, Key::EventsHere, 5, &[]), "5 оқиға");
        assert_eq!(tn(Lang::Zh, Key::EventsHere, 1, &[]), "1 个事件");
        assert_eq!(
            tp(
                Lang::En,
                Key::ResultCount,
                One,
                &[("n", "1"), ("total", "1")]
            ),
            "1 of 1 event"
        );
        assert_eq!(
            tp(
                Lang::Ru,
                Key::ResultCount,
                Few,
                &[("n", "2"), ("total", "3")]
            ),
            "2 из 3 событий"
        );
        assert_eq!(
            tp(Lang::Ru, Key::RecordsLeftOut, One, &[("n", "1")]),
            "1 запись с ошибками пропущена; остальные показаны."
        );
        // The interface always has a form, even for a category a language lacks.
        assert_eq!(plural_form(Lang::Zh, Key::EventsHere, Few), "{n} 个事件");
    }

    #[test]
    fn fills_placeholders_and_reads_codes() {
        assert_eq!(
            tn(Lang::En, Key::ResultCount, 52, &[("total", "52")]),
            "52 of 52 events"
        );
        assert_eq!(
            tf(Lang::Zh, Key::ResultCount, &[("n", "37"), ("total", "52")]),
            "52 个事件中的 37 个"
        );
        // Values are not read again: a file named "{format}.csv" stays so named.
        assert_eq!(
            tf(
                Lang::En,
                Key::ImportedAs,
                &[("file", "{format}.csv"), ("format", "CSV")]
            ),
            tf(
                Lang::En,
                Key::ImportedAs,
                &[("file", "X"), ("format", "CSV")]
            )
            .replacen('X', "{format}.csv", 1)
        );
        assert_eq!(Lang::from_code("kk-KZ"), Some(Lang::Kk));
        assert_eq!(Lang::from_code("zh-Hans"), Some(Lang::Zh));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(endonym("zh"), Some("中文"));
        assert_eq!(endonym("kk"), Some("Қазақша"));
        // Codes are matched whatever their letter case; a region is not a script.
        assert_eq!(script_endonym("zh-hant"), Some("繁體中文"));
        assert_eq!(script_endonym("sr-Latn"), Some("Srpski (latinica)"));
        assert_eq!(script_endonym("zh-TW"), None);
        assert_eq!(script_endonym("zh"), None);
    }
}
