package kz.line102.callcenter.certification;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The due list as CSV (UTF-8 with a byte-order mark, so Excel reads Cyrillic), written page
 * by page so a list of the whole force is never held at once. Headers in ru, kk or en.
 */
@Component
class DueCsv {

    private static final int PAGE = 1000;
    static final Map<String, List<String>> HEADERS = Map.of(
            "ru", List.of("Табельный номер", "ФИО", "Статус", "Срок с", "Срок по", "Основание"),
            "kk", List.of("Табель нөмірі", "Аты-жөні", "Мәртебесі", "Мерзімі басталуы", "Мерзімі аяқталуы", "Негізі"),
            "en", List.of("Personnel no.", "Full name", "Status", "Due from", "Due by", "Reason"));

    private final EmployeeService employees;
    private final CertificationProperties props;

    DueCsv(EmployeeService employees, CertificationProperties props) {
        this.employees = employees;
        this.props = props;
    }

    int write(int days, String lang, OutputStream out) {
        List<String> headers = HEADERS.getOrDefault(lang == null ? "ru" : lang, HEADERS.get("ru"));
        String d = props.csvDelimiter();
        int rows = 0;
        try {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            line(out, String.join(d, headers.stream().map(DueCsv::cell).toList()));
            for (int offset = 0; ; offset += PAGE) {
                List<Employee> page = employees.dueWithin(days, PAGE, offset);
                for (Employee e : page) {
                    line(out, String.join(d, List.of(cell(e.personnelNo()), cell(e.fullName()), cell(e.dueStatus()),
                            cell(String.valueOf(e.dueOn())), cell(String.valueOf(e.latestOn())), cell(e.dueReason()))));
                    rows++;
                }
                if (page.size() < PAGE) {
                    return rows;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Quoted always; a leading formula character is neutralised (CSV injection). */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
