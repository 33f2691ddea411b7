package gongxin.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Telling credit codes and ID numbers apart, as {@code GET /api/v1/identifiers/validate} does. */
class IdentifiersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @Test
    void a_valid_credit_code() {
        Identifiers.Classification c = Identifiers.classify("９１３１０１１０６６６００７２１７ｔ", TODAY);
        assertThat(c.kind()).isEqualTo(IdentifierKind.CREDIT_CODE);
        assertThat(c.valid()).isTrue();
        assertThat(c.normalized()).isEqualTo("91310110666007217T");
        assertThat(c.reason()).isNull();
    }

    @Test
    void a_valid_id_number() {
        Identifiers.Classification c = Identifiers.classify("11010519491231002x", TODAY);
        assertThat(c.kind()).isEqualTo(IdentifierKind.ID_NUMBER);
        assertThat(c.valid()).isTrue();
    }

    @Test
    void an_id_number_with_a_wrong_check_stays_an_id_number() {
        Identifiers.Classification c = Identifiers.classify("110105194912310021", TODAY);
        assertThat(c.kind()).isEqualTo(IdentifierKind.ID_NUMBER);
        assertThat(c.valid()).isFalse();
        assertThat(c.reason()).isEqualTo("check-character");
    }

    @Test
    void a_pilot_era_code_is_an_invalid_credit_code() {
        Identifiers.Classification c = Identifiers.classify("91350211M00013FA1N", TODAY);
        assertThat(c.kind()).isEqualTo(IdentifierKind.CREDIT_CODE);
        assertThat(c.valid()).isFalse();
        assertThat(c.reason()).isEqualTo("check-character");
    }

    @Test
    void a_credit_code_with_a_forbidden_letter() {
        Identifiers.Classification c = Identifiers.classify("9131011066600721IT", TODAY);
        assertThat(c.kind()).isEqualTo(IdentifierKind.CREDIT_CODE);
        assertThat(c.reason()).isEqualTo("charset");
    }

    @Test
    void anything_else_is_unknown() {
        Identifiers.Classification c = Identifiers.classify("嘉禾科技", TODAY);
        assertThat(c.kind()).isEqualTo(IdentifierKind.UNKNOWN);
        assertThat(c.valid()).isFalse();
        assertThat(Identifiers.classify("", TODAY).reason()).isEqualTo("required");
    }

    @Test
    void a_future_birth_date_is_refused() {
        String first17 = "11010520301231001";
        Identifiers.Classification c = Identifiers.classify(first17 + IdNumber.checkCharacter(first17), TODAY);
        assertThat(c.kind()).isEqualTo(IdentifierKind.ID_NUMBER);
        assertThat(c.reason()).isEqualTo("birth-date");
    }
}
