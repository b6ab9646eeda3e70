//! What the validator, the JSON reader and the importers say about a file, in the four
//! interface languages.
//!
//! A diagnostic holds a [`Message`]: a [`Msg`] key and its named arguments. The app shows
//! it in the interface language; the corpus tool and [`Message`]'s `Display` write English.
//! The English template below is the only English wording of each message.
//!
//! Arguments are not translated: echoes of the input (already escaped and bounded by
//! `quote`/`echo`), numbers, and the format's own words (field names, JSON kinds, enum
//! values), which are written as the file writes them. An argument may be another message
//! (a reason inside "row left out: …"), rendered in the same language.

use super::lang::Lang;
use super::plural;
use crate::corpus::diagnostic::quote;
use std::fmt;

macro_rules! diag_table {
    ($($key:ident => [$en:expr, $ru:expr, $zh:expr, $kk:expr $(,)?]),+ $(,)?) => {
        /// Every message the validator, the JSON reader and the importers give.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),+ }

        impl Msg {
            /// Every key, for completeness tests.
            pub const ALL: &'static [Msg] = &[$(Msg::$key),+];
        }

        /// The template of `key` in `lang`: `{name}` placeholders, and for a template with
        /// `{n}`, one form per plural category of the language separated by `|`.
        pub fn template(lang: Lang, key: Msg) -> &'static str {
            match key {
                $(Msg::$key => match lang {
                    Lang::En => $en,
                    Lang::Ru => $ru,
                    Lang::Zh => $zh,
                    Lang::Kk => $kk,
                }),+
            }
        }
    };
}

