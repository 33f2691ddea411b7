package gongxin.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 32100-2015 unified social credit codes (credit-rules §8). */
class CreditCodeTest {

    @Nested
    class ValidCodes {

        @ParameterizedTest
        @ValueSource(strings = {"91310110666007217T", "91310115591693856A", "11329900T5MY01MR4U", "11329900N4WKEFY538",
                "1132990014X09GQE5W", "113299212024TH8759", "11329921MQDHGY266Q"})
        void are_accepted(String code) {
            IdentifierCheck<CreditCode> check = CreditCode.check(code);
            assertThat(check.valid()).as(check.message()).isTrue();
            assertThat(check.value().value()).isEqualTo(code);
            assertThat(check.value().pilotEra()).isFalse();
        }

        @Test
        void division_code_is_positions_3_to_8() {
            assertThat(CreditCode.of("11329900T5MY01MR4U").divisionCode()).isEqualTo("329900");
        }
    }

    @Nested
    class Normalisation {

        @Test
        void full_width_characters_become_half_width() {
            assertThat(CreditCode.of("９１３１０１１０６６６００７２１７Ｔ").value()).isEqualTo("91310110666007217T");
        }

        @Test
        void lower_case_is_upper_cased_and_spaces_trimmed() {
            assertThat(CreditCode.of("  91310110666007217t\u3000").value()).isEqualTo("91310110666007217T");
        }
    }

    @Nested
    class CheckCharacter {

        @Test
        void a_wrong_check_character_is_refused() {
            IdentifierCheck<CreditCode> check = CreditCode.check("91310110666007217A");
            assertThat(check.valid()).isFalse();
            assertThat(check.rule()).isEqualTo("check-character");
            assertThat(check.message()).isEqualTo("统一社会信用代码校验位错误");
        }

        @Test
        void every_single_character_change_is_caught() {
            String valid = "91310115591693856A";
            int caught = 0;
            int tried = 0;
            for (int position = 0; position < 18; position++) {
                for (char c : CreditCode.CHARSET.toCharArray()) {
                    if (c == valid.charAt(position)) {
                        continue;
                    }
                    String changed = valid.substring(0, position) + c + valid.substring(position + 1);
                    tried++;
                    if (!CreditCode.check(changed).valid()) {
                        caught++;
                    }
                }
            }
            assertThat(caught).isEqualTo(tried);
        }
    }

    @Nested
    class OrganizationCode {

        @Test
        void positions_9_to_17_must_carry_a_valid_GB_11714_check() {
            // 66600721 has check 7; with 8 there and the 18th character recomputed, only GB 11714 fails
            String first17 = "9131011066600721" + "8";
            String code = first17 + CreditCode.checkCharacter(first17);
            IdentifierCheck<CreditCode> check = CreditCode.check(code);
            assertThat(check.valid()).isFalse();
            assertThat(check.rule()).isEqualTo("organization-code-check");
        }

        @Test
        void check_value_ten_is_written_X_and_eleven_0() {
            assertThat(CreditCode.organizationCodeCheckCharacter("10000018")).isEqualTo('X');
            assertThat(CreditCode.organizationCodeCheckCharacter("10000004")).isEqualTo('0');
            assertThat(CreditCode.organizationCodeCheckCharacter("66600721")).isEqualTo('7');
            assertThat(CreditCode.organizationCodeCheckCharacter("59169385")).isEqualTo('6');
        }
    }

    @Nested
    class Shape {

        @Test
        void length_must_be_18() {
            assertThat(CreditCode.check("9131011066600721").rule()).isEqualTo("length");
        }

        @ParameterizedTest
        @ValueSource(strings = {"I", "O", "Z", "S", "V"})
        void letters_I_O_Z_S_V_are_not_used(String letter) {
            IdentifierCheck<CreditCode> check = CreditCode.check("9131011066600721" + letter + "T");
            assertThat(check.rule()).isEqualTo("charset");
            assertThat(check.message()).contains("第17位");
        }

        @Test
        void empty_is_refused_as_required() {
            assertThat(CreditCode.check(" ").rule()).isEqualTo("required");
            assertThat(CreditCode.check(null).rule()).isEqualTo("required");
        }
    }

    @Nested
    class PilotEra {

        @Test
        void pilot_era_codes_are_refused_by_default() {
            assertThat(CreditCode.check("91350211M00013FA1N").valid()).isFalse();
        }

        @Test
        void pilot_era_codes_are_accepted_only_explicitly_and_marked() {
            IdentifierCheck<CreditCode> check = CreditCode.checkAllowingPilotEra("91350211M00013FA1N");
            assertThat(check.valid()).isTrue();
            assertThat(check.value().pilotEra()).isTrue();
        }

        @Test
        void the_explicit_flag_does_not_excuse_other_rules() {
            assertThat(CreditCode.checkAllowingPilotEra("91350211M00013FA1").valid()).isFalse();
        }
    }

    @Test
    void of_throws_a_rule_violation_naming_the_field() {
        assertThatThrownBy(() -> CreditCode.of("91310110666007217A"))
                .isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).violations().get(0).field()).isEqualTo("统一社会信用代码"));
    }
}
