package gongxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import gongxin.shared.SubjectCategory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Personal data on public pages. */
class MaskingTest {

    final Masking defaults = new Masking(null);

    @Nested
    class IdNumbers {
        @Test
        void are_masked_for_everyone_keeping_four_and_four() {
            assertThat(defaults.apply(FieldKind.ID_NUMBER, SubjectCategory.NATURAL_PERSON, "32990019800101123X")).isEqualTo("3299**********123X");
            assertThat(defaults.apply(FieldKind.ID_NUMBER, SubjectCategory.ORGANIZATION, "32990019800101123X")).isEqualTo("3299**********123X");
        }

        @Test
        void configuration_changes_how_much_is_kept() {
            Masking strict = new Masking(Map.of(FieldKind.ID_NUMBER, new Masking.Rule(1, 1)));
            assertThat(strict.apply(FieldKind.ID_NUMBER, SubjectCategory.NATURAL_PERSON, "32990019800101123X")).isEqualTo("3****************X");
        }
    }

    @Nested
    class ContactData {
        @Test
        void of_persons_and_individual_businesses_is_masked() {
            assertThat(defaults.apply(FieldKind.PHONE, SubjectCategory.NATURAL_PERSON, "13812345678")).isEqualTo("138****5678");
            assertThat(defaults.apply(FieldKind.BANK_ACCOUNT, SubjectCategory.INDIVIDUAL_BUSINESS, "6222021234567890")).isEqualTo("6222********7890");
            assertThat(defaults.apply(FieldKind.ADDRESS, SubjectCategory.NATURAL_PERSON, "示例市示例区幸福路88号")).isEqualTo("示例市示例区******");
        }

        @Test
        void of_organisations_is_public() {
            assertThat(defaults.apply(FieldKind.ADDRESS, SubjectCategory.ORGANIZATION, "示例市示例区幸福路88号")).isEqualTo("示例市示例区幸福路88号");
        }
    }

    @Nested
    class Names {
        @Test
        void of_natural_persons_keep_the_surname() {
            assertThat(defaults.subjectName(SubjectCategory.NATURAL_PERSON, "王小五")).isEqualTo("王**");
        }

        @Test
        void of_companies_are_public() {
            assertThat(defaults.subjectName(SubjectCategory.ORGANIZATION, "示例市嘉禾科技有限公司")).isEqualTo("示例市嘉禾科技有限公司");
        }

        @Test
        void a_two_character_name_still_hides_something() {
            assertThat(defaults.subjectName(SubjectCategory.NATURAL_PERSON, "王五")).isEqualTo("王*");
        }
    }

    @Test
    void short_values_never_come_out_whole() {
        assertThat(Masking.mask("1234", new Masking.Rule(4, 4))).isEqualTo("1***");
    }
}