diag_table! {
    // The file as a whole: its encoding and size.
    WideEncoding => [
        "this file is {encoding}, not UTF-8: save it as UTF-8 (in most editors: \"Save as…\", encoding \"UTF-8\") and open it again",
        "этот файл в кодировке {encoding}, а не UTF-8: сохраните его в UTF-8 (в большинстве редакторов: «Сохранить как…», кодировка «UTF-8») и откройте снова",
        "此文件的编码是 {encoding}，不是 UTF-8：请将其另存为 UTF-8（多数编辑器中：“另存为…”，编码选“UTF-8”）后重新打开",
        "бұл файл UTF-8 емес, {encoding} кодтауында: оны UTF-8 түрінде сақтап (көп редакторда: «Басқаша сақтау…», кодтау «UTF-8»), қайта ашыңыз",
    ],
    // Byte orders are named as in the Unicode standard.
    Encoding => [
        "{name} ({order})",
        "{name} ({order})",
        "{name}（{order}）",
        "{name} ({order})",
    ],
    EncodingWithMark => [
        "{name} ({order}, with a byte-order mark)",
        "{name} ({order}, с меткой порядка байтов)",
        "{name}（{order}，带字节顺序标记）",
        "{name} ({order}, байт реті белгісімен)",
    ],
    InvalidUtf8 => [
        "invalid UTF-8 ({bytes}) replaced by U+FFFD: the file is not valid UTF-8 here",
        "недопустимая последовательность UTF-8 ({bytes}) заменена на U+FFFD: здесь файл не в корректной кодировке UTF-8",
        "无效的 UTF-8（{bytes}）已替换为 U+FFFD：文件此处不是有效的 UTF-8",
        "жарамсыз UTF-8 ({bytes}) U+FFFD таңбасымен ауыстырылды: файл бұл жерде дұрыс UTF-8 емес",
    ],
    MoreInvalidUtf8 => [
        "{n} more invalid UTF-8 sequence after this one was replaced by U+FFFD|{n} more invalid UTF-8 sequences after this one were replaced by U+FFFD",
        "после этой заменена на U+FFFD ещё {n} недопустимая последовательность UTF-8|после этой заменены на U+FFFD ещё {n} недопустимые последовательности UTF-8|после этой заменено на U+FFFD ещё {n} недопустимых последовательностей UTF-8|после этой заменено на U+FFFD ещё {n} недопустимой последовательности UTF-8",
        "此后另有 {n} 处无效的 UTF-8 序列已替换为 U+FFFD",
        "осыдан кейін тағы {n} жарамсыз UTF-8 тізбегі U+FFFD таңбасымен ауыстырылды|осыдан кейін тағы {n} жарамсыз UTF-8 тізбегі U+FFFD таңбасымен ауыстырылды",
    ],
    FileTooBig => [
        "the file is {size} MB; reading a file takes about {factor} times its size in memory, so the memory budget of {budget} MB allows files of at most {limit} MB",
        "размер файла {size} МБ; чтение файла занимает в памяти примерно в {factor} раз больше его размера, поэтому бюджет памяти {budget} МБ допускает файлы не больше {limit} МБ",
        "文件大小为 {size} MB；读取文件所需的内存约为其大小的 {factor} 倍，因此 {budget} MB 的内存预算只允许不超过 {limit} MB 的文件",
        "файл көлемі {size} МБ; файлды оқу үшін жадта оның көлемінен шамамен {factor} есе көп орын керек, сондықтан {budget} МБ жад бюджеті ең көбі {limit} МБ файлдарға жетеді",
    ],
    TooManyDiagnostics => [
        "{problems} more ({errors}) from here on are not listed: only the first {max} are",
        "начиная с этого места не перечислены ещё: {problems} ({errors}); показаны только первые {max}",
        "从此处起另有 {problems}（{errors}）未列出：只列出前 {max} 个",
        "осы жерден бастап тағы {problems} ({errors}) тізілмеді: тек алғашқы {max} көрсетілді",
    ],
    Problems => [
        "{n} problem|{n} problems",
        "{n} проблема|{n} проблемы|{n} проблем|{n} проблемы",
        "{n} 个问题",
        "{n} мәселе|{n} мәселе",
    ],
    Errors => [
        "{n} error|{n} errors",
        "{n} ошибка|{n} ошибки|{n} ошибок|{n} ошибки",
        "{n} 个错误",
        "{n} қате|{n} қате",
    ],
    // JSON syntax.
    MalformedJson => [
        "malformed JSON: {error}",
        "ошибка в JSON: {error}",
        "JSON 格式错误：{error}",
        "JSON қатесі: {error}",
    ],
    JsonFound => [
        "{problem}, found {found}",
        "{problem}, найдено: {found}",
        "{problem}，实际为 {found}",
        "{problem}, табылғаны: {found}",
    ],
    JsonFoundEnd => [
        "the end of the file",
        "конец файла",
        "文件末尾",
        "файлдың соңы",
    ],
    JsonEndOfDocument => [
        "expected the end of the document after the top-level value",
        "после значения верхнего уровня ожидался конец документа",
        "顶层值之后应为文档结尾",
        "жоғарғы деңгейдегі мәннен кейін құжаттың соңы күтілді",
    ],
    JsonValueExpected => [
        "expected a JSON value",
        "ожидалось значение JSON",
        "应为 JSON 值",
        "JSON мәні күтілді",
    ],
    JsonMismatchedBracket => [
        "mismatched bracket",
        "непарная скобка",
        "括号不匹配",
        "жақша жұбы сәйкес емес",
    ],
    JsonCloseArray => [
        "expected ']' to close an array",
        "ожидалась ']', закрывающая массив",
        "应为结束数组的 ']'",
        "массивті жабатын ']' күтілді",
    ],
    JsonCloseObject => [
        "expected '}' to close an object",
        "ожидалась '}', закрывающая объект",
        "应为结束对象的 '}'",
        "объектіні жабатын '}' күтілді",
    ],
    JsonDigit => [
        "expected a digit",
        "ожидалась цифра",
        "应为数字",
        "цифр күтілді",
    ],
    JsonDigitAfterPoint => [
        "expected a digit after the decimal point",
        "после десятичной точки ожидалась цифра",
        "小数点后应为数字",
        "ондық нүктеден кейін цифр күтілді",
    ],
    JsonDigitInExponent => [
        "expected a digit in the exponent",
        "в показателе степени ожидалась цифра",
        "指数部分应为数字",
        "дәреже көрсеткішінде цифр күтілді",
    ],
    JsonClosingQuote => [
        "expected a closing quote",
        "ожидалась закрывающая кавычка",
        "应为右引号",
        "жабатын тырнақша күтілді",
    ],
    JsonControlInString => [
        "control characters must be escaped inside strings",
        "управляющие символы внутри строк нужно экранировать",
        "字符串中的控制字符必须转义",
        "жолдардың ішіндегі басқару таңбалары экрандалуы керек",
    ],
    JsonArraySeparator => [
        "expected ',' or ']' in an array",
        "в массиве ожидалась ',' или ']'",
        "数组中应为 ',' 或 ']'",
        "массивте ',' не ']' күтілді",
    ],
    JsonQuotedKey => [
        "expected a quoted key in an object",
        "в объекте ожидался ключ в кавычках",
        "对象中应为带引号的键",
        "объектіде тырнақшадағы кілт күтілді",
    ],
    JsonColon => [
        "expected ':' after an object key",
        "после ключа объекта ожидалось ':'",
        "对象的键之后应为 ':'",
        "объект кілтінен кейін ':' күтілді",
    ],
    JsonObjectSeparator => [
        "expected ',' or '}' in an object",
        "в объекте ожидалась ',' или '}'",
        "对象中应为 ',' 或 '}'",
        "объектіде ',' не '}' күтілді",
    ],
    JsonTooManyValues => [
        "the file holds more than {max} JSON values, the limit that keeps memory bounded; the next one starts here",
        "в файле больше значений JSON, чем {max}, — это предел, ограничивающий расход памяти; следующее значение начинается здесь",
        "文件中的 JSON 值超过 {max} 个（限制内存用量的上限）；下一个值从此处开始",
        "файлда JSON мәндері {max} шегінен асады (бұл шек жадты шектейді); келесі мән осы жерден басталады",
    ],
    JsonTooDeep => [
        "nesting deeper than {max} levels",
        "вложенность глубже предела ({max} уровней)",
        "嵌套超过 {max} 层",
        "ендірме тереңдігі {max} деңгейден асады",
    ],
    JsonNumberRange => [
        "the number {number} is out of range (beyond ±1.8e308)",
        "число {number} вне допустимого диапазона (за пределами ±1.8e308)",
        "数字 {number} 超出范围（超过 ±1.8e308）",
        "{number} саны рұқсат етілген ауқымнан тыс (±1.8e308 шегінен асады)",
    ],
    JsonUnknownEscape => [
        "unknown escape \\{escape}: a string may use \\n, \\t, \\\", \\\\, \\/, \\b, \\f, \\r and \\u followed by four hex digits",
        "неизвестная escape-последовательность \\{escape}: в строке допустимы \\n, \\t, \\\", \\\\, \\/, \\b, \\f, \\r и \\u с четырьмя шестнадцатеричными цифрами",
        "未知的转义 \\{escape}：字符串可以使用 \\n、\\t、\\\"、\\\\、\\/、\\b、\\f、\\r，以及后跟四位十六进制数字的 \\u",
        "белгісіз escape-тізбегі \\{escape}: жолда \\n, \\t, \\\", \\\\, \\/, \\b, \\f, \\r және төрт он алтылық цифры бар \\u қолдануға болады",
    ],
    JsonHexAfterU => [
        "expected four hex digits after \\u",
        "после \\u ожидались четыре шестнадцатеричные цифры",
        "\\u 之后应为四位十六进制数字",
        "\\u кейін төрт он алтылық цифр күтілді",
    ],
    JsonLoneLowSurrogate => [
        "{escape} is the second half of a UTF-16 surrogate pair, without a first half",
        "{escape} — вторая половина суррогатной пары UTF-16, без первой половины",
        "{escape} 是 UTF-16 代理对的后半部分，缺少前半部分",
        "{escape} — UTF-16 суррогат жұбының екінші жартысы, бірінші жартысы жоқ",
    ],
    JsonLoneHighSurrogate => [
        "{escape} is the first half of a UTF-16 surrogate pair, without its second half",
        "{escape} — первая половина суррогатной пары UTF-16, без второй половины",
        "{escape} 是 UTF-16 代理对的前半部分，缺少后半部分",
        "{escape} — UTF-16 суррогат жұбының бірінші жартысы, екінші жартысы жоқ",
    ],
    JsonNotACharacter => [
        "not a character",
        "не символ",
        "不是字符",
        "таңба емес",
    ],
    // Values of the wrong kind. The kinds are JSON's words, written as JSON writes them.
    ExpectedFound => [
        "expected {expected}, found {found}",
        "ожидалось: {expected}, найдено: {found}",
        "应为 {expected}，实际为 {found}",
        "күтілгені: {expected}, табылғаны: {found}",
    ],
    KindNull => ["null", "null", "null", "null"],
    KindBoolean => ["a boolean", "boolean", "boolean", "boolean"],
    KindNumber => ["a number", "number", "number", "number"],
    KindString => ["a string", "string", "string", "string"],
    KindArray => ["an array", "array", "array", "array"],
    KindObject => ["an object", "object", "object", "object"],
    KindTagTable => [
        "an object of tag ids to texts by language code",
        "object (идентификаторы меток и их тексты по кодам языков)",
        "object（标签 ID 及其按语言代码的文本）",
        "object (тег идентификаторлары және олардың тіл кодтары бойынша мәтіндері)",
    ],
    KindLabelText => [
        "an object of texts by language code",
        "object (тексты по кодам языков)",
        "object（按语言代码的文本）",
        "object (тіл кодтары бойынша мәтіндер)",
    ],
    KindRole => [
        "a role as a string or as an object of texts by language code",
        "роль (string или object с текстами по кодам языков)",
        "角色（string，或按语言代码的文本 object）",
        "рөл (string не тіл кодтары бойынша мәтіндері бар object)",
    ],
    TagIdKey => [
        "expected a tag id of 1 to {max} characters as key, found {found}",
        "ожидался ключ — идентификатор метки длиной от 1 до {max} символов, найдено: {found}",
        "键应为 1 到 {max} 个字符的标签 ID，实际为 {found}",
        "кілт ретінде ұзындығы 1–{max} таңба тег идентификаторы күтілді, табылғаны: {found}",
    ],
    EmptyLabelText => [
        "expected a text in at least one language, found an empty object",
        "ожидался текст хотя бы на одном языке, найден пустой object",
        "应至少有一种语言的文本，实际为空 object",
        "кемінде бір тілдегі мәтін күтілді, бос object табылды",
    ],
    UnusedTag => [
        "the tag {tag} has texts here but no event uses it",
        "у метки {tag} здесь есть тексты, но ни одно событие её не использует",
        "标签 {tag} 在此有文本，但没有事件使用它",
        "{tag} тегінің мұнда мәтіндері бар, бірақ оны ешбір оқиға қолданбайды",
    ],
    KindTrueOrFalse => ["true or false", "true или false", "true 或 false", "true не false"],
    KindDate => [
        "a date string or object",
        "дата (string или object)",
        "日期（string 或 object）",
        "күн (string не object)",
    ],
    // The corpus format: its header, records and fields.
    WrongVersion => [
        "this build reads format version {expected}, found version {found}",
        "эта сборка читает версию формата {expected}, найдена версия {found}",
        "此版本读取的格式版本为 {expected}，实际为版本 {found}",
        "бұл нұсқа {expected} формат нұсқасын оқиды, табылғаны: {found} нұсқа",
    ],
    DuplicateId => [
        "duplicate id {id}: {first} already uses it; this record is left out",
        "повторяющийся id {id}: он уже занят записью {first}; эта запись пропущена",
        "重复的 id {id}：{first} 已使用该 id；此记录已略去",
        "қайталанған id {id}: оны {first} жазбасы алған; бұл жазба алынып тасталды",
    ],
    DuplicateKey => [
        "the key {key} appears more than once; the last one is used",
        "ключ {key} встречается несколько раз; используется последний",
        "键 {key} 出现了不止一次；使用最后一个",
        "{key} кілті бірнеше рет кездеседі; соңғысы алынады",
    ],
    UnknownField => [
        "unknown field {field} is ignored (expected one of: {allowed})",
        "неизвестное поле {field} пропущено (допустимы: {allowed})",
        "未知字段 {field} 已忽略（应为以下之一：{allowed}）",
        "белгісіз {field} өрісі еленбеді (рұқсат етілгендер: {allowed})",
    ],
    MissingField => [
        "missing required field {field}",
        "нет обязательного поля {field}",
        "缺少必填字段 {field}",
        "міндетті {field} өрісі жоқ",
    ],
    BidiOpen => [
        "this text leaves a bidirectional override, embedding or isolate open; it is closed at the end of the text, so it cannot reverse what is shown beside it",
        "в этом тексте не закрыто переопределение, встраивание или изоляция направления письма; оно закрыто в конце текста, чтобы не перевернуть то, что показано рядом",
        "此文本中有未闭合的双向覆盖、嵌入或隔离字符；已在文本末尾将其闭合，使其无法颠倒旁边显示的内容",
        "бұл мәтінде жазу бағытын ауыстыру, ендіру не оқшаулау таңбасы жабылмаған; ол мәтін соңында жабылды, сондықтан қасындағы мазмұнды аудара алмайды",
    ],
    EmptyText => [
        "expected text, found an empty string",
        "ожидался текст, найдена пустая строка",
        "应为文本，实际为空字符串",
        "мәтін күтілді, бос жол табылды",
    ],
    TooLong => [
        "expected at most {max} characters, found {found}",
        "допустимо символов: не более {max}, найдено: {found}",
        "最多应为 {max} 个字符，实际为 {found} 个",
        "таңба саны {max} аспауы керек, табылғаны: {found}",
    ],
    WholeNumberRange => [
        "expected a whole number from {min} to {max}, found {found}",
        "ожидалось целое число от {min} до {max}, найдено: {found}",
        "应为 {min} 到 {max} 之间的整数，实际为 {found}",
        "{min} мен {max} аралығындағы бүтін сан күтілді, табылғаны: {found}",
    ],
    NumberRange => [
        "expected a number from {min} to {max}, found {found}",
        "ожидалось число от {min} до {max}, найдено: {found}",
        "应为 {min} 到 {max} 之间的数，实际为 {found}",
        "{min} мен {max} аралығындағы сан күтілді, табылғаны: {found}",
    ],
    BadId => [
        "expected an id of 1 to {max} lower-case letters, digits, '-' or '_', starting with a letter or digit, found {found}",
        "ожидался id из строчных латинских букв, цифр, '-' или '_' (от 1 до {max} символов), начинающийся с буквы или цифры, найдено: {found}",
        "应为由 1 到 {max} 个小写字母、数字、'-' 或 '_' 组成、以字母或数字开头的 id，实际为 {found}",
        "кіші латын әріптерінен, цифрлардан, '-' не '_' таңбаларынан тұратын (1–{max} таңба), әріппен не цифрмен басталатын id күтілді, табылғаны: {found}",
    ],
    OneOf => [
        "expected one of {allowed}, found {found}",
        "ожидалось одно из значений {allowed}, найдено: {found}",
        "应为 {allowed} 之一，实际为 {found}",
        "{allowed} мәндерінің бірі күтілді, табылғаны: {found}",
    ],
    BadLangCode => [
        "expected a BCP 47 language code like \"en\", \"zh\" or \"kk-Cyrl\", found {found}",
        "ожидался код языка BCP 47, например \"en\", \"zh\" или \"kk-Cyrl\", найдено: {found}",
        "应为 BCP 47 语言代码，如 \"en\"、\"zh\" 或 \"kk-Cyrl\"，实际为 {found}",
        "\"en\", \"zh\" не \"kk-Cyrl\" сияқты BCP 47 тіл коды күтілді, табылғаны: {found}",
    ],
    BadLangKey => [
        "expected a BCP 47 language code as key, like \"en\" or \"zh\", found {found}",
        "ключом должен быть код языка BCP 47, например \"en\" или \"zh\", найдено: {found}",
        "键应为 BCP 47 语言代码，如 \"en\" 或 \"zh\"，实际为 {found}",
        "кілт \"en\" не \"zh\" сияқты BCP 47 тіл коды болуы керек, табылғаны: {found}",
    ],
    BadCountry => [
        "expected an ISO 3166-1 alpha-2 code like \"KZ\", found {found}",
        "ожидался код ISO 3166-1 alpha-2, например \"KZ\", найдено: {found}",
        "应为 ISO 3166-1 alpha-2 代码，如 \"KZ\"，实际为 {found}",
        "\"KZ\" сияқты ISO 3166-1 alpha-2 коды күтілді, табылғаны: {found}",
    ],
    TooManyLanguages => [
        "this text is in {total} languages; only {max} are read (English and the first {others} others), the other {rest} from here on are ignored",
        "у этого текста языков: {total}; читаются только {max} (английский и первые {others} других), остальные ({rest}) начиная с этого места пропущены",
        "此文本有 {total} 种语言；只读取 {max} 种（英语和前 {others} 种其他语言），从此处起其余 {rest} 种已忽略",
        "бұл мәтін {total} тілде; тек {max} тіл оқылады (ағылшын тілі және алғашқы {others} басқа тіл), осы жерден бастап қалған {rest} тіл еленбеді",
    ],
    NoEnglish => [
        "expected an English (\"en\") text among the languages",
        "среди языков ожидался английский текст (\"en\")",
        "各语言中应有英语（\"en\"）文本",
        "тілдер арасында ағылшынша (\"en\") мәтін күтілді",
    ],
    MinuteNeedsHour => [
        "a minute needs an hour",
        "минуты указываются только вместе с часом",
        "给出分钟时须给出小时",
        "минут тек сағатпен бірге беріледі",
    ],
    BadOffset => [
        "expected an offset like \"+06:00\" or \"Z\", found {found}",
        "ожидалось смещение вида \"+06:00\" или \"Z\", найдено: {found}",
        "应为 \"+06:00\" 或 \"Z\" 这样的时差，实际为 {found}",
        "\"+06:00\" не \"Z\" сияқты уақыт ығысуы күтілді, табылғаны: {found}",
    ],
    TooManyItems => [
        "this list has {total} entries; only the first {max} are read, the other {rest} from here on are ignored",
        "в этом списке элементов: {total}; читаются только первые {max}, остальные ({rest}) начиная с этого места пропущены",
        "此列表有 {total} 项；只读取前 {max} 项，从此处起其余 {rest} 项已忽略",
        "бұл тізімде {total} элемент бар; тек алғашқы {max} элемент оқылады, осы жерден бастап қалған {rest} элемент еленбеді",
    ],
    BadColour => [
        "expected a colour like \"#1f77b4\", found {found}",
        "ожидался цвет вида \"#1f77b4\", найдено: {found}",
        "应为 \"#1f77b4\" 这样的颜色，实际为 {found}",
        "\"#1f77b4\" сияқты түс күтілді, табылғаны: {found}",
    ],
    EndBeforeStart => [
        "the end {end} is before the start {start}",
        "конец {end} раньше начала {start}",
        "结束时间 {end} 早于开始时间 {start}",
        "соңы ({end}) басталуынан ({start}) бұрын",
    ],
    NoSources => [
        "expected at least one source id, found an empty list",
        "ожидался хотя бы один id источника, найден пустой список",
        "应至少有一个来源 id，实际为空列表",
        "кемінде бір дереккөз id-і күтілді, бос тізім табылды",
    ],
    UnknownActor => [
        "unknown actor id {id}: no valid actor has this id",
        "неизвестный id участника {id}: ни у одного корректного участника нет такого id",
        "未知的行为者 id {id}：没有有效的行为者使用此 id",
        "белгісіз қатысушы id-і {id}: бұл id ешбір дұрыс қатысушыда жоқ",
    ],
    UnknownSource => [
        "unknown source id {id}: no valid source has this id",
        "неизвестный id источника {id}: ни у одного корректного источника нет такого id",
        "未知的来源 id {id}：没有有效的来源使用此 id",
        "белгісіз дереккөз id-і {id}: бұл id ешбір дұрыс дереккөзде жоқ",
    ],
    UnknownQuestion => [
        "unknown question id {id}: no valid question has this id",
        "неизвестный id вопроса {id}: ни у одного корректного вопроса нет такого id",
        "未知的问题 id {id}：没有有效的问题使用此 id",
        "белгісіз сұрақ id-і {id}: бұл id ешбір дұрыс сұрақта жоқ",
    ],
    ActorFacetBudget => [
        "the corpus has {total} actors; the {max} named by the most events are offered as filters, the other {rest} (this one first) are not, though they still show on their events and are found by search",
        "участников в корпусе: {total}; в фильтрах предлагаются {max} упоминаемых в наибольшем числе событий, остальные ({rest}, начиная с этого) — нет, хотя они по-прежнему видны в своих событиях и находятся поиском",
        "资料库中有 {total} 个行为者；涉及事件最多的 {max} 个可用作筛选，其余 {rest} 个（从此项起）不可用作筛选，但仍显示在其事件中，也能被搜索到",
        "корпуста {total} қатысушы бар; ең көп оқиғада аталған {max} қатысушы сүзгі ретінде ұсынылады, қалған {rest} қатысушы (осыдан бастап) ұсынылмайды, бірақ олар өз оқиғаларында көрінеді және іздеуде табылады",
    ],
    LanguageFacetBudget => [
        "the corpus' sources are in {total} languages; the {max} most used are offered as filters, the other {rest} ({first} first) are not",
        "языков источников в корпусе: {total}; в фильтрах предлагаются {max} самых частых, остальные ({rest}, начиная с {first}) — нет",
        "资料库的来源使用 {total} 种语言；最常用的 {max} 种可用作筛选，其余 {rest} 种（从 {first} 起）不可用作筛选",
        "корпустағы дереккөздер {total} тілде; ең жиі қолданылған {max} тіл сүзгі ретінде ұсынылады, қалған {rest} тіл ({first} бастап) ұсынылмайды",
    ],
    SearchBudget => [
        "the search text budget ({mb} MB) is used up here: this event and the {rest} after it are not found by search",
        "здесь исчерпан объём текста для поиска ({mb} МБ): это событие и следующие за ним ({rest}) поиском не находятся",
        "搜索文本的额度（{mb} MB）在此用尽：此事件及其后的 {rest} 个事件无法被搜索到",
        "іздеу мәтінінің көлемі ({mb} МБ) осы жерде таусылды: бұл оқиға және одан кейінгі {rest} оқиға іздеуде табылмайды",
    ],
    // Links.
    LinkTooLong => [
        "expected a link of at most {max} characters, found {found}",
        "допустимая длина ссылки — не более {max} символов, найдено: {found}",
        "链接最多应为 {max} 个字符，实际为 {found} 个",
        "сілтеме ұзындығы {max} таңбадан аспауы керек, табылғаны: {found}",
    ],
    NotHttpScheme => [
        "expected an http:// or https:// link, found a {scheme}: link",
        "ожидалась ссылка http:// или https://, найдена ссылка {scheme}:",
        "应为 http:// 或 https:// 链接，实际为 {scheme}: 链接",
        "http:// не https:// сілтемесі күтілді, {scheme}: сілтемесі табылды",
    ],
    NotHttp => [
        "expected an http:// or https:// link, found {found}",
        "ожидалась ссылка http:// или https://, найдено: {found}",
        "应为 http:// 或 https:// 链接，实际为 {found}",
        "http:// не https:// сілтемесі күтілді, табылғаны: {found}",
    ],
    LinkBadChar => [
        "a link must not contain spaces, control characters or invisible formatting characters; found {char} at character {at}",
        "в ссылке не должно быть пробелов, управляющих и невидимых символов форматирования; найден {char} в позиции {at}",
        "链接中不得包含空格、控制字符或不可见的格式字符；在第 {at} 个字符处发现 {char}",
        "сілтемеде бос орын, басқару таңбалары мен көрінбейтін пішімдеу таңбалары болмауы керек; {at}-орында {char} табылды",
    ],
    LinkIn => [
        "{problem}, in {link}",
        "{problem}, в ссылке {link}",
        "{problem}，见于 {link}",
        "{problem}, сілтеме: {link}",
    ],
    LinkUserInfo => [
        "a link must not put a user name or password before its host (…@host)",
        "в ссылке не должно быть имени пользователя или пароля перед хостом (…@host)",
        "链接中不得在主机名前包含用户名或密码（…@host）",
        "сілтемеде хост алдында пайдаланушы аты не құпиясөз болмауы керек (…@host)",
    ],
    LinkNoHost => [
        "expected a host name after the scheme",
        "после схемы ожидалось имя хоста",
        "协议之后应为主机名",
        "схемадан кейін хост аты күтілді",
    ],
    LinkIpv6Close => [
        "expected ']' after an IPv6 address",
        "после адреса IPv6 ожидалась ']'",
        "IPv6 地址之后应为 ']'",
        "IPv6 мекенжайынан кейін ']' күтілді",
    ],
    LinkIpv6 => [
        "expected an IPv6 address between '[' and ']'",
        "между '[' и ']' ожидался адрес IPv6",
        "'[' 与 ']' 之间应为 IPv6 地址",
        "'[' пен ']' арасында IPv6 мекенжайы күтілді",
    ],
    LinkPortAfterBracket => [
        "expected ':' and a port after ']'",
        "после ']' ожидались ':' и порт",
        "']' 之后应为 ':' 和端口",
        "']' кейін ':' және порт күтілді",
    ],
    LinkPort => [
        "expected a port from 1 to 65535 after ':'",
        "после ':' ожидался порт от 1 до 65535",
        "':' 之后应为 1 到 65535 之间的端口",
        "':' кейін 1 мен 65535 аралығындағы порт күтілді",
    ],
    LinkHost => [
        "expected a host name of letters, digits, hyphens and dots",
        "ожидалось имя хоста из букв, цифр, дефисов и точек",
        "应为由字母、数字、连字符和点组成的主机名",
        "әріптерден, цифрлардан, дефистерден және нүктелерден тұратын хост аты күтілді",
    ],
    // Dates.
    DateSyntax => [
        "expected a date like 2022, 2022-01, 2022-01-05 or 2022-01-05T14:30+06:00, found {found}",
        "ожидалась дата вида 2022, 2022-01, 2022-01-05 или 2022-01-05T14:30+06:00, найдено: {found}",
        "应为 2022、2022-01、2022-01-05 或 2022-01-05T14:30+06:00 这样的日期，实际为 {found}",
        "2022, 2022-01, 2022-01-05 не 2022-01-05T14:30+06:00 сияқты күн күтілді, табылғаны: {found}",
    ],
    YearRange => [
        "expected a year from {min} to {max}, found {found}",
        "ожидался год от {min} до {max}, найдено: {found}",
        "应为 {min} 到 {max} 之间的年份，实际为 {found}",
        "{min} мен {max} аралығындағы жыл күтілді, табылғаны: {found}",
    ],
    MonthRange => [
        "expected a month from 1 to 12, found {found}",
        "ожидался месяц от 1 до 12, найдено: {found}",
        "应为 1 到 12 之间的月份，实际为 {found}",
        "1 мен 12 аралығындағы ай күтілді, табылғаны: {found}",
    ],
    DayNeedsMonth => [
        "a day needs a month",
        "день указывается только вместе с месяцем",
        "给出日时须给出月",
        "күн тек аймен бірге беріледі",
    ],
    DaysInMonth => [
        "{month} has {days} days, found day {found}",
        "{month}: дней в месяце — {days}, найден день {found}",
        "{month} 有 {days} 天，实际为第 {found} 天",
        "{month} айында {days} күн бар, табылғаны: {found}-күн",
    ],
    TimeNeedsDay => [
        "a time needs a day",
        "время указывается только вместе с днём",
        "给出时刻时须给出日",
        "уақыт тек күнмен бірге беріледі",
    ],
    HourRange => [
        "expected an hour from 0 to 23, found {found}",
        "ожидался час от 0 до 23, найдено: {found}",
        "应为 0 到 23 之间的小时，实际为 {found}",
        "0 мен 23 аралығындағы сағат күтілді, табылғаны: {found}",
    ],
    MinuteRange => [
        "expected a minute from 0 to 59, found {found}",
        "ожидалась минута от 0 до 59, найдено: {found}",
        "应为 0 到 59 之间的分钟，实际为 {found}",
        "0 мен 59 аралығындағы минут күтілді, табылғаны: {found}",
    ],
    OffsetRange => [
        "expected an offset within ±14:00, found {found} minutes",
        "ожидалось смещение в пределах ±14:00, найдено минут: {found}",
        "时差应在 ±14:00 以内，实际为 {found} 分钟",
        "±14:00 шегіндегі уақыт ығысуы күтілді, табылғаны: {found} минут",
    ],
    // Imports: what was left out or changed.
    LooseDate => [
        "expected a date like 2022-01-05 or 5 January 2022, found {found}",
        "ожидалась дата вида 2022-01-05 или 5 January 2022, найдено: {found}",
        "应为 2022-01-05 或 5 January 2022 这样的日期，实际为 {found}",
        "2022-01-05 не 5 January 2022 сияқты күн күтілді, табылғаны: {found}",
    ],
    CsvEmpty => [
        "the file is empty: a CSV import needs a header row and one row per event",
        "файл пуст: для импорта CSV нужна строка заголовков и по строке на каждое событие",
        "文件为空：导入 CSV 需要一个标题行，且每个事件一行",
        "файл бос: CSV импорттау үшін тақырып жолы және әр оқиғаға бір жол керек",
    ],
    CsvUnmappedColumn => [
        "column {column} is not mapped and was left out (see the column list in docs/import-export.md)",
        "столбец {column} не сопоставлен и пропущен (список столбцов — в docs/import-export.md)",
        "列 {column} 无法对应，已略去（列的清单见 docs/import-export.md）",
        "{column} бағаны сәйкестендірілмей, алынып тасталды (бағандар тізімі docs/import-export.md ішінде)",
    ],
    CsvNoDate => [
        "no date column: name one \"date\" or \"event_date\"",
        "нет столбца с датой: назовите его \"date\" или \"event_date\"",
        "没有日期列：请将其命名为 \"date\" 或 \"event_date\"",
        "күн бағаны жоқ: оны \"date\" не \"event_date\" деп атаңыз",
    ],
    CsvExtraFields => [
        "the row has {fields} fields, the header {header}: the extra ones are left out",
        "полей в строке: {fields}, в заголовке: {header}; лишние пропущены",
        "该行有 {fields} 个字段，标题行有 {header} 个：多出的已略去",
        "жолда {fields} өріс, тақырыпта {header} өріс бар: артығы алынып тасталды",
    ],
    RowLeftOut => [
        "row left out: {why}",
        "строка пропущена: {why}",
        "该行已略去：{why}",
        "жол алынып тасталды: {why}",
    ],
    RowNoDate => [
        "row left out: it has no date",
        "строка пропущена: в ней нет даты",
        "该行已略去：没有日期",
        "жол алынып тасталды: онда күн жоқ",
    ],
    CsvEndBeforeDate => [
        "end date before the date left out",
        "дата окончания раньше даты начала и пропущена",
        "结束日期早于日期，已略去",
        "аяқталу күні басталу күнінен бұрын, ол алынып тасталды",
    ],
    EndDateLeftOut => [
        "end date left out: {why}",
        "дата окончания пропущена: {why}",
        "结束日期已略去：{why}",
        "аяқталу күні алынып тасталды: {why}",
    ],
    CsvPrecision => [
        "precision {found} not known: \"city\" used (use exact, city, region, country or ACLED's 1, 2, 3)",
        "точность {found} неизвестна: взято \"city\" (допустимы exact, city, region, country или 1, 2, 3 из ACLED)",
        "未知的精度 {found}：已使用 \"city\"（可用 exact、city、region、country 或 ACLED 的 1、2、3）",
        "{found} дәлдігі белгісіз: \"city\" алынды (exact, city, region, country не ACLED-тің 1, 2, 3 мәндерін қолданыңыз)",
    ],
    CsvPlace => [
        "place left out: it needs a latitude (-90 to 90) and a longitude (-180 to 180)",
        "место пропущено: нужны широта (от -90 до 90) и долгота (от -180 до 180)",
        "地点已略去：需要纬度（-90 到 90）和经度（-180 到 180）",
        "орын алынып тасталды: ендік (-90-нан 90-ға дейін) және бойлық (-180-нен 180-ге дейін) керек",
    ],
    CsvEventType => [
        "event type {found} not known: \"other\" used",
        "тип события {found} неизвестен: взято \"other\"",
        "未知的事件类型 {found}：已使用 \"other\"",
        "{found} оқиға түрі белгісіз: \"other\" алынды",
    ],
    TitleShortened => [
        "title shortened to {max} characters",
        "заголовок сокращён до предела ({max} символов)",
        "标题已缩短为 {max} 个字符",
        "тақырып {max} таңбаға дейін қысқартылды",
    ],
    LinkLeftOut => [
        "link {link} left out: {why}",
        "ссылка {link} пропущена: {why}",
        "链接 {link} 已略去：{why}",
        "{link} сілтемесі алынып тасталды: {why}",
    ],
    NotAnObjectLeftOut => [
        "left out: expected an object",
        "пропущено: ожидался объект (object)",
        "已略去：应为对象（object）",
        "алынып тасталды: объект (object) күтілді",
    ],
    StorymapNoSlides => [
        "expected an array storymap.slides",
        "ожидался массив storymap.slides",
        "应为数组 storymap.slides",
        "storymap.slides массиві күтілді",
    ],
    SlideLeftOut => [
        "slide left out: {why}",
        "слайд пропущен: {why}",
        "幻灯片已略去：{why}",
        "слайд алынып тасталды: {why}",
    ],
    SlideNoDate => [
        "slide left out: it has no \"date\" (StoryMapJS slides carry none; add one such as \"date\": \"2022-01-05\")",
        "слайд пропущен: в нём нет \"date\" (в слайдах StoryMapJS её нет; добавьте, например, \"date\": \"2022-01-05\")",
        "幻灯片已略去：没有 \"date\"（StoryMapJS 的幻灯片不带日期；请添加，如 \"date\": \"2022-01-05\"）",
        "слайд алынып тасталды: онда \"date\" жоқ (StoryMapJS слайдтарында ол болмайды; мысалы, \"date\": \"2022-01-05\" қосыңыз)",
    ],
    StorymapPlace => [
        "place left out: it needs lat (-90 to 90) and lon (-180 to 180)",
        "место пропущено: нужны lat (от -90 до 90) и lon (от -180 до 180)",
        "地点已略去：需要 lat（-90 到 90）和 lon（-180 到 180）",
        "орын алынып тасталды: lat (-90-нан 90-ға дейін) және lon (-180-нен 180-ге дейін) керек",
    ],
    TimelineNotObject => [
        "expected a TimelineJS object with \"events\"",
        "ожидался объект TimelineJS с \"events\"",
        "应为带有 \"events\" 的 TimelineJS 对象",
        "\"events\" бар TimelineJS объектісі күтілді",
    ],
    TimelineNoEvents => [
        "expected an array \"events\"",
        "ожидался массив \"events\"",
        "应为数组 \"events\"",
        "\"events\" массиві күтілді",
    ],
    TimelineEra => [
        "era left out: it needs a start_date, an end_date and a headline",
        "эпоха пропущена: нужны start_date, end_date и headline",
        "时期已略去：需要 start_date、end_date 和 headline",
        "кезең алынып тасталды: start_date, end_date және headline керек",
    ],
    EventLeftOut => [
        "event left out: {why}",
        "событие пропущено: {why}",
        "事件已略去：{why}",
        "оқиға алынып тасталды: {why}",
    ],
    EventNoStart => [
        "event left out: it has no start_date",
        "событие пропущено: в нём нет start_date",
        "事件已略去：没有 start_date",
        "оқиға алынып тасталды: онда start_date жоқ",
    ],
    TimelineEndBeforeStart => [
        "end date before the start left out",
        "дата окончания раньше начала и пропущена",
        "结束日期早于开始日期，已略去",
        "аяқталу күні басынан бұрын, ол алынып тасталды",
    ],
    NotWholeNumber => [
        "{field} must be a whole number, found {found}",
        "{field} должно быть целым числом, найдено: {found}",
        "{field} 必须是整数，实际为 {found}",
        "{field} бүтін сан болуы керек, табылғаны: {found}",
    ],
    DateNeedsYear => [
        "a date needs a \"year\"",
        "в дате нужен \"year\"",
        "日期需要 \"year\"",
        "күнде \"year\" болуы керек",
    ],
    OutOfRange => [
        "{field} {found} is out of range",
        "{field} {found} вне допустимого диапазона",
        "{field} {found} 超出范围",
        "{field} {found} рұқсат етілген ауқымнан тыс",
    ],
    // The corpus tool's style checks.
    LintScript => [
        "text in {found} script is tagged {tag}, which is written in {want}; fix the language tag or give the text in that language",
        "письменность текста: {found}, но он помечен как {tag}, а этот язык пишется так: {want}; исправьте код языка или дайте текст на этом языке",
        "文本使用{found}，却被标为 {tag}，而该语言使用{want}书写；请修正语言标签，或给出该语言的文本",
        "мәтін жазуы: {found}, бірақ ол {tag} деп белгіленген, ал бұл тілдің жазуы: {want}; тіл кодын түзетіңіз не мәтінді сол тілде беріңіз",
    ],
    ScriptLatin => ["Latin", "латиница", "拉丁字母", "латын жазуы"],
    ScriptCyrillic => ["Cyrillic", "кириллица", "西里尔字母", "кирилл жазуы"],
    ScriptHan => ["Chinese characters", "китайские иероглифы", "汉字", "қытай иероглифтері"],
    ScriptArabic => ["Arabic", "арабское письмо", "阿拉伯字母", "араб жазуы"],
    LintLabelEnd => [
        "the title ends with {end}, which looks like a label; give the headline as published and put the outlet and date in their fields",
        "заголовок заканчивается на {end} и похож на подпись; дайте заголовок как он опубликован, а издание и дату укажите в их полях",
        "标题以 {end} 结尾，看起来像标签；请给出发布时的标题，并将媒体和日期填入各自的字段",
        "тақырып {end} деп аяқталады, бұл белгіге ұқсайды; тақырыпты жарияланған күйінде беріп, басылым мен күнді өз өрістеріне жазыңыз",
    ],
    LintLabelStart => [
        "the title starts with the outlet's name and a colon, which looks like a label; give the headline as published",
        "заголовок начинается с названия издания и двоеточия и похож на подпись; дайте заголовок как он опубликован",
        "标题以媒体名称和冒号开头，看起来像标签；请给出发布时的标题",
        "тақырып басылым атауы мен қос нүктеден басталады, бұл белгіге ұқсайды; тақырыпты жарияланған күйінде беріңіз",
    ],
    LintSummaryLanguage => [
        "the summary is in {summary} but the sources are in {sources}; add a summary in a source language",
        "описание на языках {summary}, а источники — на {sources}; добавьте описание на языке источника",
        "摘要使用 {summary}，而来源使用 {sources}；请添加一种来源语言的摘要",
        "сипаттама {summary} тілінде, ал дереккөздер {sources} тілінде; дереккөз тілінде сипаттама қосыңыз",
    ],
    LintCityPrecision => [
        "city precision, but every source is an unnamed outlet; where it spoke is not known, so use \"country\" or \"region\"",
        "точность \"city\", но все источники — неназванные издания; откуда они сообщали, неизвестно, поэтому укажите \"country\" или \"region\"",
        "精度为 \"city\"，但所有来源都是未具名的媒体；其发布地点未知，请使用 \"country\" 或 \"region\"",
        "дәлдігі \"city\", бірақ барлық дереккөз — аты аталмаған басылым; олардың қайдан хабарлағаны белгісіз, сондықтан \"country\" не \"region\" қолданыңыз",
    ],
    // A file the browser could not read at all.
    FileUnreadable => [
        "{file}: the file could not be read as text",
        "{file}: не удалось прочитать файл как текст",
        "{file}：无法将文件读取为文本",
        "{file}: файлды мәтін ретінде оқу мүмкін болмады",
    ],
    // The loading worker stopped after it had taken the file (most often: out of memory).
    ReadingStopped => [
        "{file}: reading stopped before the end (the browser may have run out of memory); nothing from this file was loaded",
        "{file}: чтение прервалось до конца (возможно, браузеру не хватило памяти); из этого файла ничего не загружено",
        "{file}：读取在完成前中断（浏览器可能内存不足）；此文件中的内容均未加载",
        "{file}: оқу соңына дейін жетпей тоқтады (браузердің жады жетпеген болуы мүмкін); бұл файлдан ештеңе жүктелмеді",
    ],
}

