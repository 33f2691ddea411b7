package gongxin.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import gongxin.calendar.Deadline;
import gongxin.catalog.Severity;
import gongxin.shared.NotPermittedException;
import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A commitment's steps as 国办发〔2019〕35号 and the city rules order them, without Spring. */
class CommitmentTest {

    static final String SAMR = "CITY-SAMR";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final CommitmentMatter FOOD = new CommitmentMatter("SAMR-FOOD", "食品经营许可告知承诺", SAMR, CommitmentType.APPROVAL,
            "承诺条件符合要求", 20, Severity.SERIOUS, Set.of(CommitmentMatter.Exclusion.LISTED), null);

    static Commitment signed() {
        return Commitment.sign(FOOD, 7, LocalDate.of(2026, 11, 2), new Commitment.Signatory(" 王五 ", Commitment.SignatoryRole.AUTHORISED),
                new Deadline(LocalDate.of(2026, 11, 30), false));
    }

    static List<String> rules(ThrowableAssert.ThrowingCallable call) {
        try {
            call.call();
        } catch (RuleViolationException e) {
            return e.violations().stream().map(RuleViolation::rule).toList();
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        throw new AssertionError("not refused");
    }

    @Nested
    class Signing {

        @Test
        void the_paper_was_signed_on_a_real_day_by_someone() {
            assertThat(Commitment.checkSignature(TODAY.plusDays(1), new Commitment.Signatory("王五", Commitment.SignatoryRole.SELF), TODAY))
                    .extracting(RuleViolation::rule).containsExactly("not-future");
            assertThat(Commitment.checkSignature(null, null, TODAY)).extracting(RuleViolation::rule)
                    .containsExactly("required", "required", "required");
            assertThat(Commitment.checkSignature(TODAY, new Commitment.Signatory("王五", Commitment.SignatoryRole.SELF), TODAY)).isEmpty();
        }

        @Test
        void a_new_commitment_is_in_force_until_its_verification_day_and_overdue_after_it() {
            Commitment c = signed();
            assertThat(c.status()).isEqualTo(Commitment.Status.IN_FORCE);
            assertThat(c.signatory().name()).isEqualTo("王五");
            assertThat(c.overdue(LocalDate.of(2026, 11, 30))).isFalse();
            assertThat(c.overdue(LocalDate.of(2026, 12, 1))).isTrue();
        }

        @Test
        void approval_and_public_commitments_are_public_unless_the_matter_says_otherwise() {
            assertThat(FOOD.publicCommitments()).isTrue();
            assertThat(new CommitmentMatter("X", "行业自律", SAMR, CommitmentType.INDUSTRY, "t", 5, Severity.ORDINARY, Set.of(), null)
                    .publicCommitments()).isFalse();
            assertThat(new CommitmentMatter("X", "告知承诺", SAMR, CommitmentType.APPROVAL, "t", 5, Severity.ORDINARY, Set.of(), false)
                    .publicCommitments()).isFalse();
        }
    }

    @Nested
    class Verification {

        @Test
        void a_breach_rests_on_a_finding_document_and_its_facts() {
            Commitment c = signed();
            assertThat(rules(() -> c.verify(new Commitment.Finding(Commitment.Outcome.BREACHED, TODAY, " ", null), TODAY, SAMR)))
                    .containsExactly("document-required", "required");
            assertThat(c.status()).as("a refused step changes nothing").isEqualTo(Commitment.Status.IN_FORCE);
        }

        @Test
        void it_is_dated_between_the_signature_and_today() {
            Commitment c = signed();
            assertThat(rules(() -> c.verify(new Commitment.Finding(Commitment.Outcome.KEPT, TODAY.plusDays(1), null, null), TODAY, SAMR)))
                    .containsExactly("not-future");
            assertThat(rules(() -> c.verify(new Commitment.Finding(Commitment.Outcome.KEPT, LocalDate.of(2026, 11, 1), null, null), TODAY, SAMR)))
                    .containsExactly("before-signing");
        }

        @Test
        void it_happens_once() {
            Commitment c = signed();
            c.verify(new Commitment.Finding(Commitment.Outcome.KEPT, TODAY, null, null), TODAY, SAMR);
            assertThat(c.status()).isEqualTo(Commitment.Status.KEPT);
            assertThat(c.overdue(TODAY.plusYears(1))).isFalse();
            assertThat(rules(() -> c.verify(new Commitment.Finding(Commitment.Outcome.BREACHED, TODAY, "文号", "事实"), TODAY, SAMR)))
                    .containsExactly("already-verified");
        }

        @Test
        void only_the_matters_department_verifies() {
            assertThatThrownBy(() -> signed().verify(new Commitment.Finding(Commitment.Outcome.KEPT, TODAY, null, null), TODAY, "CITY-TAX"))
                    .isInstanceOf(NotPermittedException.class);
        }
    }

    @Nested
    class Withdrawal {

        @Test
        void a_commitment_in_force_may_be_withdrawn_with_a_reason_and_then_needs_no_verification() {
            Commitment c = signed();
            assertThat(rules(() -> c.withdraw(" ", TODAY, SAMR))).containsExactly("reason-required");
            c.withdraw("主体改为提交全部证明材料", TODAY, SAMR);
            assertThat(c.status()).isEqualTo(Commitment.Status.WITHDRAWN);
            assertThat(c.overdue(TODAY.plusYears(1))).isFalse();
            assertThat(rules(() -> c.verify(new Commitment.Finding(Commitment.Outcome.KEPT, TODAY, null, null), TODAY, SAMR)))
                    .containsExactly("not-in-force");
        }

        @Test
        void not_after_verification() {
            Commitment c = signed();
            c.verify(new Commitment.Finding(Commitment.Outcome.BREACHED, TODAY, "示市监承诺核〔2026〕1号", "条件不符"), TODAY, SAMR);
            assertThat(rules(() -> c.withdraw("撤回", TODAY, SAMR))).containsExactly("not-withdrawable");
        }
    }

    @Nested
    class Matters {

        @Test
        void a_matter_names_its_department_type_text_deadline_severity_and_exclusions() {
            CommitmentMatter m = CommitmentMatter.define("samr-food", new CommitmentMatter.Draft("食品经营许可告知承诺", SAMR, "approval",
                    "承诺条件符合要求", 20, "严重", List.of("LISTED", "breached"), null), SAMR::equals);
            assertThat(m.code()).isEqualTo("SAMR-FOOD");
            assertThat(m.breachSeverity()).isEqualTo(Severity.SERIOUS);
            assertThat(m.excludes()).containsExactlyInAnyOrder(CommitmentMatter.Exclusion.LISTED, CommitmentMatter.Exclusion.BREACHED);
        }

        @Test
        void every_broken_rule_is_named() {
            assertThat(rules(() -> CommitmentMatter.define("食品", new CommitmentMatter.Draft(" ", "NOWHERE", "OTHER", " ", 0, "轻微",
                    List.of("ALL"), null), SAMR::equals)))
                    .containsExactly("format", "required", "unknown-department", "type", "required", "range", "severity", "exclusion");
        }
    }

    @Nested
    class Breaches {

        static Breach breach(LocalDate windowEnd, LocalDate repairedOn) {
            return new Breach(1, 2, "CN20260000002", 7, "SAMR-FOOD", "食品经营许可告知承诺", SAMR, Severity.ORDINARY,
                    LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1), "文号", "事实", "ORDER-36", 3, windowEnd, repairedOn, null);
        }

        @Test
        void a_breach_counts_from_its_finding_until_the_day_after_its_window() {
            Breach b = breach(LocalDate.of(2027, 7, 1), null);
            assertThat(b.inForce(LocalDate.of(2026, 6, 30))).isFalse();
            assertThat(b.inForce(LocalDate.of(2026, 7, 1))).isTrue();
            assertThat(b.inForce(LocalDate.of(2027, 7, 1))).isTrue();
            assertThat(b.inForce(LocalDate.of(2027, 7, 2))).isFalse();
        }

        @Test
        void a_repair_ends_it_that_day_unless_its_window_had_ended_before() {
            assertThat(breach(LocalDate.of(2027, 7, 1), TODAY).countsUntil()).isEqualTo(TODAY);
            assertThat(breach(LocalDate.of(2026, 8, 1), TODAY).countsUntil()).isEqualTo(LocalDate.of(2026, 8, 2));
        }
    }
}
