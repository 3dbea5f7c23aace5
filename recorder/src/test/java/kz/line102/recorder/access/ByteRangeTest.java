package kz.line102.recorder.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

    @Test
    void noHeaderIsTheWholeFile() {
        ByteRange r = ByteRange.parse(null, 1000);

        assertThat(r).isEqualTo(new ByteRange(0, 999, 1000));
        assertThat(r.whole()).isTrue();
    }

    @Test
    void readsTheThreeFormsOfASingleRange() {
        assertThat(ByteRange.parse("bytes=100-199", 1000)).isEqualTo(new ByteRange(100, 199, 1000));
        assertThat(ByteRange.parse("bytes=900-", 1000)).isEqualTo(new ByteRange(900, 999, 1000));
        assertThat(ByteRange.parse("bytes=-100", 1000)).isEqualTo(new ByteRange(900, 999, 1000));
        assertThat(ByteRange.parse("bytes=0-", 1000).whole()).isTrue();
        assertThat(ByteRange.parse("bytes=100-199", 1000).contentRange()).isEqualTo("bytes 100-199/1000");
    }

    @Test
    void clampsAnEndPastTheFileAndASuffixLongerThanIt() {
        assertThat(ByteRange.parse("bytes=500-5000", 1000)).isEqualTo(new ByteRange(500, 999, 1000));
        assertThat(ByteRange.parse("bytes=-5000", 1000)).isEqualTo(new ByteRange(0, 999, 1000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=", "bytes=-", "bytes=abc-", "items=0-1", "bytes=5-1", "bytes=0-1,5-9",
            "bytes=99999999999999999999-", "0-100", "bytes 0-100"})
    void refusesMalformedHeadersWithATypedError(String header) {
        assertThatThrownBy(() -> ByteRange.parse(header, 1000)).isInstanceOf(MalformedRangeException.class)
                .hasFieldOrPropertyWithValue("code", "malformed-range")
                .hasFieldOrPropertyWithValue("size", 1000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=5000-6000", "bytes=-0"})
    void refusesRangesOutsideTheFileWithATypedError(String header) {
        assertThatThrownBy(() -> ByteRange.parse(header, 1000)).isInstanceOf(RangeNotSatisfiableException.class)
                .hasFieldOrPropertyWithValue("code", "range-not-satisfiable");
    }
}
