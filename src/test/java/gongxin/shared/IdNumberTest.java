package gongxin.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 11643-1999 citizen ID numbers (credit-rules §8). */
class IdNumberTest {

    @Nested
    class ValidNumbers {

        @ParameterizedTest
        @ValueSource(strings = {"11010519491231002X", "440524188001010014"})
        void are_accepted(String number) {
            assertThat(IdNumber.check(number).valid()).isTrue();
        }

        @Test
        void the_birth_date_is_read() {
            assertThat(IdNumber.of("11010519491231002X").birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        }

        @Test
        void a_lower_case_x_and_full_width_digits_are_normalised() {
            assertThat(IdNumber.of("１１０１０５１９４９１２３１００２x").value()).isEqualTo("11010519491231002X");
        }
    }

    @Nested
    class CheckCharacter {

        @Test
        void a_wrong_check_character_is_refused() {
            IdentifierCheck<IdNumber> check = IdNumber.check("110105194912310021");
            assertThat(check.rule()).isEqualTo("check-character");
        }

        @Test
        void the_check_is_computed_from_the_weights() {
            assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
            assertThat(IdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
        }
    }

    @Nested
    class BirthDate {

        @Test
        void the_date_must_exist() {
            String first17 = "11010520230230001";
            IdentifierCheck<IdNumber> check = IdNumber.check(first17 + IdNumber.checkCharacter(first17));
            assertThat(check.rule()).isEqualTo("birth-date");
        }

        @Test
        void a_birth_date_after_today_is_refused_when_today_is_known() {
            String first17 = "11010520301231001";
            String number = first17 + IdNumber.checkCharacter(first17);
            assertThat(IdNumber.check(number).valid()).isTrue();
            assertThat(IdNumber.check(number, LocalDate.of(2026, 11, 24)).rule()).isEqualTo("birth-date");
        }

        @Test
        void minors_are_recognised_on_a_date() {
            String first17 = "11010520100601001";
            IdNumber number = IdNumber.of(first17 + IdNumber.checkCharacter(first17));
            assertThat(number.minorOn(LocalDate.of(2028, 5, 31))).isTrue();
            assertThat(number.minorOn(LocalDate.of(2028, 6, 1))).isFalse();
        }
    }

    @Nested
    class Shape {

        @Test
        void fifteen_digit_numbers_are_refused_with_a_hint() {
            IdentifierCheck<IdNumber> check = IdNumber.check("110105491231002");
            assertThat(check.rule()).isEqualTo("length");
            assertThat(check.message()).contains("15位");
        }

        @Test
        void letters_before_the_last_position_are_refused() {
            assertThat(IdNumber.check("1101051949123100AX").rule()).isEqualTo("charset");
        }
    }

    @Nested
    class Masked {

        @Test
        void keeps_the_first_and_last_four_characters() {
            assertThat(IdNumber.masked("11010519491231002X")).isEqualTo("1101**********002X");
            assertThat(IdNumber.masked("12345678")).isEqualTo("********");
            assertThat(IdNumber.masked(null)).isNull();
        }
    }
}
