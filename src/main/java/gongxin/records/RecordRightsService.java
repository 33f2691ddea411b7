package gongxin.records;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import gongxin.audit.AuditLog;
import gongxin.catalog.Catalog;
import gongxin.catalog.CatalogItem;
import gongxin.catalog.RuleSets;
import gongxin.entries.CreditEntriesChanged;
import gongxin.entries.EntryChange;
import gongxin.entries.EntryKind;
import gongxin.entries.EntryRef;
import gongxin.identity.Departments;
import gongxin.shared.NotFoundException;
import gongxin.shared.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class RecordRightsService implements RecordRights {

    private final RecordRepository repository;
    private final Catalog catalog;
    private final RuleSets ruleSets;
    private final Departments departments;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecordRightsService(RecordRepository repository, Catalog catalog, RuleSets ruleSets, Departments departments,
                        AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.ruleSets = ruleSets;
        this.departments = departments;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public RepairTerms repairTerms(long recordId) {
        CreditRecord record = get(recordId);
        CatalogItem item = catalog.version(record.itemCode(), record.itemVersion())
                .orElseThrow(() -> new IllegalStateException("no catalog version for record " + recordId));
        String sector = gongxin.catalog.MatterSector.sectorOf(ruleSets.matterSectors(), record.itemCode(), record.data(),
                departments.find(record.departmentCode()).map(d -> d.sector()).orElse(null));
        return RepairTerms.of(record, item, ruleSets.all(), sector, LocalDate.now(clock));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void openObjection(long recordId, String applicationNumber, LocalDate since, String actor) {
        CreditRecord record = locked(recordId);
        if (!record.status().inForce()) {
            throw RuleViolationException.of("target.recordId", Long.toString(recordId), "not-in-force",
                    "该记录" + record.status().label() + "，不再公示或使用，无需提出异议");
        }
        if (record.underObjection()) {
            return; // already marked by an earlier filing: the mark stays, and the department takes either
        }
        Instant now = clock.instant();
        repository.objection(recordId, since, applicationNumber, now);
        repository.transition(recordId, now, "OBJECTION_OPENED", record.status(), record.status(), record.version(), actor,
                json(Map.of("application", applicationNumber, "since", since.toString())));
        events.publishEvent(new RecordObjectionChanged(recordId, subjectOf(recordId), since));
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.RECORD, recordId), EntryChange.OBJECTION_OPENED));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void acceptObjection(long recordId, String applicationNumber, LocalDate on, String actor) {
        CreditRecord record = locked(recordId);
        if (!record.status().inForce()) {
            return; // revoked or repaired meanwhile: nothing left to suspend
        }
        Instant now = clock.instant();
        // the accepted objection takes the mark over, whichever filing set it (issue 25: a filing holds nothing)
        repository.objectionAccepted(recordId, applicationNumber, record.objectionSince() == null ? on : record.objectionSince(), on, now);
        repository.transition(recordId, now, "OBJECTION_ACCEPTED", record.status(), record.status(), record.version(), actor,
                json(Map.of("application", applicationNumber, "acceptedOn", on.toString())));
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.RECORD, recordId), EntryChange.OBJECTION_ACCEPTED));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void closeObjection(long recordId, String applicationNumber, String outcome, String actor) {
        CreditRecord record = locked(recordId);
        if (!applicationNumber.equals(record.objectionApplication())) {
            return; // already closed (the record was revoked or repaired meanwhile)
        }
        Instant now = clock.instant();
        repository.objection(recordId, null, null, now);
        repository.transition(recordId, now, "OBJECTION_CLOSED", record.status(), record.status(), record.version(), actor,
                json(Map.of("application", applicationNumber, "outcome", outcome)));
        events.publishEvent(new RecordObjectionChanged(recordId, subjectOf(recordId), null));
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.RECORD, recordId), EntryChange.OBJECTION_CLOSED));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeOnObjection(long recordId, String applicationNumber, LocalDate decidedOn, String reason, String actor) {
        CreditRecord record = locked(recordId);
        RecordStatus to = record.revoke();
        Map<String, String> revocation = new LinkedHashMap<>();
        revocation.put("documentType", "异议核查决定");
        revocation.put("documentNumber", applicationNumber);
        revocation.put("documentDate", decidedOn.toString());
        revocation.put("reason", reason);
        Instant now = clock.instant();
        String details = json(revocation);
        repository.revoke(recordId, now, details);
        repository.transition(recordId, now, "REVOKED", record.status(), to, record.version(), actor, details);
        Map<String, Object> audited = new LinkedHashMap<>(revocation);
        audited.put("itemCode", record.itemCode());
        audited.put("recordKey", record.recordKey());
        audit.recordAs(actor, "RECORD_REVOKED", "credit_record", Long.toString(recordId), audited);
        events.publishEvent(new RecordRevoked(recordId, record.itemCode(), record.departmentCode(), now));
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.RECORD, recordId), EntryChange.RECORD_REVOKED));
        if (record.underObjection()) {
            events.publishEvent(new RecordObjectionChanged(recordId, subjectOf(recordId), null));
            events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.RECORD, recordId), EntryChange.OBJECTION_CLOSED));
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void repair(long recordId, String applicationNumber, LocalDate decidedOn, String actor) {
        CreditRecord record = locked(recordId);
        if (!record.status().inForce() || !record.dishonest()) {
            throw RuleViolationException.of("target.recordId", Long.toString(recordId), "not-repairable",
                    "该记录" + record.status().label() + "，不能修复");
        }
        Map<String, String> repair = new LinkedHashMap<>();
        repair.put("application", applicationNumber);
        repair.put("decidedOn", decidedOn.toString());
        Instant now = clock.instant();
        String details = json(repair);
        repository.repair(recordId, decidedOn, now, details);
        repository.transition(recordId, now, "REPAIRED", record.status(), RecordStatus.REPAIRED, record.version(), actor, details);
        long subject = subjectOf(recordId);
        events.publishEvent(new RecordRepaired(recordId, subject, decidedOn));
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.RECORD, recordId), EntryChange.RECORD_REPAIRED));
        if (record.underObjection()) {
            events.publishEvent(new RecordObjectionChanged(recordId, subject, null));
            events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.RECORD, recordId), EntryChange.OBJECTION_CLOSED));
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeRepair(long recordId, String applicationNumber, LocalDate on, String reason, String actor) {
        CreditRecord record = locked(recordId);
        if (record.status() != RecordStatus.REPAIRED) {
            throw RuleViolationException.of("target.recordId", Long.toString(recordId), "not-repaired",
                    "该记录" + record.status().label() + "，没有可撤销的信用修复");
        }
        // as it stood before the repair, unless its window has passed since
        RecordStatus before = repository.statusBeforeRepair(recordId).orElse(RecordStatus.PUBLISHED);
        RecordStatus to = before.inForce() && record.windowEnd() != null && record.windowEnd().isBefore(on)
                ? RecordStatus.PUBLICITY_ENDED : before;
        Map<String, String> revocation = new LinkedHashMap<>();
        revocation.put("application", applicationNumber);
        revocation.put("revokedOn", on.toString());
        revocation.put("reason", reason);
        Instant now = clock.instant();
        String details = json(revocation);
        repository.unrepair(recordId, to, now);
        repository.transition(recordId, now, "REPAIR_REVOKED", RecordStatus.REPAIRED, to, record.version(), actor, details);
        Map<String, Object> audited = new LinkedHashMap<>(revocation);
        audited.put("to", to.name());
        audit.recordAs(actor, "RECORD_REPAIR_REVOKED", "credit_record", Long.toString(recordId), audited);
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.RECORD, recordId), EntryChange.REPAIR_REVOKED));
    }

    private CreditRecord get(long id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("信用记录 " + id + " 不存在"));
    }

    private CreditRecord locked(long id) {
        return repository.findForUpdate(id).orElseThrow(() -> new NotFoundException("信用记录 " + id + " 不存在"));
    }

    private long subjectOf(long recordId) {
        return repository.summary(recordId).map(Records.RecordSummary::subjectId).orElse(0L);
    }

    private static String json(Map<String, String> map) {
        return CanonicalJson.json(map);
    }
}
