package gongxin.portal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;

import gongxin.catalog.Catalog;
import gongxin.catalog.CatalogItem;
import gongxin.catalog.Disclosure;
import gongxin.catalog.ItemField;
import gongxin.identity.Departments;
import gongxin.lists.ListEntries;
import gongxin.lists.ListEntryChanged;
import gongxin.records.CreditRecord;
import gongxin.records.RecordPublicityEnded;
import gongxin.records.RecordRevoked;
import gongxin.records.RecordWindowChanged;
import gongxin.records.Records;
import gongxin.records.RecordsIngested;
import gongxin.shared.SubjectCategory;
import gongxin.shared.Text;
import gongxin.subjects.SubjectCard;
import gongxin.subjects.Subjects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the website's read model: every stored record of a public catalog item becomes an entry of its subject. Runs
 * after the records' transaction commits, through Spring Modulith's event publication registry (an event whose
 * projection fails stays incomplete and is published again at restart: every write is an upsert, so a chunk written
 * twice is written once).
 */
@Component
class PortalProjection {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PortalProjection.class);

    private static final int CHUNK = 1000;
    private final Records records;
    private final Catalog catalog;
    private final Departments departments;
    private final PortalRepository repository;
    private final PlatformKeys keys;
    private final PortalProperties properties;
    private final Masking masking;
    private final ListEntries listEntries;
    private final Subjects subjects;
    private final JsonMapper json = JsonMapper.builder().build();
    private final TransactionTemplate chunkTransaction;
    private final ExecutorService writers;
    private final int writerCount;
    private static final AtomicInteger WRITER_THREADS = new AtomicInteger();

    PortalProjection(Records records, Catalog catalog, Departments departments, PortalRepository repository,
                     PlatformKeys keys, PortalProperties properties, Masking masking, ListEntries listEntries,
                     Subjects subjects, PlatformTransactionManager transactions) {
        this.chunkTransaction = new TransactionTemplate(transactions);
        this.chunkTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.writerCount = Math.max(1, properties.projectionWriters());
        this.writers = Executors.newFixedThreadPool(writerCount, runnable -> {
            Thread thread = new Thread(runnable, "portal-writer-" + WRITER_THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.listEntries = listEntries;
        this.subjects = subjects;
        this.records = records;
        this.catalog = catalog;
        this.departments = departments;
        this.repository = repository;
        this.keys = keys;
        this.properties = properties;
        this.masking = masking;
    }

    @PreDestroy
    void stop() {
        writers.shutdownNow();
    }

    /**
     * A batch's records are read in one transaction and written in chunks of 1,000, each in a transaction of its own,
     * by {@code gongxin.portal.projection-writers} threads at once: the writing is PostgreSQL's work, and one session
     * uses one core. A subject shows as soon as the chunk that names it commits; what a batch changed is all on the site
     * once this returns.
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public void on(RecordsIngested event) {
        long start = System.nanoTime();
        ChunkWriters writes = new ChunkWriters(writers, writerCount,
                chunk -> chunkTransaction.executeWithoutResult(status -> chunk.run()));
        Projector projector = new Projector(writes);
        try {
            records.changesOf(event.batchId(), projector);
            projector.flush();
        } catch (RuntimeException e) {
            writes.awaitQuietly();
            throw e;
        }
        writes.await();
        if (projector.seen >= 10_000) {
            log.info("Projected batch {}: {} records in {} ms by {} writers (their time: subjects {} ms, entries {} ms)",
                    event.batchId(), projector.seen, (System.nanoTime() - start) / 1_000_000, writerCount,
                    projector.counts.subjectNanos.sum() / 1_000_000, projector.counts.entryNanos.sum() / 1_000_000);
        }
    }

    /**
     * Projects every record again, in one transaction: the website keeps showing the old read model until the new one
     * commits. Needed when what the projection derives from configuration changes (the section of an item, masking
     * rules, department names). Entries of records that are no longer public go, and subjects left without entries
     * or reports with them.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Rebuilt rebuild() {
        Projector projector = new Projector(Runnable::run);
        records.each(projector);
        projector.flush();
        listEntries.allIds().forEach(this::project);
        long subjectsRemoved = repository.removeSubjectsWithoutEntries();
        return new Rebuilt(projector.seen, projector.counts.projected.sum(), projector.counts.removed.sum(), subjectsRemoved);
    }

    /** What a rebuild did: records read, entries written, entries removed, subjects removed. */
    record Rebuilt(long records, long entries, long entriesRemoved, long subjectsRemoved) {
    }

    /** What the writers did, added up across their threads. */
    private static final class Counts {
        final LongAdder subjectNanos = new LongAdder();
        final LongAdder entryNanos = new LongAdder();
        final LongAdder projected = new LongAdder();
        final LongAdder removed = new LongAdder();
    }

    /** Turns records into subject and entry rows and hands them in chunks to {@code writes}. */
    private final class Projector implements Consumer<CreditRecord> {
        private final Map<String, Map<Integer, CatalogItem>> versions = new HashMap<>();
        private final Map<String, String> departmentNames = new HashMap<>();
        private final Consumer<Runnable> writes;
        private final Counts counts = new Counts();
        private List<PortalRepository.SubjectRow> subjects = new ArrayList<>();
        private List<PortalRepository.EntryRow> entries = new ArrayList<>();
        private List<Long> notPublic = new ArrayList<>();
        private long seen;

        Projector(Consumer<Runnable> writes) {
            this.writes = writes;
            departmentNames.putAll(departments.names());
        }

        @Override
        public void accept(CreditRecord record) {
            seen++;
            CatalogItem item = versions.computeIfAbsent(record.itemCode(), code -> {
                Map<Integer, CatalogItem> byVersion = new HashMap<>();
                catalog.history(code).forEach(v -> byVersion.put(v.version(), v));
                return byVersion;
            }).get(record.itemVersion());
            if (item == null || item.disclosure() != Disclosure.PUBLIC) {
                notPublic.add(record.id());
                if (notPublic.size() >= CHUNK) {
                    flush();
                }
                return;
            }
            PortalRepository.SubjectRow subject = subject(record, item);
            subjects.add(subject);
            entries.add(entry(record, item, subject.key(), departmentNames));
            if (entries.size() >= CHUNK) {
                flush();
            }
        }

        void flush() {
            if (entries.isEmpty() && notPublic.isEmpty()) {
                return;
            }
            List<PortalRepository.SubjectRow> chunkSubjects = subjects;
            List<PortalRepository.EntryRow> chunkEntries = entries;
            List<Long> chunkNotPublic = notPublic;
            subjects = new ArrayList<>();
            entries = new ArrayList<>();
            notPublic = new ArrayList<>();
            writes.accept(() -> write(counts, chunkSubjects, chunkEntries, chunkNotPublic));
        }
    }

    private void write(Counts counts, List<PortalRepository.SubjectRow> subjects, List<PortalRepository.EntryRow> entries,
                       List<Long> notPublic) {
        if (!entries.isEmpty()) {
            long t0 = System.nanoTime();
            repository.upsertSubjects(subjects);
            long t1 = System.nanoTime();
            repository.upsertEntries(entries);
            counts.subjectNanos.add(t1 - t0);
            counts.entryNanos.add(System.nanoTime() - t1);
            counts.projected.add(entries.size());
        }
        if (!notPublic.isEmpty()) {
            counts.removed.add(repository.removeEntries(notPublic));
        }
    }

    /**
     * A subject put on a list or taken off it shows so at once: its entry in the list's section (严重失信主体名单 or
     * 守信激励), the subject created on the site if none of its records is public.
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(ListEntryChanged event) {
        project(event.entryId());
    }

    private void project(long listEntryId) {
        ListEntries.Entry e = listEntries.find(listEntryId).orElseThrow();
        SubjectCard s = subjects.card(e.subjectId()).orElseThrow();
        String key;
        String publicId;
        String idMasked = null;
        if (s.category() == SubjectCategory.NATURAL_PERSON) {
            key = "P:" + s.idDigest();
            publicId = "P" + s.idDigest().substring(0, 20);
            idMasked = masking.apply(FieldKind.ID_NUMBER, s.category(), s.idNumber());
        } else {
            key = "C:" + s.creditCode();
            publicId = s.creditCode();
        }
        PortalRepository.SubjectRow subject = new PortalRepository.SubjectRow(key, publicId, s.category().name(), s.name(),
                e.listedOn(), s.category() == SubjectCategory.NATURAL_PERSON ? null : s.creditCode(),
                s.category() == SubjectCategory.NATURAL_PERSON ? s.idDigest() : null, idMasked, List.of());
        boolean dishonesty = "DISHONESTY".equals(e.kind());
        List<Map<String, String>> fields = new ArrayList<>();
        field(fields, dishonesty ? "列入事由" : "列入依据", e.reason());
        field(fields, "设立依据", e.basis());
        field(fields, dishonesty ? "惩戒措施" : "激励措施", String.join("；", e.measures()));
        field(fields, "列入日期", e.listedOn().toString());
        field(fields, "有效期至", e.endsOn().toString());
        if (e.removedOn() != null) {
            field(fields, "移出日期", e.removedOn().toString());
        }
        String departmentName = departments.nameOf(e.department());
        boolean shown = e.removedOn() == null && e.flaggedReason() == null;
        repository.upsertListEntry(subject, new PortalRepository.ListEntryRow(e.id(), key,
                (dishonesty ? Section.SERIOUS_DISHONESTY : Section.RED_LIST).name(), e.listType(), e.listName(), e.department(),
                departmentName, e.documentNumber(), e.listedOn(), shown ? "PUBLISHED" : "REMOVED", e.endsOn(),
                json.writeValueAsString(fields)));
    }

    private static void field(List<Map<String, String>> fields, String name, String value) {
        if (!Text.isBlank(value)) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("n", name);
            f.put("v", value);
            f.put("k", FieldKind.TEXT.name());
            fields.add(f);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RecordRevoked event) {
        repository.revoked(event.recordId(), event.revokedAt());
    }

    /** A more favourable rule set shortened the record's window or stopped its publication by default. */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RecordWindowChanged event) {
        repository.windowChanged(event.recordId(), event.windowEnd(), event.status().name(),
                event.notPublishedReason() == null ? null : event.notPublishedReason().name());
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(gongxin.records.RecordRepaired event) {
        repository.repaired(event.recordId());
    }

    /** An objection is being handled: the entry is shown with a mark until it is decided (NDRC Order 36). */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(gongxin.records.RecordObjectionChanged event) {
        repository.underObjection(event.recordId(), event.since() != null);
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RecordPublicityEnded event) {
        repository.publicityEnded(event.recordId());
    }

    private PortalRepository.SubjectRow subject(CreditRecord r, CatalogItem item) {
        String key;
        String publicId;
        String idDigest = null;
        String idMasked = null;
        if (r.subjectCreditCode() != null && r.subjectCategory() != SubjectCategory.NATURAL_PERSON) {
            key = "C:" + r.subjectCreditCode();
            publicId = r.subjectCreditCode();
        } else if (r.subjectIdNumber() != null) {
            idDigest = keys.digest(Text.normalizeIdentifier(r.subjectIdNumber()));
            key = "P:" + idDigest;
            publicId = "P" + idDigest.substring(0, 20);
            idMasked = masking.apply(FieldKind.ID_NUMBER, r.subjectCategory(), r.subjectIdNumber());
        } else {
            String digest = keys.digest(r.subjectCategory().name() + ":" + r.subjectName());
            key = "N:" + digest;
            publicId = "N" + digest.substring(0, 20);
        }
        List<String> formerNames = new ArrayList<>();
        for (ItemField field : item.fields()) {
            if (field.name() != null && field.name().contains("曾用名")) {
                String value = r.data().get(field.code());
                if (!Text.isBlank(value)) {
                    for (String name : value.split("[;；,，、/]")) {
                        if (!Text.isBlank(name)) {
                            formerNames.add(Text.normalizeName(name));
                        }
                    }
                }
            }
        }
        return new PortalRepository.SubjectRow(key, publicId, r.subjectCategory().name(), r.subjectName(),
                r.decisionDate(), r.subjectCategory() == SubjectCategory.NATURAL_PERSON ? null : r.subjectCreditCode(),
                idDigest, idMasked, formerNames);
    }

    private PortalRepository.EntryRow entry(CreditRecord r, CatalogItem item, String subjectKey, Map<String, String> departmentNames) {
        List<Map<String, String>> fields = new ArrayList<>();
        for (ItemField field : item.fields()) {
            String value = r.data().get(field.code());
            if (!Text.isBlank(value)) {
                Map<String, String> f = new LinkedHashMap<>();
                FieldKind kind = FieldKind.of(field);
                f.put("n", field.name());
                // an ID number never enters the read model in clear: masked here, as every page would show it
                f.put("v", kind == FieldKind.ID_NUMBER ? masking.apply(kind, r.subjectCategory(), value) : value);
                f.put("k", kind.name());
                fields.add(f);
            }
        }
        String departmentName = Optional.ofNullable(departmentNames.get(r.departmentCode())).orElse(r.departmentCode());
        return new PortalRepository.EntryRow(r.id(), subjectKey, properties.section(item.code()).name(), item.code(),
                item.name(), r.departmentCode(), departmentName, r.decisionNumber(), r.decisionDate(), r.status().name(),
                r.notPublishedReason() == null ? null : r.notPublishedReason().name(), r.windowEnd(), r.severity(),
                r.dishonest(), r.exclusion(), r.minor(), json.writeValueAsString(fields), r.underObjection(),
                r.status() == gongxin.records.RecordStatus.REPAIRED);
    }
}
