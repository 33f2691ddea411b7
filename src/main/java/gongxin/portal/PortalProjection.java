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

import gongxin.entries.CreditEntries;
import gongxin.entries.CreditEntriesChanged;
import gongxin.entries.CreditEntry;
import gongxin.entries.EntryDetail;
import gongxin.entries.EntryField;
import gongxin.entries.EntryRef;
import gongxin.entries.EntrySubject;
import gongxin.identity.Departments;
import gongxin.shared.SubjectCategory;
import gongxin.shared.Text;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the website's read model: every credit entry of public information becomes an entry of its subject, whatever
 * produced it. Runs after the producer's transaction commits, through Spring Modulith's event publication registry (an
 * event whose projection fails stays incomplete and is published again at restart: every write is an upsert, so a
 * chunk written twice is written once).
 */
@Component
class PortalProjection {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PortalProjection.class);

    private static final int CHUNK = 1000;
    private final CreditEntries entries;
    private final Departments departments;
    private final PortalRepository repository;
    private final PlatformKeys keys;
    private final PortalProperties properties;
    private final Masking masking;
    private final JsonMapper json = JsonMapper.builder().build();
    private final TransactionTemplate chunkTransaction;
    private final ExecutorService writers;
    private final int writerCount;
    private static final AtomicInteger WRITER_THREADS = new AtomicInteger();

    PortalProjection(CreditEntries entries, Departments departments, PortalRepository repository, PlatformKeys keys,
                     PortalProperties properties, Masking masking, PlatformTransactionManager transactions) {
        this.chunkTransaction = new TransactionTemplate(transactions);
        this.chunkTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.writerCount = Math.max(1, properties.projectionWriters());
        this.writers = Executors.newFixedThreadPool(writerCount, runnable -> {
            Thread thread = new Thread(runnable, "portal-writer-" + WRITER_THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.entries = entries;
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
     * The entries an event names are read in one transaction. A producer's batch is written in chunks of 1,000, each in
     * a transaction of its own, by {@code gongxin.portal.projection-writers} threads at once: the writing is
     * PostgreSQL's work, and one session uses one core. A subject shows as soon as the chunk that names it commits;
     * what a batch changed is all on the site once this returns. A few entries (a revocation, a listing, a repair) are
     * written in this transaction.
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CreditEntriesChanged event) {
        if (event.batch() == null) {
            Projector projector = new Projector(Runnable::run);
            entries.changed(event, EntryDetail.FULL, projector);
            projector.flush();
            return;
        }
        long start = System.nanoTime();
        ChunkWriters writes = new ChunkWriters(writers, writerCount,
                chunk -> chunkTransaction.executeWithoutResult(status -> chunk.run()));
        Projector projector = new Projector(writes);
        try {
            entries.changed(event, EntryDetail.FULL, projector);
            projector.flush();
        } catch (RuntimeException e) {
            writes.awaitQuietly();
            throw e;
        }
        writes.await();
        if (projector.seen >= 10_000) {
            log.info("Projected batch {}: {} entries in {} ms by {} writers (their time: subjects {} ms, entries {} ms)",
                    event.batch(), projector.seen, (System.nanoTime() - start) / 1_000_000, writerCount,
                    projector.counts.subjectNanos.sum() / 1_000_000, projector.counts.entryNanos.sum() / 1_000_000);
        }
    }

    /**
     * Projects every entry again, in one transaction: the website keeps showing the old read model until the new one
     * commits. Needed when what the projection derives from configuration changes (the section of an item, masking
     * rules, department names). Entries that are no longer public go, and subjects left without entries or reports
     * with them.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Rebuilt rebuild() {
        Projector projector = new Projector(Runnable::run);
        entries.each(EntryDetail.FULL, projector);
        projector.flush();
        long subjectsRemoved = repository.removeSubjectsWithoutEntries();
        return new Rebuilt(projector.seen, projector.counts.projected.sum(), projector.counts.removed.sum(), subjectsRemoved);
    }

    /** What a rebuild did: entries read, entries written, entries removed, subjects removed. */
    record Rebuilt(long records, long entries, long entriesRemoved, long subjectsRemoved) {
    }

    /** What the writers did, added up across their threads. */
    private static final class Counts {
        final LongAdder subjectNanos = new LongAdder();
        final LongAdder entryNanos = new LongAdder();
        final LongAdder projected = new LongAdder();
        final LongAdder removed = new LongAdder();
    }

    /** Turns credit entries into subject and entry rows and hands them in chunks to {@code writes}. */
    private final class Projector implements Consumer<CreditEntry> {
        private final Map<String, String> departmentNames = new HashMap<>();
        private final Consumer<Runnable> writes;
        private final Counts counts = new Counts();
        private List<PortalRepository.SubjectRow> subjects = new ArrayList<>();
        private List<PortalRepository.EntryRow> rows = new ArrayList<>();
        private List<EntryRef> notPublic = new ArrayList<>();
        private long seen;

        Projector(Consumer<Runnable> writes) {
            this.writes = writes;
            departmentNames.putAll(departments.names());
        }

        @Override
        public void accept(CreditEntry entry) {
            seen++;
            if (!entry.disclosed()) {
                notPublic.add(entry.ref());
                if (notPublic.size() >= CHUNK) {
                    flush();
                }
                return;
            }
            PortalRepository.SubjectRow subject = subject(entry);
            subjects.add(subject);
            rows.add(entry(entry, subject.key(), departmentNames));
            if (rows.size() >= CHUNK) {
                flush();
            }
        }

        void flush() {
            if (rows.isEmpty() && notPublic.isEmpty()) {
                return;
            }
            List<PortalRepository.SubjectRow> chunkSubjects = subjects;
            List<PortalRepository.EntryRow> chunkEntries = rows;
            List<EntryRef> chunkNotPublic = notPublic;
            subjects = new ArrayList<>();
            rows = new ArrayList<>();
            notPublic = new ArrayList<>();
            writes.accept(() -> write(counts, chunkSubjects, chunkEntries, chunkNotPublic));
        }
    }

    private void write(Counts counts, List<PortalRepository.SubjectRow> subjects, List<PortalRepository.EntryRow> entries,
                       List<EntryRef> notPublic) {
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

    /** The site's section of an entry: a catalog item's as the city configured it, the others by their category. */
    private Section section(CreditEntry e) {
        return switch (e.category()) {
            case CATALOG_ITEM -> properties.section(e.code());
            case DISHONESTY_LIST -> Section.SERIOUS_DISHONESTY;
            case RED_LIST -> Section.RED_LIST;
            case COMMITMENT -> Section.COMMITMENT;
        };
    }

    private PortalRepository.SubjectRow subject(CreditEntry e) {
        EntrySubject s = e.subject();
        String key;
        String publicId;
        String idDigest = null;
        String idMasked = null;
        if (s.creditCode() != null && s.category() != SubjectCategory.NATURAL_PERSON) {
            key = "C:" + s.creditCode();
            publicId = s.creditCode();
        } else if (s.idNumber() != null) {
            idDigest = keys.digest(Text.normalizeIdentifier(s.idNumber()));
            key = "P:" + idDigest;
            publicId = "P" + idDigest.substring(0, 20);
            idMasked = masking.apply(FieldKind.ID_NUMBER, s.category(), s.idNumber());
        } else {
            String digest = keys.digest(s.category().name() + ":" + s.name());
            key = "N:" + digest;
            publicId = "N" + digest.substring(0, 20);
        }
        return new PortalRepository.SubjectRow(key, publicId, s.category().name(), s.name(), e.date(),
                s.category() == SubjectCategory.NATURAL_PERSON ? null : s.creditCode(), idDigest, idMasked, s.formerNames());
    }

    private PortalRepository.EntryRow entry(CreditEntry e, String subjectKey, Map<String, String> departmentNames) {
        List<Map<String, String>> fields = new ArrayList<>();
        for (EntryField field : e.fields()) {
            Map<String, String> f = new LinkedHashMap<>();
            FieldKind kind = FieldKind.of(field);
            f.put("n", field.name());
            // an ID number never enters the read model in clear: masked here, as every page would show it
            f.put("v", kind == FieldKind.ID_NUMBER ? masking.apply(kind, e.subject().category(), field.value()) : field.value());
            f.put("k", kind.name());
            fields.add(f);
        }
        String departmentName = Optional.ofNullable(departmentNames.get(e.department())).orElse(e.department());
        return new PortalRepository.EntryRow(e.kind().name(), e.id(), subjectKey, section(e).name(), e.code(), e.title(),
                e.department(), departmentName, e.documentNumber(), e.date(), e.status().name(), e.notPublishedReason(),
                e.windowEnd(), e.severity(), e.dishonesty(), e.exemption(), e.minor(), json.writeValueAsString(fields),
                e.underObjection(), e.repaired(), e.repairable(), e.objectable());
    }
}
