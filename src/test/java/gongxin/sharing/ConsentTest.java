package gongxin.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import gongxin.shared.RuleViolationException;
import gongxin.shared.SubjectCategory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A person's consent to share, as the law and the city plans limit it, without Spring. */
class ConsentTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final String SM3 = "a".repeat(64);

    static Consent consent(LocalDate from, LocalDate to) {
        return Consent.grant(7, SubjectCategory.NATURAL_PERSON, "CITY-NDRC", List.of("FISCAL-SUPPORT"), from, to, "授权书.pdf", SM3, 12, TODAY);
    }

    static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String rule) {
        assertThatThrownBy(call).isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).violations()).extracting(v -> v.rule()).contains(rule));
    }

    @Nested
    class Granting {

        @Test
        void lasts_at_most_twelve_months_never_a_lifetime() {
            assertThat(consent(TODAY, TODAY.plusMonths(12).minusDays(1)).validTo()).isEqualTo(LocalDate.of(2027, 11, 23));
            refused(() -> consent(TODAY, TODAY.plusMonths(12)), "consent-too-long");
            refused(() -> consent(TODAY, LocalDate.of(2099, 12, 31)), "consent-too-long");
        }

        @Test
        void is_for_persons_only_with_its_evidence_and_sensible_dates() {
            refused(() -> Consent.grant(7, SubjectCategory.ORGANIZATION, "CITY-NDRC", List.of("FISCAL-SUPPORT"), TODAY,
                    TODAY.plusMonths(6), "授权书.pdf", SM3, 12, TODAY), "consent-persons-only");
            refused(() -> Consent.grant(7, SubjectCategory.NATURAL_PERSON, "CITY-NDRC", List.of("FISCAL-SUPPORT"), TODAY,
                    TODAY.plusMonths(6), null, null, 12, TODAY), "consent-required-fields");
            refused(() -> Consent.grant(7, SubjectCategory.NATURAL_PERSON, "CITY-NDRC", List.of(), TODAY, TODAY.plusMonths(6),
                    "授权书.pdf", SM3, 12, TODAY), "consent-required-fields");
            refused(() -> consent(TODAY, TODAY.minusDays(1)), "consent-dates");
            refused(() -> Consent.grant(7, SubjectCategory.NATURAL_PERSON, "CITY-NDRC", List.of("FISCAL-SUPPORT"), TODAY,
                    TODAY.plusMonths(6), "授权书.pdf", "not-a-digest", 12, TODAY), "sm3");
        }
    }

    @Nested
    class Using {

        @Test
        void allows_only_its_grantee_matter_person_and_period() {
            Consent c = consent(TODAY, TODAY.plusMonths(6));
            assertThat(c.refusal(7, "CITY-NDRC", "FISCAL-SUPPORT", TODAY)).isEmpty();
            assertThat(c.refusal(8, "CITY-NDRC", "FISCAL-SUPPORT", TODAY)).isPresent();
            assertThat(c.refusal(7, "CITY-SAMR", "FISCAL-SUPPORT", TODAY)).isPresent();
            assertThat(c.refusal(7, "CITY-NDRC", "HONOURS", TODAY)).isPresent();
            assertThat(c.refusal(7, "CITY-NDRC", "FISCAL-SUPPORT", TODAY.plusMonths(6).plusDays(1))).as("expired").isPresent();
            assertThat(c.refusal(7, "CITY-NDRC", "FISCAL-SUPPORT", TODAY.minusDays(1))).as("not yet").isPresent();
        }

        @Test
        void a_withdrawal_ends_it_at_once_with_its_reason() {
            Consent c = consent(TODAY, TODAY.plusMonths(6));
            refused(() -> c.revoke(" ", Instant.parse("2026-11-25T02:00:00Z")), "reason-required");
            c.revoke("本人书面撤回", Instant.parse("2026-11-25T02:00:00Z"));
            assertThat(c.refusal(7, "CITY-NDRC", "FISCAL-SUPPORT", TODAY)).isPresent();
            refused(() -> c.revoke("再次撤回", Instant.parse("2026-11-26T02:00:00Z")), "not-active");
        }
    }
}
