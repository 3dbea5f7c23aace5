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
    @ValueSource(strings = {"bytes=", "bytes=-", "bytes=abc-", "items=0-1", "bytes=5-1", "bytes=0-1,x-9",
            "bytes=0-1,", "bytes=0-1,2-3,4-5,6-7,8-9,10-11,12-13,14-15,16-17,18-19,20-21,22-23,24-25,26-27,28-29,30-31,32-33",
            "bytes=99999999999999999999-", "0-100", "bytes 0-100"})
    void refusesMalformedHeadersWithATypedError(String header) {
        assertThatThrownBy(() -> ByteRange.parse(header, 1000)).isInstanceOf(MalformedRangeException.class)
                .hasFieldOrPropertyWithValue("code", "malformed-range")
                .hasFieldOrPropertyWithValue("size", 1000L);
    }

    @Test
    void severalRangesAreAnsweredWithTheOneRangeThatCoversThem() {
        assertThat(ByteRange.parse("bytes=0-99,200-299", 1000)).isEqualTo(new ByteRange(0, 299, 1000));
        assertThat(ByteRange.parse("bytes = 500-599, 0-9", 1000)).isEqualTo(new ByteRange(0, 599, 1000));
        assertThat(ByteRange.parse("bytes=900-,-50", 1000)).isEqualTo(new ByteRange(900, 999, 1000));
        // A range outside the file is left out when another is inside it.
        assertThat(ByteRange.parse("bytes=0-9,5000-6000", 1000)).isEqualTo(new ByteRange(0, 9, 1000));
        assertThatThrownBy(() -> ByteRange.parse("bytes=1000-,5000-6000", 1000))
                .isInstanceOf(RangeNotSatisfiableException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=5000-6000", "bytes=-0"})
    void refusesRangesOutsideTheFileWithATypedError(String header) {
        assertThatThrownBy(() -> ByteRange.parse(header, 1000)).isInstanceOf(RangeNotSatisfiableException.class)
                .hasFieldOrPropertyWithValue("code", "range-not-satisfiable");
    }
}
