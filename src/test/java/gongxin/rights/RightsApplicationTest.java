package gongxin.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import gongxin.calendar.Deadline;
import gongxin.entries.EntryKind;
import gongxin.entries.EntryRef;
import gongxin.shared.NotPermittedException;
import gongxin.shared.RuleViolationException;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The steps of an application as NDRC Order 36 orders them, without Spring. */
class RightsApplicationTest {

    static final String SAMR = "CITY-SAMR";
    static final EntryRef RECORD_7 = EntryRef.of(EntryKind.RECORD, 7);
    static final LocalDate SUBMITTED = LocalDate.of(2026, 11, 24);
    static final java.util.Set<ProofKind> NONE_MISSING = java.util.Set.of();

    static Deadline on(String date) {
        return new Deadline(LocalDate.parse(date), false);
    }

    static void refused(ThrowableAssert.ThrowingCallable call, String rule) {
        assertThatThrownBy(call).isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).violations().get(0).rule()).isEqualTo(rule));
    }

    static RightsApplication repair() {
        return RightsApplication.repair(RECORD_7, SAMR, true, SUBMITTED, on("2026-11-27"));
    }

    static RightsApplication objection() {
        return RightsApplication.objection(RECORD_7, true, SAMR, "处罚决定书文号有误", SUBMITTED, on("2026-11-27"));
    }

    @Nested
    class Submission {

        @Test
        void repair_needs_the_credit_commitment() {
            refused(() -> RightsApplication.repair(RECORD_7, SAMR, false, SUBMITTED, on("2026-11-27")),
                    "commitment-required");
        }

        @Test
        void an_objection_names_its_reason_and_a_record() {
            refused(() -> RightsApplication.objection(RECORD_7, true, SAMR, " ", SUBMITTED, on("2026-11-27")),
                    "reason-required");
            refused(() -> RightsApplication.objection(EntryRef.of(EntryKind.LIST_ENTRY, 3), false, SAMR, "有误", SUBMITTED, on("2026-11-27")),
                    "record-required");
        }

        @Test
        void a_new_application_waits_for_acceptance_until_its_deadline() {
            RightsApplication a = repair();
            assertThat(a.status()).isEqualTo(RightsApplication.Status.SUBMITTED);
            assertThat(a.currentDeadline().date()).isEqualTo(LocalDate.of(2026, 11, 27));
            assertThat(a.overdue(LocalDate.of(2026, 11, 27))).isFalse();
            assertThat(a.overdue(LocalDate.of(2026, 11, 30))).as("missed the day after its last day").isTrue();
        }
    }

    @Nested
    class Acceptance {

        @Test
        void only_the_determining_department_accepts() {
            assertThatThrownBy(() -> repair().accept(true, null, SUBMITTED, on("2026-12-03"), "CITY-EEB", NONE_MISSING))
                    .isInstanceOf(NotPermittedException.class);
        }

        @Test
        void refusing_to_accept_needs_a_reason_and_ends_it() {
            RightsApplication a = repair();
            refused(() -> a.accept(false, "", SUBMITTED, on("2026-12-03"), SAMR, NONE_MISSING), "reason-required");
            assertThat(a.status()).as("a refused step changes nothing").isEqualTo(RightsApplication.Status.SUBMITTED);
            a.accept(false, "申请材料不齐全", SUBMITTED, on("2026-12-03"), SAMR, NONE_MISSING);
            assertThat(a.status()).isEqualTo(RightsApplication.Status.NOT_ACCEPTED);
            assertThat(a.currentDeadline()).isNull();
            refused(() -> a.accept(true, null, SUBMITTED, on("2026-12-03"), SAMR, NONE_MISSING), "not-submitted");
        }

        /** Issue 26 (Also): the plans of Benxi and Hegang: the ID document and proof that the obligations were performed. */
        @Test
        void a_repair_is_accepted_only_with_the_proofs_its_entry_needs_and_may_still_be_refused_without_them() {
            RightsApplication a = repair();
            assertThatThrownBy(() -> a.accept(true, null, SUBMITTED, on("2026-12-03"), SAMR,
                    java.util.EnumSet.of(ProofKind.PERFORMANCE, ProofKind.IDENTITY)))
                    .isInstanceOf(RuleViolationException.class)
                    .satisfies(e -> {
                        RuleViolationException r = (RuleViolationException) e;
                        assertThat(r.violations().get(0).rule()).isEqualTo("proofs-required");
                        assertThat(r.properties().get("missing")).isEqualTo(List.of("IDENTITY", "PERFORMANCE"));
                        assertThat(r.violations().get(0).message()).contains("身份证明").contains("履行法定义务的证明");
                    });
            assertThat(a.status()).isEqualTo(RightsApplication.Status.SUBMITTED);
            a.accept(false, "未提供身份证明", SUBMITTED, on("2026-12-03"), SAMR, java.util.EnumSet.of(ProofKind.IDENTITY));
            assertThat(a.status()).isEqualTo(RightsApplication.Status.NOT_ACCEPTED);
        }

        @Test
        void an_objection_needs_no_repair_proofs() {
            RightsApplication a = objection();
            a.accept(true, null, SUBMITTED, on("2026-12-08"), SAMR, java.util.EnumSet.of(ProofKind.IDENTITY));
            assertThat(a.status()).isEqualTo(RightsApplication.Status.ACCEPTED);
        }

        @Test
        void a_late_acceptance_is_taken_and_shows_as_late() {
            RightsApplication a = repair();
            a.accept(true, null, LocalDate.of(2026, 11, 30), on("2026-12-09"), SAMR, NONE_MISSING);
            assertThat(a.acceptedLate()).isTrue();
            assertThat(a.currentDeadline().date()).isEqualTo(LocalDate.of(2026, 12, 9));
        }
    }

    @Nested
    class RepairDecision {

        @Test
        void is_made_after_acceptance_only() {
            RightsApplication a = repair();
            refused(() -> a.decideRepair(true, null, SUBMITTED, SAMR), "not-accepted");
        }

        @Test
        void a_refusal_gives_its_reason() {
            RightsApplication a = repair();
            a.accept(true, null, SUBMITTED, on("2026-12-03"), SAMR, NONE_MISSING);
            refused(() -> a.decideRepair(false, null, SUBMITTED, SAMR), "reason-required");
            a.decideRepair(false, "罚款尚未缴纳", SUBMITTED, SAMR);
            assertThat(a.status()).isEqualTo(RightsApplication.Status.REFUSED);
            assertThat(a.reason()).isEqualTo("罚款尚未缴纳");
        }

        @Test
        void a_complex_case_is_extended_once_with_a_reason_before_its_deadline() {
            RightsApplication a = repair();
            a.accept(true, null, SUBMITTED, on("2026-12-03"), SAMR, NONE_MISSING);
            refused(() -> a.extend(" ", SUBMITTED, on("2026-12-17"), SAMR), "reason-required");
            refused(() -> a.extend("需现场核查整改", LocalDate.of(2026, 12, 4), on("2026-12-17"), SAMR), "deadline-passed");
            a.extend("需现场核查整改", LocalDate.of(2026, 12, 3), on("2026-12-17"), SAMR);
            assertThat(a.decideBy().date()).isEqualTo(LocalDate.of(2026, 12, 17));
            refused(() -> a.extend("再次延长", LocalDate.of(2026, 12, 3), on("2026-12-31"), SAMR), "already-extended");
            a.decideRepair(true, null, LocalDate.of(2026, 12, 10), SAMR);
            assertThat(a.status()).isEqualTo(RightsApplication.Status.GRANTED);
        }

        @Test
        void an_objection_is_not_decided_as_a_repair() {
            RightsApplication a = objection();
            a.accept(true, null, SUBMITTED, on("2026-12-08"), SAMR, NONE_MISSING);
            refused(() -> a.decideRepair(true, null, SUBMITTED, SAMR), "wrong-kind");
            refused(() -> a.extend("复杂", SUBMITTED, on("2026-12-22"), SAMR), "not-extendable");
        }
    }

    /** Issue 26 (Also): a repair granted on false material can be revoked by its department. */
    @Nested
    class GrantRevocation {

        @Test
        void only_a_granted_repair_is_revoked_by_its_department_with_the_facts() {
            RightsApplication a = repair();
            refused(() -> a.revokeGrant("材料伪造", SUBMITTED, SAMR), "not-granted");
            a.accept(true, null, SUBMITTED, on("2026-12-03"), SAMR, NONE_MISSING);
            a.decideRepair(false, "罚款未缴", LocalDate.of(2026, 11, 26), SAMR);
            refused(() -> a.revokeGrant("材料伪造", LocalDate.of(2026, 11, 30), SAMR), "not-granted");

            RightsApplication g = repair();
            g.accept(true, null, SUBMITTED, on("2026-12-03"), SAMR, NONE_MISSING);
            g.decideRepair(true, null, LocalDate.of(2026, 11, 26), SAMR);
            assertThatThrownBy(() -> g.revokeGrant("材料伪造", LocalDate.of(2026, 12, 1), "CITY-EEB"))
                    .isInstanceOf(NotPermittedException.class);
            refused(() -> g.revokeGrant(" ", LocalDate.of(2026, 12, 1), SAMR), "reason-required");
            assertThat(g.status()).isEqualTo(RightsApplication.Status.GRANTED);
            g.revokeGrant("缴款凭证系伪造（银行回函）", LocalDate.of(2026, 12, 1), SAMR);
            assertThat(g.status()).isEqualTo(RightsApplication.Status.GRANT_REVOKED);
            assertThat(g.grantRevokedOn()).isEqualTo(LocalDate.of(2026, 12, 1));
            assertThat(g.decidedOn()).as("the grant stays recorded").isEqualTo(LocalDate.of(2026, 11, 26));
            refused(() -> g.revokeGrant("再次撤销", LocalDate.of(2026, 12, 2), SAMR), "not-granted");
        }
    }

    @Nested
    class ObjectionDecision {

        @Test
        void corrected_needs_the_corrected_version_first() {
            RightsApplication a = objection();
            a.accept(true, null, SUBMITTED, on("2026-12-08"), SAMR, NONE_MISSING);
            refused(() -> a.decideObjection(RightsApplication.ObjectionOutcome.CORRECTED, "文号已更正", false, SUBMITTED, SAMR),
                    "correction-required");
            a.decideObjection(RightsApplication.ObjectionOutcome.CORRECTED, "文号已更正", true, SUBMITTED, SAMR);
            assertThat(a.status()).isEqualTo(RightsApplication.Status.CORRECTED);
        }

        @Test
        void every_outcome_gives_the_applicant_its_reason() {
            RightsApplication a = objection();
            a.accept(true, null, SUBMITTED, on("2026-12-08"), SAMR, NONE_MISSING);
            refused(() -> a.decideObjection(RightsApplication.ObjectionOutcome.UPHELD, null, false, SUBMITTED, SAMR), "reason-required");
            refused(() -> a.decideObjection(null, "x", false, SUBMITTED, SAMR), "outcome-required");
            a.decideObjection(RightsApplication.ObjectionOutcome.UPHELD, "经核查，记录与处罚决定书一致", false, SUBMITTED, SAMR);
            assertThat(a.status()).isEqualTo(RightsApplication.Status.UPHELD);
            assertThat(a.currentDeadline()).isNull();
        }
    }

    @Nested
    class Proofs {

        static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};

        @Test
        void a_pdf_and_an_image_are_accepted_by_their_content() {
            List<Proof> proofs = Proof.check(List.of(new Proof.Upload("缴款凭证.pdf", "application/pdf", PDF),
                    new Proof.Upload("整改照片.png", "image/png", PNG)));
            assertThat(proofs).extracting(Proof::contentType).containsExactly("application/pdf", "image/png");
        }

        @Test
        void a_file_that_only_claims_to_be_a_pdf_is_refused() {
            refused(() -> Proof.check(List.of(new Proof.Upload("凭证.pdf", "application/pdf",
                    "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8)))), "proof-type");
            refused(() -> Proof.check(List.of(new Proof.Upload("照片.pdf", "application/pdf", PNG))), "proof-type");
            refused(() -> Proof.check(List.of(new Proof.Upload("截断.pdf", "application/pdf", "%PDF-1.4 truncated".getBytes(StandardCharsets.ISO_8859_1)))),
                    "proof-type");
        }

        @Test
        void an_oversized_or_empty_file_is_refused() {
            byte[] big = new byte[Proof.MAX_BYTES + 1];
            System.arraycopy(PDF, 0, big, 0, PDF.length);
            refused(() -> Proof.check(List.of(new Proof.Upload("大文件.pdf", "application/pdf", big))), "proof-too-large");
            refused(() -> Proof.check(List.of(new Proof.Upload("空.pdf", "application/pdf", new byte[0]))), "proof-empty");
        }
    }
}
