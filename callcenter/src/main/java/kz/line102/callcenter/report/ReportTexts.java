package kz.line102.callcenter.report;

import java.util.Locale;
import java.util.Map;

import kz.line102.callcenter.app.InvalidRequestException;

/** The words of the report's CSV and PDF, in Russian (the default), Kazakh and English. */
final class ReportTexts {

    static final String DEFAULT = "ru";

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "ru", Map.ofEntries(
                    Map.entry("title", "Суточная оперативная сводка"),
                    Map.entry("watch", "Дежурные сутки"),
                    Map.entry("state.open", "Не подписана"),
                    Map.entry("state.signed", "Подписана"),
                    Map.entry("signedBy", "Подписал оперативный дежурный"),
                    Map.entry("intact.false", "ВНИМАНИЕ: сохранённая сводка не совпадает со своей SHA-256"),
                    Map.entry("auditHead", "Последняя запись журнала аудита"),
                    Map.entry("no", "№"), Map.entry("kui", "Номер КУИ"), Map.entry("registeredAt", "Зарегистрировано"),
                    Map.entry("category", "Категория"), Map.entry("type", "Вид"), Map.entry("priority", "Приоритет"),
                    Map.entry("address", "Адрес"), Map.entry("callerNumber", "Номер заявителя"),
                    Map.entry("caller", "Заявитель"), Map.entry("status", "Состояние"),
                    Map.entry("result", "Результат"), Map.entry("units", "Наряды"),
                    Map.entry("repeats", "Повторные"), Map.entry("closedAt", "Закрыто"),
                    Map.entry("sceneUnknown", "место неизвестно"),
                    Map.entry("totals", "Итоги"), Map.entry("cards", "Всего карточек"),
                    Map.entry("byCategory", "По категориям"), Map.entry("byType", "По видам"),
                    Map.entry("byOutcome", "По состоянию"), Map.entry("repeatCalls", "Повторных обращений"),
                    Map.entry("repeatAddresses", "Повторные обращения"),
                    Map.entry("addenda", "Изменения после подписания (не входят в подписанную сводку)"),
                    Map.entry("none", "нет"), Map.entry("page", "стр."), Map.entry("of", "из"),
                    Map.entry("CRIMINAL_OFFENCE", "Уголовное правонарушение"),
                    Map.entry("ADMINISTRATIVE_OFFENCE", "Административное правонарушение"),
                    Map.entry("INCIDENT", "Происшествие"), Map.entry("OTHER", "Прочее"),
                    Map.entry("REGISTERED", "зарегистрирована"), Map.entry("DISPATCHED", "наряд направлен"),
                    Map.entry("ARRIVED", "наряд на месте"), Map.entry("WORKED_OFF", "отработана"),
                    Map.entry("CLOSED", "закрыта")),
            "kk", Map.ofEntries(
                    Map.entry("title", "Тәуліктік жедел жиынтық"),
                    Map.entry("watch", "Кезекшілік тәулігі"),
                    Map.entry("state.open", "Қол қойылмаған"),
                    Map.entry("state.signed", "Қол қойылған"),
                    Map.entry("signedBy", "Қол қойған жедел кезекші"),
                    Map.entry("intact.false", "НАЗАР АУДАРЫҢЫЗ: сақталған жиынтық өзінің SHA-256 сәйкес келмейді"),
                    Map.entry("auditHead", "Аудит журналының соңғы жазбасы"),
                    Map.entry("no", "№"), Map.entry("kui", "КУИ нөмірі"), Map.entry("registeredAt", "Тіркелді"),
                    Map.entry("category", "Санат"), Map.entry("type", "Түрі"), Map.entry("priority", "Басымдық"),
                    Map.entry("address", "Мекенжай"), Map.entry("callerNumber", "Өтініш берушінің нөмірі"),
                    Map.entry("caller", "Өтініш беруші"), Map.entry("status", "Күйі"),
                    Map.entry("result", "Нәтиже"), Map.entry("units", "Жасақтар"),
                    Map.entry("repeats", "Қайталама"), Map.entry("closedAt", "Жабылды"),
                    Map.entry("sceneUnknown", "орны белгісіз"),
                    Map.entry("totals", "Қорытынды"), Map.entry("cards", "Барлық карточкалар"),
                    Map.entry("byCategory", "Санаттар бойынша"), Map.entry("byType", "Түрлері бойынша"),
                    Map.entry("byOutcome", "Күйі бойынша"), Map.entry("repeatCalls", "Қайталама өтініштер"),
                    Map.entry("repeatAddresses", "Қайталама өтініштер"),
                    Map.entry("addenda", "Қол қойылғаннан кейінгі өзгерістер (қол қойылған жиынтыққа кірмейді)"),
                    Map.entry("none", "жоқ"), Map.entry("page", "бет"), Map.entry("of", "/"),
                    Map.entry("CRIMINAL_OFFENCE", "Қылмыстық құқық бұзушылық"),
                    Map.entry("ADMINISTRATIVE_OFFENCE", "Әкімшілік құқық бұзушылық"),
                    Map.entry("INCIDENT", "Оқиға"), Map.entry("OTHER", "Басқа"),
                    Map.entry("REGISTERED", "тіркелді"), Map.entry("DISPATCHED", "жасақ жіберілді"),
                    Map.entry("ARRIVED", "жасақ орнында"), Map.entry("WORKED_OFF", "пысықталды"),
                    Map.entry("CLOSED", "жабылды")),
            "en", Map.ofEntries(
                    Map.entry("title", "Daily operational report"),
                    Map.entry("watch", "Watch"),
                    Map.entry("state.open", "Not signed"),
                    Map.entry("state.signed", "Signed"),
                    Map.entry("signedBy", "Signed off by the duty officer"),
                    Map.entry("intact.false", "WARNING: the stored report no longer matches its SHA-256"),
                    Map.entry("auditHead", "Newest audit log entry"),
                    Map.entry("no", "No."), Map.entry("kui", "KUI number"), Map.entry("registeredAt", "Registered"),
                    Map.entry("category", "Category"), Map.entry("type", "Type"), Map.entry("priority", "Priority"),
                    Map.entry("address", "Address"), Map.entry("callerNumber", "Caller's number"),
                    Map.entry("caller", "Caller"), Map.entry("status", "State"),
                    Map.entry("result", "Result"), Map.entry("units", "Units"),
                    Map.entry("repeats", "Repeat calls"), Map.entry("closedAt", "Closed"),
                    Map.entry("sceneUnknown", "scene unknown"),
                    Map.entry("totals", "Totals"), Map.entry("cards", "Cards"),
                    Map.entry("byCategory", "By category"), Map.entry("byType", "By type"),
                    Map.entry("byOutcome", "By state"), Map.entry("repeatCalls", "Repeat calls"),
                    Map.entry("repeatAddresses", "Repeat calls"),
                    Map.entry("addenda", "Changes after the sign-off (not part of the signed report)"),
                    Map.entry("none", "none"), Map.entry("page", "page"), Map.entry("of", "of"),
                    Map.entry("CRIMINAL_OFFENCE", "Criminal offence"),
                    Map.entry("ADMINISTRATIVE_OFFENCE", "Administrative offence"),
                    Map.entry("INCIDENT", "Incident"), Map.entry("OTHER", "Other"),
                    Map.entry("REGISTERED", "registered"), Map.entry("DISPATCHED", "units sent"),
                    Map.entry("ARRIVED", "units on scene"), Map.entry("WORKED_OFF", "worked off"),
                    Map.entry("CLOSED", "closed")));

    private final String lang;
    private final Map<String, String> words;

    private ReportTexts(String lang) {
        this.lang = lang;
        this.words = TEXTS.get(lang);
    }

    /** {@code lang} null or blank: Russian. */
    static ReportTexts of(String lang) {
        String l = lang == null || lang.isBlank() ? DEFAULT : lang.trim().toLowerCase(Locale.ROOT);
        if (!TEXTS.containsKey(l)) {
            throw new InvalidRequestException("lang must be ru, kk or en, not '" + lang + "'");
        }
        return new ReportTexts(l);
    }

    String lang() {
        return lang;
    }

    String t(String key) {
        return key == null ? "" : words.getOrDefault(key, key);
    }

    /** The type's name in this language (Russian, then the code, where it has none). */
    String type(DailyReport report, String code) {
        if (code == null) {
            return "";
        }
        Map<String, String> names = report.types() == null ? null : report.types().get(code);
        if (names == null || names.isEmpty()) {
            return code;
        }
        return names.getOrDefault(lang, names.getOrDefault(DEFAULT, code));
    }
}
