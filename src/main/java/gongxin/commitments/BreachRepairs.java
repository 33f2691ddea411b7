package gongxin.commitments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import gongxin.audit.AuditLog;
import gongxin.entries.CreditEntriesChanged;
import gongxin.entries.EntryChange;
import gongxin.entries.EntryKind;
import gongxin.entries.EntryRef;
import gongxin.entries.RepairTerms;
import gongxin.identity.Caller;
import gongxin.shared.NotFoundException;
import gongxin.shared.NotPermittedException;
import gongxin.shared.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Credit repair of breaches: its terms, and its effect once the determining department grants it. */
@Component
class BreachRepairs {

    private final CommitmentRepository repository;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BreachRepairs(CommitmentRepository repository, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Credit repair of a breach was granted (the rights procedure, through the credit-entry contract). */
    @Transactional
    void repairBreach(long breachId, Caller caller, String applicationNumber, LocalDate on) {
        Breach b = repository.lockBreach(breachId).orElseThrow(() -> new NotFoundException("没有该失信承诺记录"));
        if (!caller.mayActFor(b.department())) {
            throw NotPermittedException.of("department", caller.departmentCode(), "not-determining-department",
                    "只有认定部门可以修复该失信承诺记录（谁认定、谁负责）");
        }
        if (b.repaired()) {
            throw RuleViolationException.of("status", "REPAIRED", "not-repairable", "该失信承诺记录已于 " + b.repairedOn() + " 完成信用修复");
        }
        repository.repair(breachId, on, applicationNumber, clock.instant());
        audit.recordAs(caller.name(), "COMMITMENT_BREACH_REPAIRED", "commitment_breach", Long.toString(breachId),
                Map.of("application", applicationNumber, "on", on.toString()));
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.COMMITMENT_BREACH, breachId), EntryChange.BREACH_REPAIRED));
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.COMMITMENT, b.commitmentId()), EntryChange.BREACH_REPAIRED));
    }

    /** A repair granted on false material was revoked: the breach is published and counts again until its window ends. */
    @Transactional
    void revokeRepair(long breachId, Caller caller, String applicationNumber, LocalDate on, String reason) {
        Breach b = repository.lockBreach(breachId).orElseThrow(() -> new NotFoundException("没有该失信承诺记录"));
        if (!caller.mayActFor(b.department())) {
            throw NotPermittedException.of("department", caller.departmentCode(), "not-determining-department",
                    "只有认定部门可以撤销该失信承诺记录的信用修复（谁认定、谁负责）");
        }
        if (!b.repaired()) {
            throw RuleViolationException.of("status", "PUBLISHED", "not-repaired", "该失信承诺记录没有可撤销的信用修复");
        }
        repository.unrepair(breachId, clock.instant());
        audit.recordAs(caller.name(), "COMMITMENT_BREACH_REPAIR_REVOKED", "commitment_breach", Long.toString(breachId),
                Map.of("application", applicationNumber, "on", on.toString(), "repairedOn", b.repairedOn().toString(), "reason", reason));
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.COMMITMENT_BREACH, breachId), EntryChange.REPAIR_REVOKED));
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.COMMITMENT, b.commitmentId()), EntryChange.REPAIR_REVOKED));
    }

    /**
     * Whether and from when a breach may be repaired: not once repaired or past its window; from the day after the
     * minimum of the rule set it was published under (NDRC Order 36, art. 24–26, as for penalties).
     */
    RepairTerms repairTerms(long breachId) {
        Breach b = repository.breach(breachId).orElseThrow(() -> new NotFoundException("没有该失信承诺记录"));
        LocalDate today = LocalDate.now(clock);
        if (b.repaired()) {
            return RepairTerms.notRepairable("该失信承诺记录已于 " + b.repairedOn() + " 完成信用修复");
        }
        if (b.windowEnd() != null && b.windowEnd().isBefore(today)) {
            return RepairTerms.notRepairable("该失信承诺记录公示期已满，已停止公示，无需信用修复");
        }
        int months = b.minMonths() == null ? 0 : b.minMonths();
        LocalDate earliest = months == 0 ? b.decidedOn() : b.decidedOn().plusMonths(months).plusDays(1);
        return new RepairTerms(true, null, null, earliest, b.minMonths(), b.ruleSet(),
                "最短公示期（" + months + " 个月，" + b.ruleSet() + "）届满");
    }

}
