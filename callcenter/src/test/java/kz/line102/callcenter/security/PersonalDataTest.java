package kz.line102.callcenter.security;

import static org.assertj.core.api.Assertions.assertThat;

import kz.line102.callcenter.app.PersonalData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @AfterEach
    void maskedAgain() {
        PersonalData.showFullNumbers(false);
    }

    @Test
    void numbersAreMaskedButForTheirLastDigits() {
        assertThat(PersonalData.number("+77172123456")).isEqualTo("***3456");
        assertThat(PersonalData.number("87172123456")).isEqualTo("***3456");
        assertThat(PersonalData.number("102")).isEqualTo("***");
        assertThat(PersonalData.number(null)).isEqualTo("-");
    }

    @Test
    void numbersInRequestUrisAreMaskedAndIdsAreLeftAlone() {
        assertThat(PersonalData.uri("/api/v1/callers/%2B77172123456")).isEqualTo("/api/v1/callers/***3456");
        assertThat(PersonalData.uri("/api/v1/incidents?number=87011234567&page=0"))
                .isEqualTo("/api/v1/incidents?number=***4567&page=0");
        String id = "/api/v1/incidents/00000000-0000-0000-0000-000000000000";
        assertThat(PersonalData.uri(id)).isEqualTo(id);
        assertThat(PersonalData.uri("/api/v1/reports/daily/2026-11-24.pdf")).isEqualTo("/api/v1/reports/daily/2026-11-24.pdf");
        // A number with letters stuck to it is still a number; a stream entry id is not.
        assertThat(PersonalData.uri("/api/v1/callers/87011234567abc")).isEqualTo("/api/v1/callers/***4567abc");
        assertThat(PersonalData.text("stream entry 1733312345678-0 failed")).isEqualTo("stream entry 1733312345678-0 failed");
    }

    @Test
    void aDebuggingSessionMayLogNumbersInFull() {
        PersonalData.showFullNumbers(true);
        assertThat(PersonalData.number("+77172123456")).isEqualTo("+77172123456");
        assertThat(PersonalData.mask("+77172123456")).isEqualTo("***3456");
    }
}
