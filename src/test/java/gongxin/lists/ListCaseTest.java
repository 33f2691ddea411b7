package gongxin.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import gongxin.calendar.WorkingCalendar;
import gongxin.shared.NotPermittedException;
import gongxin.shared.RuleViolationException;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The serious-dishonesty procedure as a state machine, without Spring: every step in its order, every forbidden
 * transition refused with its rule and nothing changed, deadlines on the statutory calendar across National Day.
 */
class ListCaseTest {

    private static final String SAMR = "CITY-SAMR";
    private static final ListType TYPE = ListType.define(ListTypesDemo.EXAMPLES.get(0), code -> true);
    private static final LocalDate TODAY = LocalDate.parse("2027-06-30");
    /** The case's basis record as it stands now: still in force, or revoked. */
    private static final List<ListCase.Basis> STANDING = List.of(new ListCase.Basis(101, 7, true));
    private static final List<ListCase.Basis> FALLEN = List.of(new ListCase.Basis(101, 7, false));
    /** 2026: National Day 1–7 October off, Saturday 10 October a make-up working day. */
    private static final WorkingCalendar CALENDAR;

    static {
        Map<LocalDate, Boolean> days = new HashMap<>();
        for (int d = 1; d <= 7; d++) {
            days.put(LocalDate.of(2026, 10, d), true);
        }
        days.put(LocalDate.of(2026, 10, 10), false);
        CALENDAR = new WorkingCalendar(days, Set.of(2026, 2027));
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    private static ListCase proposed() {
        ListCase c = ListCase.propose(TYPE, 7, List.of(new ListCase.Basis(101, 7, true)), "拒不执行行政处罚决定", SAMR);
        c.approve(SAMR);
        return c;
    }

    private static ListCase notified() {
        ListCase c = proposed();
        c.notify(d("2026-09-28"), TODAY, CALENDAR, SAMR);
        return c;
    }

    private static ListCase listed() {
        ListCase c = notified();
        c.decide(d("2026-10-19"), "示市监认〔2026〕1号", TODAY, SAMR);
        return c;
    }

    private static void refused(ThrowableAssert.ThrowingCallable step, String rule) {
        assertThatThrownBy(step).isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).violations().get(0).rule()).isEqualTo(rule));
    }

    @Nested
    class Proposal {

        @Test
        void rests_on_effective_records_of_the_same_subject() {
            refused(() -> ListCase.propose(TYPE, 7, List.of(), "事实", SAMR), "basis-required");
            refused(() -> ListCase.propose(TYPE, 7, List.of(new ListCase.Basis(1, 8, true)), "事实", SAMR), "basis-subject");
            refused(() -> ListCase.propose(TYPE, 7, List.of(new ListCase.Basis(1, 7, false)), "事实", SAMR), "basis-not-effective");
        }

        /** Issue 26, finding 1: dishonesty information of the list's domain, of an adult, by an accepted authority. */
        @Test
        void rests_only_on_dishonesty_of_its_domain_of_an_adult_by_an_accepted_authority() {
            java.util.function.Function<ListCase.Basis, ListCase> propose = b -> ListCase.propose(TYPE, 7, List.of(b), "事实", SAMR);
            // a licence, or a penalty by 简易程序: not dishonesty information
            refused(() -> propose.apply(new ListCase.Basis(1, 7, true, false, false, "XZXK", SAMR)), "basis-not-dishonesty");
            refused(() -> propose.apply(new ListCase.Basis(1, 7, true, true, true, "XZCF", SAMR)), "basis-not-dishonesty");
            // the demo's SAMR-SERIOUS takes administrative penalties of the market regulators only
            refused(() -> propose.apply(new ListCase.Basis(1, 7, true, true, false, "SFPJ", SAMR)), "basis-not-dishonesty");
            refused(() -> propose.apply(new ListCase.Basis(1, 7, true, true, false, "XZCF", "CITY-EEB")), "basis-authority");
            assertThat(propose.apply(new ListCase.Basis(1, 7, true, true, false, "XZCF", "CNTY-SAMR")).status())
                    .isEqualTo(ListCase.Status.PROPOSED);
        }

        @Test
        void is_made_only_by_the_determining_department_and_only_for_lists_determined_here() {
            refused(() -> ListCase.propose(TYPE, 7, List.of(new ListCase.Basis(1, 7, true)), "事实", "CITY-EEB"),
                    "not-determining-department");
            ListType court = ListType.define(ListTypesDemo.EXAMPLES.get(2), code -> true);
            refused(() -> ListCase.propose(court, 7, List.of(new ListCase.Basis(1, 7, true)), "事实", "CITY-COURT"), "not-proposable");
        }

        @Test
        void whatever_its_channel_waits_for_a_reviewer_before_the_notice() {
            ListCase c = ListCase.propose(TYPE, 7, List.of(new ListCase.Basis(1, 7, true)), "事实", SAMR);
            refused(() -> c.notify(d("2026-09-28"), TODAY, CALENDAR, SAMR), "not-approved");
            assertThat(c.status()).isEqualTo(ListCase.Status.PROPOSED);
            c.approve(SAMR);
            refused(() -> c.approve(SAMR), "not-awaiting-approval");
            c.notify(d("2026-09-28"), TODAY, CALENDAR, SAMR);
            assertThat(c.status()).isEqualTo(ListCase.Status.NOTIFIED);
        }
    }

    @Nested
    class Notice {

        @Test
        void starts_a_statement_period_in_working_days_across_national_day() {
            ListCase c = proposed();
            // ten working days after Monday 28 September: 29, 30 September, 8, 9, 10 (make-up Saturday), 12–16 October
            assertThat(c.notify(d("2026-09-28"), TODAY, CALENDAR, SAMR).date()).isEqualTo(d("2026-10-16"));
        }

        @Test
        void cannot_be_served_in_the_future_or_twice() {
            ListCase c = proposed();
            refused(() -> c.notify(TODAY.plusDays(1), TODAY, CALENDAR, SAMR), "not-future");
            assertThat(c.status()).isEqualTo(ListCase.Status.PROPOSED);
            c.notify(d("2026-09-28"), TODAY, CALENDAR, SAMR);
            refused(() -> c.notify(d("2026-09-29"), TODAY, CALENDAR, SAMR), "already-notified");
        }
    }

    @Nested
    class Objections {

        @Test
        void are_verified_within_ten_working_days_and_hold_up_the_decision_until_then() {
            ListCase c = notified();
            ListCase.Statement objection = c.receive(d("2026-10-09"), "处罚决定已被复议撤销", true, TODAY, CALENDAR, day -> 10, SAMR);
            assertThat(objection.verificationDeadline().date()).isEqualTo(d("2026-10-22"));
            assertThat(c.nextDeadline()).contains(objection.verificationDeadline());
            refused(() -> c.decide(d("2026-10-19"), "示市监认〔2026〕1号", TODAY, SAMR), "open-objection");
            assertThat(c.status()).isEqualTo(ListCase.Status.NOTIFIED);
            refused(() -> c.resolve(objection.number(), ListCase.Resolution.REJECTED, " ", SAMR), "reason-required");
            c.resolve(objection.number(), ListCase.Resolution.REJECTED, "复议维持原处罚决定", SAMR);
            assertThat(c.decide(d("2026-10-19"), "示市监认〔2026〕1号", TODAY, SAMR).listedOn()).isEqualTo(d("2026-10-19"));
        }

        @Test
        void accepted_ends_the_case() {
            ListCase c = notified();
            ListCase.Statement objection = c.receive(d("2026-10-09"), "认定对象错误", true, TODAY, CALENDAR, day -> 10, SAMR);
            c.resolve(objection.number(), ListCase.Resolution.ACCEPTED, "主体认定错误，撤回", SAMR);
            assertThat(c.status()).isEqualTo(ListCase.Status.DROPPED);
            refused(() -> c.decide(d("2026-10-19"), "示市监认〔2026〕1号", TODAY, SAMR), "not-notified");
        }

        @Test
        void received_late_are_recorded_and_do_not_hold_up_the_decision() {
            ListCase c = notified();
            ListCase.Statement late = c.receive(d("2026-10-19"), "逾期提出的异议", true, TODAY, CALENDAR, day -> 10, SAMR);
            assertThat(late.late()).isTrue();
            assertThat(late.verificationDeadline()).isNull();
            assertThat(c.decide(d("2026-10-20"), "示市监认〔2026〕2号", TODAY, SAMR)).isNotNull();
        }

        @Test
        void cannot_be_received_before_the_notice_or_in_the_future() {
            refused(() -> proposed().receive(d("2026-10-09"), "异议", true, TODAY, CALENDAR, day -> 10, SAMR), "not-notified");
            ListCase c = notified();
            refused(() -> c.receive(d("2026-09-27"), "异议", true, TODAY, CALENDAR, day -> 10, SAMR), "before-notice");
            refused(() -> c.receive(TODAY.plusDays(1), "异议", true, TODAY, CALENDAR, day -> 10, SAMR), "not-future");
            assertThat(c.statements()).isEmpty();
        }
    }

    @Nested
    class Withdrawal {

        @Test
        void ends_an_open_case_with_a_reason_and_never_a_decided_one() {
            ListCase c = notified();
            refused(() -> c.withdraw(" ", SAMR), "reason-required");
            refused(() -> c.withdraw("依据被撤销", "CITY-EEB"), "not-determining-department");
            c.withdraw("依据被撤销", SAMR);
            assertThat(c.status()).isEqualTo(ListCase.Status.DROPPED);
            refused(() -> listed().withdraw("依据被撤销", SAMR), "not-open");
        }

        @Test
        void a_basis_that_fell_stops_the_case() {
            refused(() -> ListCase.requireEffective(List.of(new ListCase.Basis(1, 7, true), new ListCase.Basis(2, 7, false))),
                    "basis-not-effective");
        }
    }

    @Nested
    class Decision {

        @Test
        void waits_for_the_end_of_the_statement_period() {
            ListCase c = notified();
            refused(() -> c.decide(d("2026-10-16"), "示市监认〔2026〕1号", TODAY, SAMR), "statement-period");
            assertThat(c.status()).isEqualTo(ListCase.Status.NOTIFIED);
            assertThat(c.decide(d("2026-10-19"), "示市监认〔2026〕1号", TODAY, SAMR).listedOn()).isEqualTo(d("2026-10-19"));
            assertThat(c.status()).isEqualTo(ListCase.Status.LISTED);
        }

        @Test
        void cannot_skip_the_notice() {
            refused(() -> proposed().decide(d("2026-10-19"), "示市监认〔2026〕1号", TODAY, SAMR), "not-notified");
        }

        @Test
        void lists_for_at_least_the_minimum_and_at_most_the_maximum() {
            ListCase.Entry entry = listed().entry().orElseThrow();
            // the day after the 12-month minimum ends (公示期满后, issue 26 finding 8)
            assertThat(entry.removableFrom()).isEqualTo(d("2027-10-20"));
            assertThat(entry.endsOn()).isEqualTo(d("2029-10-19"));
        }
    }

    @Nested
    class Removal {

        @Test
        void on_repair_only_after_the_minimum_period_and_at_the_end_only_when_it_has_come() {
            LocalDate later = d("2030-01-01");
            ListCase c = listed();
            // the minimum of 12 months from 2026-10-19 ends on 2027-10-19: repair takes it off the day after, not that day
            refused(() -> c.removeOnRepair(d("2027-10-19"), later, SAMR), "minimum-period");
            // 2029-10-19 is the entry's last day on the list (listed 2026-10-19 for 36 months)
            refused(() -> c.remove(d("2029-10-19"), ListCase.RemovalReason.EXPIRED, later, SAMR, STANDING), "not-expired");
            assertThat(c.status()).isEqualTo(ListCase.Status.LISTED);
            assertThat(c.removeOnRepair(d("2027-10-20"), later, SAMR).removalReason()).isEqualTo(ListCase.RemovalReason.REPAIRED);
            assertThat(c.status()).isEqualTo(ListCase.Status.REMOVED);
            refused(() -> c.remove(d("2029-10-20"), ListCase.RemovalReason.EXPIRED, later, SAMR, STANDING), "not-listed");
        }

        @Test
        void at_the_end_from_the_day_after_its_last_day() {
            ListCase c = listed();
            assertThat(c.entry().orElseThrow().endsOn()).isEqualTo(d("2029-10-19"));
            assertThat(c.remove(d("2029-10-20"), ListCase.RemovalReason.EXPIRED, d("2030-01-01"), SAMR, STANDING).removalReason())
                    .isEqualTo(ListCase.RemovalReason.EXPIRED);
        }

        @Test
        void when_the_basis_falls_at_any_time_and_only_by_the_determining_department() {
            ListCase c = listed();
            refused(() -> c.remove(d("2026-11-01"), ListCase.RemovalReason.BASIS_REVOKED, TODAY, "CITY-EEB", FALLEN),
                    "not-determining-department");
            assertThat(c.remove(d("2026-11-01"), ListCase.RemovalReason.BASIS_REVOKED, TODAY, SAMR, FALLEN).removedOn())
                    .isEqualTo(d("2026-11-01"));
        }

        /** Issue 26, finding 11: a removal because the basis fell is not dated before the basis fell. */
        @Test
        void not_backdated_before_its_basis_fell() {
            ListCase c = listed();
            refused(() -> c.remove(d("2026-11-19"), ListCase.RemovalReason.BASIS_REVOKED, TODAY, SAMR, FALLEN, d("2026-11-20"), null),
                    "before-ground");
            assertThat(c.remove(d("2026-11-20"), ListCase.RemovalReason.BASIS_REVOKED, TODAY, SAMR, FALLEN, d("2026-11-20"), null).removedOn())
                    .isEqualTo(d("2026-11-20"));
        }

        /** Issue 26: a court's removal rests on the court's document and is not dated before it. */
        @Test
        void by_a_court_with_its_document_and_not_before_it() {
            ListCase c = listed();
            ListCase.CourtDecision ruling = new ListCase.CourtDecision("（2026）示0201执恢1号之一", d("2026-11-10"));
            refused(() -> c.remove(d("2026-11-12"), ListCase.RemovalReason.COURT_DECISION, TODAY, SAMR, STANDING, null, null),
                    "court-decision-required");
            refused(() -> c.remove(d("2026-11-12"), ListCase.RemovalReason.COURT_DECISION, TODAY, SAMR, STANDING, null,
                    new ListCase.CourtDecision(" ", d("2026-11-10"))), "court-decision-required");
            refused(() -> c.remove(d("2026-11-09"), ListCase.RemovalReason.COURT_DECISION, TODAY, SAMR, STANDING, null, ruling),
                    "before-ground");
            assertThat(c.status()).isEqualTo(ListCase.Status.LISTED);
            assertThat(c.remove(d("2026-11-10"), ListCase.RemovalReason.COURT_DECISION, TODAY, SAMR, STANDING, null, ruling).removedOn())
                    .isEqualTo(d("2026-11-10"));
        }

        /** Issue 26 (Also): a repair revoked for false material puts the entry back until its own end. */
        @Test
        void back_on_the_list_when_its_repair_is_revoked_and_ended_if_its_end_has_passed() {
            ListCase c = listed();
            refused(() -> c.reinstateAfterRepairRevoked(d("2027-11-01"), SAMR), "not-repaired");
            c.removeOnRepair(d("2027-10-20"), d("2027-10-20"), SAMR);
            assertThatThrownBy(() -> c.reinstateAfterRepairRevoked(d("2027-11-01"), "CITY-EEB")).isInstanceOf(NotPermittedException.class);
            ListCase.Entry back = c.reinstateAfterRepairRevoked(d("2027-11-01"), SAMR);
            assertThat(c.status()).isEqualTo(ListCase.Status.LISTED);
            assertThat(back.removedOn()).isNull();

            ListCase late = listed();
            late.removeOnRepair(d("2027-10-20"), d("2027-10-20"), SAMR);
            ListCase.Entry ended = late.reinstateAfterRepairRevoked(d("2029-12-01"), SAMR);
            assertThat(late.status()).as("its 36 months ended on 2029-10-19 meanwhile").isEqualTo(ListCase.Status.REMOVED);
            assertThat(ended.removalReason()).isEqualTo(ListCase.RemovalReason.EXPIRED);
            assertThat(ended.removedOn()).isEqualTo(d("2029-10-20"));
        }

        /** Issue 26, finding 11: the reason must be true. */
        @Test
        void not_as_repaired_without_a_repair_nor_as_basis_revoked_while_the_basis_stands() {
            ListCase c = listed();
            refused(() -> c.remove(d("2027-11-01"), ListCase.RemovalReason.REPAIRED, d("2027-11-01"), SAMR, STANDING), "repair-required");
            refused(() -> c.remove(d("2026-11-01"), ListCase.RemovalReason.BASIS_REVOKED, TODAY, SAMR, STANDING), "basis-stands");
            assertThat(c.status()).isEqualTo(ListCase.Status.LISTED);
        }

        /** Issue 26, finding 2: no basis left in force ends the entry on the day of the revocation. */
        @Test
        void by_itself_when_no_basis_is_left_in_force() {
            ListCase c = listed();
            assertThat(c.endOnFallenBasis(d("2026-11-20"), STANDING)).isEmpty();
            assertThat(c.status()).isEqualTo(ListCase.Status.LISTED);
            ListCase.Entry ended = c.endOnFallenBasis(d("2026-11-20"), FALLEN).orElseThrow();
            assertThat(ended.removedOn()).isEqualTo(d("2026-11-20"));
            assertThat(ended.removalReason()).isEqualTo(ListCase.RemovalReason.BASIS_REVOKED);
            assertThat(c.status()).isEqualTo(ListCase.Status.REMOVED);
        }
    }
}
