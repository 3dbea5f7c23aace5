package kz.line102.callcenter.caller;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import kz.line102.callcenter.caller.PhoneNumbers.NormalizedNumber;
import kz.line102.callcenter.caller.PhoneNumbers.NumberStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    private final PhoneNumbers numbers = new PhoneNumbers();

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            // mobile, every way it arrives
            "87012345678        | +77012345678",
            "8 701 234 56 78    | +77012345678",
            "8 (701) 234-56-78  | +77012345678",
            "+7 701 234 56 78   | +77012345678",
            "+77012345678       | +77012345678",
            "77012345678        | +77012345678",
            "7012345678         | +77012345678",
            "'  +7 777 123 45 67  ' | +77771234567",
            // landlines: Astana 7172, Almaty 727, Shymkent 7252, Karaganda 7212
            "8 7172 12 34 56    | +77172123456",
            "87172123456        | +77172123456",
            "(7172) 123456      | +77172123456",
            "+7 (727) 250-12-34 | +77272501234",
            "8-727-250-12-34    | +77272501234",
            "8 7252 53 12 34    | +77252531234",
            "+7 7212 41 22 33   | +77212412233",
            // foreign callers keep their country
            "+79161234567       | +79161234567",
            "+44 20 7946 0958   | +442079460958",
            // full-width digits as some terminals send them
            "８７０１２３４５６７８ | +77012345678",
    })
    void validNumbersBecomeE164AndKeepTheirRawForm(String raw, String e164) {
        NormalizedNumber n = numbers.normalize(raw);
        assertThat(n.status()).isEqualTo(NumberStatus.VALID);
        assertThat(n.e164()).isEqualTo(e164);
        assertThat(n.raw()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "anonymous", "Anonymous", "ANONYMOUS", "unknown", "<unknown>", "restricted",
            "private", "unavailable", "withheld"})
    @NullSource
    void withheldIdsAreFlaggedWithheld(String raw) {
        NormalizedNumber n = numbers.normalize(raw);
        assertThat(n.status()).isEqualTo(NumberStatus.WITHHELD);
        assertThat(n.e164()).isNull();
        assertThat(n.raw()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"102", "112", "101", "103", "104", "1414", "123456"})
    void shortAndServiceNumbersAreShortNotErrors(String raw) {
        NormalizedNumber n = numbers.normalize(raw);
        assertThat(n.status()).isEqualTo(NumberStatus.SHORT);
        assertThat(n.e164()).isNull();
        assertThat(n.raw()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "abc", "+", "8 701 234 56", "+7 701 234 56 78 9",
            "+7 701 ABC 56 78", "тел 87012345678", "+7 701 234 5678 ext. 12", "87012345678;drop",
            "'; drop table calls; --", "8 701 234 56 78 / 9", "+0 123 456 789",
            "+7 701 ЖЖЖ 56 78", "сто два"})
    void garbageAndLettersAreKeptRawAndFlaggedInvalid(String raw) {
        NormalizedNumber n = numbers.normalize(raw);
        assertThat(n.status()).isIn(NumberStatus.INVALID, NumberStatus.SHORT);
        assertThat(n.e164()).isNull();
        assertThat(n.raw()).isEqualTo(raw);
    }

    @Test
    void controlCharactersAloneCarryNoNumber() {
        assertThat(numbers.normalize("\u0000\u0001").status()).isEqualTo(NumberStatus.WITHHELD);
        assertThat(numbers.normalize("\u0000\u0001").raw()).isEqualTo("\u0000\u0001");
    }

    @Test
    void cyrillicAndLatinLettersAreNeverReadAsKeypadDigits() {
        assertThat(numbers.normalize("+7 701 ABC 56 78").status()).isEqualTo(NumberStatus.INVALID);
        assertThat(numbers.normalize("8 701 АБВ 56 78").status()).isEqualTo(NumberStatus.INVALID);
    }

    @Test
    void veryLongStringsAreFlaggedWithoutParsing() {
        String huge = "7".repeat(1_000_000);
        NormalizedNumber n = numbers.normalize(huge);
        assertThat(n.status()).isEqualTo(NumberStatus.INVALID);
        assertThat(n.raw()).hasSize(1_000_000);
        assertThat(numbers.normalize("1".repeat(65)).status()).isEqualTo(NumberStatus.INVALID);
        assertThat(numbers.normalize("8 701 234 56 78 " + " ".repeat(100)).status()).isEqualTo(NumberStatus.VALID);
    }

    @Test
    void theQuickPathAgreesWithLibphonenumberOnRandomNumbers() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        Random random = new Random(102);
        for (int i = 0; i < 20_000; i++) {
            String national = String.format("%010d", (long) (random.nextDouble() * 10_000_000_000L));
            String raw = (random.nextBoolean() ? "8" : "+7") + national;
            String expected;
            try {
                var parsed = util.parse(raw, "KZ");
                expected = util.isValidNumber(parsed)
                        ? util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
            } catch (Exception e) {
                expected = null;
            }
            assertThat(numbers.normalize(raw).e164()).as(raw).isEqualTo(expected);
        }
    }
}
