package gongxin.records;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import gongxin.audit.AuditLog;
import gongxin.entries.CreditEntriesChanged;
import gongxin.entries.EntryChange;
import gongxin.entries.EntryKind;
import gongxin.entries.EntryRef;
import gongxin.identity.Caller;
import gongxin.shared.DateText;
import gongxin.shared.NotFoundException;
import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class RecordService implements Records {

    private final RecordRepository repository;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecordService(RecordRepository repository, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Optional<CreditRecord> find(long id) {
        return repository.find(id);
    }

    @Override
    public Optional<RecordSummary> summary(long id) {
        return repository.summary(id);
    }

    @Override
    public boolean dishonestyBetween(long subjectId, LocalDate from, LocalDate to) {
        return repository.dishonestyBetween(subjectId, from, to);
    }

    @Override
    public void dishonestyOf(UUID batchId, Consumer<DishonestyRecord> consumer) {
        repository.dishonesty(batchId, consumer);
    }

    @Override
    public void eachDishonesty(Consumer<DishonestyRecord> consumer) {
        repository.dishonesty(null, consumer);
    }

    @Override
    public List<Long> subjectsWithNewDishonesty(UUID batchId, java.time.LocalDate decidedSince) {
        return repository.subjectsWithNewDishonesty(batchId, decidedSince);
    }

    @Override
    public Optional<CreditRecord> findByKey(String itemCode, String departmentCode, String recordKey) {
        return repository.findByKey(itemCode, departmentCode, recordKey);
    }

    @Override
    public RecordPage search(RecordQuery query) {
        return repository.search(query);
    }

    @Override
    public List<RecordVersion> versions(long id) {
        return repository.versions(id);
    }

    @Override
    public List<Transition> transitions(long id) {
        return repository.transitions(id);
    }

    @Override
    @Transactional(readOnly = true)
    public void changesOf(UUID batchId, Consumer<CreditRecord> consumer) {
        repository.changesOf(batchId, consumer);
    }

    @Override
    @Transactional(readOnly = true)
    public void each(Consumer<CreditRecord> consumer) {
        repository.each(consumer);
    }

    @Override
    public List<TimelinessRow> timeliness(LocalDate from, LocalDate to, List<String> departments) {
        return repository.timeliness(from, to, departments);
    }

    CreditRecord get(long id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("信用记录 " + id + " 不存在"));
    }

    /** Whether the current caller may change records of {@code department} (谁认定、谁负责). */
    static void checkMayActFor(String department) {
        if (!Caller.current().mayActFor(department)) {
            throw new AccessDeniedException("only the deciding department changes its records");
        }
    }

    /**
     * The record's basis document was revoked or annulled: the record is revoked at once and leaves every public and
     * screening view; its data and history stay (国办发〔2020〕49号: the record follows its basis).
     */
    @Transactional
    CreditRecord revoke(long id, RevocationRequest request) {
        CreditRecord record = repository.findForUpdate(id).orElseThrow(() -> new NotFoundException("信用记录 " + id + " 不存在"));
        checkMayActFor(record.departmentCode());
        Map<String, String> revocation = request.check(record.decisionDate(), LocalDate.now(clock));
        RecordStatus to = record.revoke();
        Instant now = clock.instant();
        String json = CanonicalJson.json(revocation);
        repository.revoke(id, now, json);
        repository.transition(id, now, "REVOKED", record.status(), to, record.version(), Caller.current().name(), json);
        Map<String, Object> details = new LinkedHashMap<>(revocation);
        details.put("itemCode", record.itemCode());
        details.put("recordKey", record.recordKey());
        audit.record("RECORD_REVOKED", "credit_record", Long.toString(id), details);
        events.publishEvent(new RecordRevoked(id, record.itemCode(), record.departmentCode(), now));
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.RECORD, id), EntryChange.RECORD_REVOKED));
        return get(id);
    }

    /** Ends the publicity of at most {@code limit} records whose window has passed; returns how many. */
    @Transactional
    int endPublicity(LocalDate today, int limit) {
        // one statement for the chunk: reading each record whole (its identifiers decrypted) to end it cost 7 ms a
        // record at 1M/5M
        List<RecordRepository.EndedWindow> ended = repository.endWindows(today, limit, clock.instant());
        for (RecordRepository.EndedWindow e : ended) {
            events.publishEvent(new RecordPublicityEnded(e.id(), e.itemCode(), e.windowEnd()));
        }
        // one change for the chunk: each consumer (website, check index, grade queue, exchange) reads the chunk's
        // entries once, where an event per record cost them a transaction and a publication each (7,100 records at
        // 1M/5M: 150 s at start-up)
        if (!ended.isEmpty()) {
            events.publishEvent(CreditEntriesChanged.of(EntryKind.RECORD,
                    ended.stream().map(RecordRepository.EndedWindow::id).toList(), EntryChange.RECORD_ENDED));
        }
        return ended.size();
    }

    /**
     * What a department states when a record's basis is revoked.
     *
     * @param documentType e.g. 撤销行政处罚决定书, 行政复议决定书, 判决书
     * @param documentNumber its number
     * @param documentDate when it was decided
     * @param reason optional explanation
     */
    record RevocationRequest(String documentType, String documentNumber, String documentDate, String reason) {

        Map<String, String> check(LocalDate decisionDate, LocalDate today) {
            List<RuleViolation> v = new ArrayList<>();
            if (Text.isBlank(documentType)) {
                v.add(RuleViolation.of("documentType", documentType, "required", "请填写撤销依据的文书类型"));
            }
            if (Text.isBlank(documentNumber)) {
                v.add(RuleViolation.of("documentNumber", documentNumber, "required", "请填写撤销依据的文书号"));
            }
            Optional<LocalDate> date = DateText.parse(documentDate);
            if (date.isEmpty()) {
                v.add(RuleViolation.of("documentDate", documentDate, Text.isBlank(documentDate) ? "required" : "date",
                        "请填写撤销依据文书的有效日期"));
            } else if (date.get().isAfter(today)) {
                v.add(RuleViolation.of("documentDate", documentDate, "not-future", "撤销依据文书的日期不能晚于今天"));
            } else if (date.get().isBefore(decisionDate)) {
                v.add(RuleViolation.of("documentDate", documentDate, "not-before-decision", "撤销依据文书的日期不能早于原决定日期"));
            }
            if (!v.isEmpty()) {
                throw new RuleViolationException("撤销申请不符合规则", v);
            }
            Map<String, String> map = new LinkedHashMap<>();
            map.put("documentType", Text.clean(documentType));
            map.put("documentNumber", Text.clean(documentNumber));
            map.put("documentDate", date.get().toString());
            if (!Text.isBlank(reason)) {
                map.put("reason", Text.clean(reason));
            }
            return map;
        }
    }
}
