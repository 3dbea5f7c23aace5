package kz.line102.callcenter.caller.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void quotedCommasDoubledQuotesAndLineBreaksInQuotesAreOneField() throws IOException {
        List<CsvRecord> records = read("""
                a,"b, with comma","say ""hi""\"
                "multi
                line",x,""
                last,,
                """);
        assertThat(records).hasSize(3);
        assertThat(records.get(0).fields()).containsExactly("a", "b, with comma", "say \"hi\"");
        assertThat(records.get(1).fields()).containsExactly("multi\nline", "x", "");
        assertThat(records.get(2).fields()).containsExactly("last", "", "");
        assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 2L, 4L);
        assertThat(records).allMatch(r -> r.error() == null);
    }

    @Test
    void crlfLineEndsAndAByteOrderMarkAreHandled() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        List<CsvRecord> records = read(concat(bom, "number,name\r\n+77012345678,\"A\r\nB\"\r\n\r\n87172123456,C"
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(records).extracting(CsvRecord::fields).containsExactly(
                List.of("number", "name"), List.of("+77012345678", "A\r\nB"), List.of("87172123456", "C"));
        assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 2L, 5L);
    }

    @Test
    void kazakhAndRussianLettersSurvive() throws IOException {
        String kazakh = "Әлия Ғабитқызы Қаңғожа, Өмір Ұлы Үміт Һ і";
        List<CsvRecord> records = read("\"" + kazakh + "\",Астана ул. Достық 5\n");
        assertThat(records.get(0).fields()).containsExactly(kazakh, "Астана ул. Достық 5");
    }

    @Test
    void aRowInAnotherEncodingIsThatRowsErrorAndTheNextRowIsRead() throws IOException {
        byte[] cp1251 = "Иванов".getBytes(Charset.forName("windows-1251"));
        byte[] file = concat("a,b\n".getBytes(StandardCharsets.UTF_8), "x,".getBytes(StandardCharsets.UTF_8), cp1251,
                "\nы,ok\n".getBytes(StandardCharsets.UTF_8));
        List<CsvRecord> records = read(file);
        assertThat(records).hasSize(3);
        assertThat(records.get(1).error()).contains("not valid UTF-8").contains("field 2");
        assertThat(records.get(2).error()).isNull();
        assertThat(records.get(2).fields()).containsExactly("ы", "ok");
    }

    @Test
    void aUtf16FileIsRefusedAsAWhole() {
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "number\n".getBytes(StandardCharsets.UTF_16LE));
        assertThatThrownBy(() -> read(utf16)).isInstanceOf(CsvFileException.class)
                .hasMessageContaining("UTF-16").extracting("code").isEqualTo("unsupported-encoding");
        byte[] noBom = "number\n".getBytes(StandardCharsets.UTF_16BE);
        assertThatThrownBy(() -> read(noBom)).isInstanceOf(CsvFileException.class);
    }

    @Test
    void malformedQuotingIsReportedPerRecord() throws IOException {
        List<CsvRecord> records = read("""
                ok,1
                bad"quote,2
                "closed"tail,3
                ok,4
                "never closed,5
                """);
        assertThat(records.get(0).error()).isNull();
        assertThat(records.get(1).error()).contains("quote inside an unquoted field");
        assertThat(records.get(2).error()).contains("after the closing quote");
        assertThat(records.get(3).fields()).containsExactly("ok", "4");
        assertThat(records.get(4).error()).contains("not closed before the end");
        assertThat(records.get(4).line()).isEqualTo(5);
    }

    @Test
    void anOverlongRecordIsSkippedToTheNextLineAndReadingGoesOn() throws IOException {
        String file = "a,b\n\"" + "x".repeat(500) + "\n" + "c,d\n";
        List<CsvRecord> records = new ArrayList<>();
        CsvReader reader = new CsvReader(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), 100);
        for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        assertThat(records).hasSize(3);
        assertThat(records.get(1).error()).contains("longer than 100 bytes");
        assertThat(records.get(2).fields()).containsExactly("c", "d");
        assertThat(records.get(2).line()).isEqualTo(3);
    }

    @Test
    void anEmptyInputHasNoRecords() throws IOException {
        assertThat(read("")).isEmpty();
        assertThat(read("\n\n")).isEmpty();
    }

    private static List<CsvRecord> read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<CsvRecord> read(byte[] bytes) throws IOException {
        CsvReader reader = new CsvReader(new ByteArrayInputStream(bytes), 65536);
        List<CsvRecord> records = new ArrayList<>();
        for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