/// One named argument of a [`Message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Written as it is in every language: a number, a word of the format, or an echo of
    /// the input that `quote` or `echo` has already escaped and bounded.
    Text(String),
    /// Another message, rendered in the same language.
    Msg(Box<Message>),
}

/// A message key with its arguments: the words are chosen when it is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub key: Msg,
    /// The number `{n}` stands for, which picks the plural form.
    pub count: Option<u64>,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// A message without arguments yet.
    pub fn new(key: Msg) -> Self {
        Message {
            key,
            count: None,
            args: Vec::new(),
        }
    }

    /// Fills `{name}` with literal text: a number or a word of the file format.
    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, Arg::Text(value.to_string())));
        self
    }

    /// Fills `{name}` with a piece of the input, quoted, escaped and bounded by [`quote`].
    pub fn quoted(self, name: &'static str, input: &str) -> Self {
        self.arg(name, quote(input))
    }

    /// Fills `{name}` with another message.
    pub fn sub(mut self, name: &'static str, m: Message) -> Self {
        self.args.push((name, Arg::Msg(Box::new(m))));
        self
    }

    /// Fills `{n}` with `n`, which also picks the plural form.
    pub fn count(mut self, n: usize) -> Self {
        self.count = Some(u64::try_from(n).unwrap_or(u64::MAX));
        self
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let whole = template(lang, self.key);
        let form = match self.count {
            Some(n) => plural::form(lang, whole, plural::category(lang, n)),
            None => whole,
        };
        plural::fill(form, |name| self.value(lang, name))
    }

    fn value(&self, lang: Lang, name: &str) -> Option<String> {
        if name == "n" {
            return self.count.map(|n| n.to_string());
        }
        self.args
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| match v {
                Arg::Text(s) => s.clone(),
                Arg::Msg(m) => m.text(lang),
            })
    }
}

