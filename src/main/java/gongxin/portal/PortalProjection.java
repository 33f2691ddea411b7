package gongxin.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import gongxin.entries.EntrySubject;
import gongxin.shared.SubjectCategory;
import gongxin.shared.Text;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the website's subjects: every subject of an entry of public information becomes a subject of the website,
 * searchable by its names, whatever produced the entry. The entries themselves are not copied: pages read them from
 * their producers ({@link PublicEntries}, ADR 0033). Runs after the producer's transaction commits, through Spring
 * Modulith's event publication registry (an event whose projection fails stays incomplete and is published again at
 * restart: every write is an upsert, so a chunk written twice is written once).
 */
@Component
class PortalProjection {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PortalProjection.class);

    private static final int CHUNK = 1000;
    private final CreditEntries entries;
    private final PortalRepository repository;
    private final PortalGeneration generation;
    private final PlatformKeys keys;
    private final Masking masking;
    private final TransactionTemplate chunkTransaction;
    private final ExecutorService writers;
    private final int writerCount;
    private static final AtomicInteger WRITER_THREADS = new AtomicInteger();

    PortalProjection(CreditEntries entries, PortalRepository repository, PortalGeneration generation, PlatformKeys keys,
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
        this.repository = repository;
        this.generation = generation;
        this.keys = keys;
        this.masking = masking;
    }

    @PreDestroy
    void stop() {
        writers.shutdownNow();
    }

    /**
     * The subjects of the entries an event names, read in one transaction. A producer's batch is written in chunks of
     * 1,000 subjects, each in a transaction of its own, by {@code gongxin.portal.projection-writers} threads at once. A
     * subject is found as soon as the chunk that names it commits; its entries show on its page as soon as their
     * producer committed them. Every event moves the read model's generation, so that no cached search page counts
     * entries as they were before it.
     */
    @org.springframework.core.annotation.Order(CreditEntriesChanged.Consumers.WEBSITE)
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CreditEntriesChanged event) {
        generation.changed();
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
            log.info("Projected batch {}: {} entries, {} subjects written in {} ms by {} writers (their time {} ms)",
                    event.batch(), projector.seen, projector.counts.subjects.sum(), (System.nanoTime() - start) / 1_000_000,
                    writerCount, projector.counts.nanos.sum() / 1_000_000);
        }
    }

    /**
     * Projects every subject again, in one transaction: the website keeps showing the old read model until the new one
     * commits. Needed when what the projection derives from configuration changes (masking rules). Subjects that no
     * longer have an entry of public information go, unless an issued report names them.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Rebuilt rebuild() {
        String seen = repository.seenKeys();
        Projector projector = new Projector(Runnable::run);
        projector.seenTable = seen;
        entries.each(EntryDetail.FULL, projector);
        projector.flush();
        long subjectsRemoved = repository.removeSubjectsNotSeen(seen);
        return new Rebuilt(projector.seen, projector.disclosed, 0, subjectsRemoved, projector.counts.subjects.sum());
    }

    /**
     * What a rebuild did (docs/api.md; the fields of v1 kept): entries read ({@code records}), entries of public
     * information among them ({@code entries}, shown from their producers), none removed (the website keeps no copy of
     * entries since ADR 0033), subjects removed, subject rows written (a subject met in several chunks once per chunk).
     */
    record Rebuilt(long records, long entries, long entriesRemoved, long subjectsRemoved, long subjects) {
    }

    /** What the writers did, added up across their threads. */
    private static final class Counts {
        final LongAdder nanos = new LongAdder();
        final LongAdder subjects = new LongAdder();
    }

    /** Turns the credit entries of public information into subject rows and hands them in chunks to {@code writes}. */
    private final class Projector implements Consumer<CreditEntry> {
        private final Consumer<Runnable> writes;
        private final Counts counts = new Counts();
        private Map<String, PortalRepository.SubjectRow> subjects = new LinkedHashMap<>();
        private String seenTable;
        private long seen;
        private long disclosed;

        Projector(Consumer<Runnable> writes) {
            this.writes = writes;
        }

        @Override
        public void accept(CreditEntry entry) {
            seen++;
            if (!entry.disclosed()) {
                return;
            }
            disclosed++;
            PortalRepository.SubjectRow subject = subject(entry);
            subjects.merge(subject.key(), subject, (a, b) -> PortalRepository.merged(List.of(a, b)).get(0));
            if (subjects.size() >= CHUNK) {
                flush();
            }
        }

        void flush() {
            if (subjects.isEmpty()) {
                return;
            }
            List<PortalRepository.SubjectRow> chunk = new ArrayList<>(subjects.values());
            subjects = new LinkedHashMap<>();
            String table = seenTable;
            writes.accept(() -> write(counts, chunk, table));
        }
    }

    private void write(Counts counts, List<PortalRepository.SubjectRow> subjects, String seenTable) {
        long t0 = System.nanoTime();
        repository.upsertSubjects(subjects);
        if (seenTable != null) {
            repository.seen(seenTable, subjects.stream().map(PortalRepository.SubjectRow::key).toList());
        }
        counts.nanos.add(System.nanoTime() - t0);
        counts.subjects.add(subjects.size());
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
                s.category() == SubjectCategory.NATURAL_PERSON ? null : s.creditCode(), idDigest, idMasked, s.formerNames(),
                s.id() == 0 ? null : s.id());
    }
}