impl From<Msg> for Message {
    fn from(key: Msg) -> Self {
        Message::new(key)
    }
}

/// English, as the corpus tool writes it.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The placeholders of a template, sorted.
    fn holes(s: &str) -> Vec<String> {
        let mut v: Vec<String> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split('}').next().map(String::from))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn every_key_has_every_language_with_the_same_placeholders() {
        for &k in Msg::ALL {
            let english = template(Lang::En, k);
            let first = english.split('|').next().unwrap_or_default();
            for l in Lang::ALL {
                let text = template(l, k);
                assert!(!text.trim().is_empty(), "{k:?} in {l:?}");
                let forms = text.split('|').count();
                // `{n}` picks the plural form: one per category of the language.
                if english.contains("{n}") {
                    assert_eq!(forms, plural::categories(l).len(), "{k:?} in {l:?}");
                } else {
                    assert_eq!(forms, 1, "{k:?} in {l:?} has a stray |");
                }
                for form in text.split('|') {
                    assert_eq!(holes(form), holes(first), "{k:?} in {l:?}: {form}");
                }
                // `null` is JSON's word in every language; a template of placeholders
                // alone has no words to translate.
                let words = holes(first)
                    .iter()
                    .fold(first.to_string(), |s, h| s.replace(&format!("{{{h}}}"), ""));
                let has_words = words.chars().any(char::is_alphabetic);
                if l != Lang::En && k != Msg::KindNull && has_words {
                    assert_ne!(text, english, "{k:?} is not translated into {l:?}");
                }
            }
        }
    }

    #[test]
    fn counts_pick_the_plural_form() {
        let problems = |l, n| Message::new(Msg::Problems).count(n).text(l);
        assert_eq!(problems(Lang::En, 1), "1 problem");
        assert_eq!(problems(Lang::En, 5), "5 problems");
        assert_eq!(problems(Lang::Ru, 1), "1 проблема");
        assert_eq!(problems(Lang::Ru, 3), "3 проблемы");
        assert_eq!(problems(Lang::Ru, 5), "5 проблем");
        assert_eq!(problems(Lang::Ru, 21), "21 проблема");
        assert_eq!(problems(Lang::Kk, 5), "5 мәселе");
        assert_eq!(problems(Lang::Zh, 1), "1 个问题");
        let more_en = |n| Message::new(Msg::MoreInvalidUtf8).count(n).text(Lang::En);
        assert!(more_en(1).starts_with("1 more invalid UTF-8 sequence after this one was"));
        assert!(more_en(2).starts_with("2 more invalid UTF-8 sequences after this one were"));
        let more = |n| Message::new(Msg::MoreInvalidUtf8).count(n).text(Lang::Ru);
        assert_eq!(
            more(1),
            "после этой заменена на U+FFFD ещё 1 недопустимая последовательность UTF-8"
        );
        assert_eq!(
            more(5),
            "после этой заменено на U+FFFD ещё 5 недопустимых последовательностей UTF-8"
        );
    }

    #[test]
    fn nested_messages_take_the_same_language() {
        let m = Message::new(Msg::TooManyDiagnostics)
            .sub("problems", Message::new(Msg::Problems).count(5))
            .sub("errors", Message::new(Msg::Errors).count(1))
            .arg("max", 200);
        assert_eq!(
            m.to_string(),
            "5 problems more (1 error) from here on are not listed: only the first 200 are"
        );
        assert_eq!(
            m.text(Lang::Ru),
            "начиная с этого места не перечислены ещё: 5 проблем (1 ошибка); показаны только первые 200"
        );
    }

    #[test]
    fn arguments_are_filled_once() {
        // An echo of the input that looks like a placeholder stays as it was written.
        let m = Message::new(Msg::DuplicateKey).quoted("key", "{key} {n}");
        assert_eq!(
            m.to_string(),
            "the key \"{key} {n}\" appears more than once; the last one is used"
        );
        // A placeholder without an argument is left as it is, not dropped.
        assert_eq!(
            Message::new(Msg::MissingField).to_string(),
            "missing required field {field}"
        );
        // Echoes stay escaped and bounded.
        let m = Message::new(Msg::BadColour).quoted("found", &"\u{1b}[31m".repeat(100));
        assert!(!m.text(Lang::Kk).contains('\u{1b}'));
        assert!(m.text(Lang::Kk).contains("(500 characters)"));
    }
}
