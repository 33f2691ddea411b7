package gongxin.collection;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import gongxin.audit.AuditLog;
import gongxin.audit.Purpose;
import gongxin.catalog.Catalog;
import gongxin.catalog.ItemField;
import gongxin.catalog.RuleSets;
import gongxin.identity.Caller;
import gongxin.identity.Department;
import gongxin.identity.Departments;
import gongxin.platform.ClusterLock;
import gongxin.records.Outcome;
import gongxin.records.PreparedChunk;
import gongxin.records.RecordDraft;
import gongxin.records.RecordIngest;
import gongxin.shared.LongHashSet;
import gongxin.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes submissions: files and JSON batches. A batch is read as a stream, checked row by row, and stored in chunks
 * inside one transaction, so that it is stored entirely or not at all; its progress is visible meanwhile. Small files
 * are answered when done; large ones are processed in the background and polled.
 */
@Service
class SubmissionService {

    private static final Logger log = LoggerFactory.getLogger(SubmissionService.class);
    static final int MAX_ERRORS_IN_ANSWER = 10_000;

    private final BatchRepository batches;
    private final RecordIngest ingest;
    private final Catalog catalog;
    private final Departments departments;
    private final RuleSets ruleSets;
    private final AuditLog audit;
    private final Clock clock;
    private final CollectionProperties properties;
    private final TransactionTemplate batchTransaction;
    private final TransactionTemplate separateTransaction;
    private final ThreadPoolTaskExecutor executor;
    private final ClusterLock lock;
    private final ExecutorService readers;
    private static final AtomicInteger READER_THREADS = new AtomicInteger();

    SubmissionService(BatchRepository batches, RecordIngest ingest, Catalog catalog, Departments departments,
                      RuleSets ruleSets, AuditLog audit, Clock clock, CollectionProperties properties,
                      PlatformTransactionManager transactions, ClusterLock lock) {
        this.batches = batches;
        this.ingest = ingest;
        this.catalog = catalog;
        this.departments = departments;
        this.ruleSets = ruleSets;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
        this.lock = lock;
        this.batchTransaction = new TransactionTemplate(transactions);
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.executor = new ThreadPoolTaskExecutor();
        this.executor.setCorePoolSize(properties.workers());
        this.executor.setMaxPoolSize(properties.workers());
        this.executor.setQueueCapacity(20);
        this.executor.setThreadNamePrefix("submission-");
        this.executor.setWaitForTasksToCompleteOnShutdown(false);
        this.executor.initialize();
        this.readers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "submission-reader-" + READER_THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }

    /** Options of one submission. */
    /** @param profile the provider's profile the submission names: its column names are read as our field codes */
    record Options(String item, boolean allowPilotEra, String idempotencyKey, ProviderProfile profile) {

        Options(String item, boolean allowPilotEra, String idempotencyKey) {
            this(item, allowPilotEra, idempotencyKey, null);
        }

        String profileReference() {
            return profile == null ? null : profile.reference();
        }
    }

    /** A file as uploaded: read it now, or keep it for the background. */
    interface Upload {
        String filename();

        long size();

        InputStream open() throws IOException;

        /** Moves the content somewhere that outlives the request. */
        Path keep() throws IOException;
    }

    Submission submitFile(Upload upload, Options options) {
        return submitFile(Caller.current(), upload, options);
    }

    /** A file sent by {@code caller} (the platform itself sends the demo records this way). */
    Submission submitFile(Caller caller, Upload upload, Options options) {
        java.util.Optional<Submission> earlier = earlier(caller, options);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        UUID id = UUID.randomUUID();
        Instant receivedAt = clock.instant();
        batches.create(id, caller.name(), caller.departmentCode(), "FILE", upload.filename(), upload.size(),
                options.idempotencyKey(), receivedAt, lock.nodeId(), options.profileReference());
        if (upload.size() <= properties.syncMaxSize().toBytes()) {
            process(id, sink -> readFile(upload::open, sink), options, caller, receivedAt, false);
            return get(id);
        }
        Path kept;
        try {
            kept = upload.keep();
        } catch (IOException e) {
            fail(id, List.of(new RowError(0, null, null, "upload", "上传的文件无法保存，请重新报送")));
            return get(id);
        }
        try {
            executor.execute(new DelegatingSecurityContextRunnable(() -> {
                try {
                    process(id, sink -> readFile(() -> Files.newInputStream(kept), sink), options, caller, receivedAt, false);
                } finally {
                    try {
                        Files.deleteIfExists(kept);
                    } catch (IOException e) {
                        log.warn("Could not delete {}", kept);
                    }
                }
            }, SecurityContextHolder.getContext()));
        } catch (TaskRejectedException e) {
            fail(id, List.of(new RowError(0, null, null, "busy", "平台正在处理的大文件过多，请稍后重新报送")));
        }
        return get(id);
    }

    Submission submitJson(List<Map<String, Object>> records, Options options) {
        Caller caller = Caller.current();
        java.util.Optional<Submission> earlier = earlier(caller, options);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        UUID id = UUID.randomUUID();
        Instant receivedAt = clock.instant();
        batches.create(id, caller.name(), caller.departmentCode(), "JSON", null, null, options.idempotencyKey(), receivedAt, lock.nodeId(),
                options.profileReference());
        process(id, sink -> readJson(records, sink), options, caller, receivedAt, true);
        return get(id);
    }

    private java.util.Optional<Submission> earlier(Caller caller, Options options) {
        if (options.idempotencyKey() == null || options.idempotencyKey().isBlank()) {
            return java.util.Optional.empty();
        }
        return batches.findByIdempotencyKey(caller.name(), options.idempotencyKey()).map(this::get);
    }

    Submission get(UUID id) {
        BatchRepository.BatchView b = batches.find(id).orElseThrow(() -> new NotFoundException("报送批次 " + id + " 不存在"));
        return new Submission(b.id(), b.status(), b.itemCode(), b.rows(), b.accepted(), b.rejected(), b.duplicates(),
                b.unchanged(), b.processed(), "PROCESSING".equals(b.status()) ? List.of() : batches.errors(id, MAX_ERRORS_IN_ANSWER),
                b.profile());
    }

    /** A batch's refused rows (their values may be personal data) were read: {@code what} is the page or the file. */
    void auditRead(UUID id, String what, Purpose purpose) {
        audit.recordRead("submission_batch", id.toString(), purpose, Map.of("read", what));
    }

    BatchRepository.BatchView batch(UUID id) {
        BatchRepository.BatchView b = batches.find(id).orElseThrow(() -> new NotFoundException("报送批次 " + id + " 不存在"));
        Caller caller = Caller.current();
        boolean own = b.submittedBy().equals(caller.name()) || caller.mayActFor(b.departmentCode());
        if (!own && !caller.seesEveryDepartment()) {
            throw new AccessDeniedException("batch of another department");
        }
        return b;
    }

    List<BatchRepository.BatchView> recent(int limit) {
        Caller caller = Caller.current();
        return batches.recent(caller.seesEveryDepartment() ? null : List.copyOf(caller.departments()), caller.name(), limit);
    }

    void forEachError(UUID id, java.util.function.Consumer<RowError> consumer) {
        batches.forEachError(id, consumer);
    }

    /** Reads a source into a sink. */
    interface Reader {
        Read read(RowSink sink) throws IOException;
    }

    /** How a source was read: its encoding (or XLSX, JSON) and the SM3 fingerprint of a file. */
    record Read(String encoding, String fingerprint) {
    }

    interface Opener {
        InputStream open() throws IOException;
    }

    /** CSV or XLSX, told apart by the file's first bytes rather than by its name. */
    private Read readFile(Opener opener, RowSink sink) throws IOException {
        try (InputStream raw = opener.open(); Sm3InputStream hashed = new Sm3InputStream(raw);
             BufferedInputStream in = new BufferedInputStream(hashed, 1 << 16)) {
            in.mark(8);
            byte[] magic = in.readNBytes(8);
            in.reset();
            String encoding;
            if (magic.length >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
                new XlsxSource(in, properties.maxRows()).read(sink);
                encoding = "XLSX";
            } else if (magic.length >= 4 && (magic[0] & 0xFF) == 0xD0 && (magic[1] & 0xFF) == 0xCF) {
                throw new FileRefusedException("xls", "不支持 Excel 97-2003（.xls）格式，请另存为 .xlsx 或 CSV");
            } else {
                CsvSource csv = new CsvSource(in, properties.maxRows());
                csv.read(sink);
                encoding = csv.encoding();
            }
            return new Read(encoding, hashed.finish());
        }
    }

    private Read readJson(List<Map<String, Object>> records, RowSink sink) {
        if (records == null || records.isEmpty()) {
            throw new FileRefusedException("empty", "records 为空，没有要报送的记录");
        }
        if (records.size() > properties.maxRows()) {
            throw new FileRefusedException("max-rows", "单次报送超过 " + properties.maxRows() + " 条的上限");
        }
        LinkedHashMap<String, Integer> columns = new LinkedHashMap<>();
        for (Map<String, Object> record : records) {
            if (record != null) {
                record.keySet().forEach(key -> columns.putIfAbsent(key, columns.size()));
            }
        }
        sink.header(new ArrayList<>(columns.keySet()));
        int line = 0;
        for (Map<String, Object> record : records) {
            line++;
            List<String> cells = new ArrayList<>(columns.size());
            for (String key : columns.keySet()) {
                Object value = record == null ? null : record.get(key);
                cells.add(value == null ? "" : value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString());
            }
            sink.row(SourceRow.of(line, cells));
        }
        return new Read("JSON", null);
    }

    private void process(UUID id, Reader reader, Options options, Caller caller, Instant receivedAt, boolean json) {
        try {
            batchTransaction.executeWithoutResult(status -> new Processor(id, options, caller, receivedAt, json).run(reader));
        } catch (FileRefusedException e) {
            fail(id, e.errors());
        } catch (RuntimeException e) {
            log.error("Submission {} failed", id, e);
            fail(id, List.of(new RowError(0, null, null, "processing",
                    "处理过程中出错，本批次未写入任何数据，可原样重新报送")));
        }
    }

    private void fail(UUID id, List<RowError> errors) {
        separateTransaction.executeWithoutResult(status -> {
            batches.insertErrors(id, 0, errors);
            batches.fail(id, errors.isEmpty() ? null : errors.get(0).message(), clock.instant());
            audit.record("SUBMISSION_FAILED", "submission", id.toString(),
                    Map.of("reason", errors.isEmpty() ? "" : errors.get(0).rule()));
        });
    }

    /**
     * Declares failed, with rule {@code interrupted}, the batches a node left processing when it died: its lifeline
     * lock is gone ({@link ClusterLock#alive}), and nothing of a batch was stored, since a batch is stored in one
     * transaction. Batches of an earlier release (no node) are judged by their last sign of life. Runs at start and
     * every minute, on one node at a time.
     */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void failStaleBatches() {
        lock.runIfFree("collection-stale-batches", () -> {
            Instant now = clock.instant();
            List<UUID> orphans = new ArrayList<>();
            for (String node : batches.processingNodes(lock.nodeId())) {
                if (!lock.alive(node)) {
                    orphans.addAll(batches.processing(node, now));
                }
            }
            orphans.addAll(batches.processing(null, now.minus(Duration.ofSeconds(properties.staleAfterSeconds()))));
            for (UUID id : orphans) {
                fail(id, List.of(new RowError(0, null, null, "interrupted",
                        "处理中断（服务重启或故障），本批次未写入任何数据，可原样重新报送")));
            }
            if (!orphans.isEmpty()) {
                log.warn("{} submission batch(es) were left processing by a stopped node and are marked failed", orphans.size());
            }
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        failStaleBatches();
    }

    /** Rows read, checked and prepared for storing, handed from the reading thread to the storing one. */
    private record Chunk(PreparedChunk prepared, List<RowError> errors, int rows, int rejected, int duplicates,
                         Read read, Throwable failure) {
        static Chunk failed(Throwable failure) {
            return new Chunk(null, List.of(), 0, 0, 0, null, failure);
        }

        boolean last() {
            return read != null || failure != null;
        }
    }

    /**
     * Reads one batch: recognises the layout, checks rows, stores chunks, counts. Two stages overlap so that the work
     * runs on two cores: a reading thread decodes, checks and prepares rows (all that needs no database), the batch's
     * own thread (which holds its transaction) stores them, mostly waiting for PostgreSQL. A failure in either stage
     * stops both and rolls the batch back.
     */
    private final class Processor implements RowSink {
        private final UUID batchId;
        private final Options options;
        private final Caller caller;
        private final Instant receivedAt;
        private final boolean json;
        private final BlockingQueue<Chunk> handOff = new ArrayBlockingQueue<>(4);
        // reading stage
        private final LongHashSet seen = new LongHashSet();
        private List<RecordDraft> pending = new ArrayList<>();
        private List<RowError> errors = new ArrayList<>();
        private int rows;
        private int rejected;
        private int duplicates;
        private volatile Layout layout;
        private RowValidator validator;
        private RecordIngest.Preparer preparer;
        // storing stage
        private final BatchRepository.Counts counts = new BatchRepository.Counts();
        private RecordIngest.Session session;
        private int errorSeq;
        private Read read;
        private long lastProgress = System.nanoTime() - 2_000_000_000L;
        // where the time went, for the log line of each batch: a slow batch says which stage held it back
        private final long started = System.nanoTime();
        private volatile long readerWaited;
        private volatile long readerCpu;
        private long storerWaited;
        private long storing;
        private final long storerCpuAtStart = CPU.getCurrentThreadCpuTime();

        Processor(UUID batchId, Options options, Caller caller, Instant receivedAt, boolean json) {
            this.json = json;
            this.batchId = batchId;
            this.options = options;
            this.caller = caller;
            this.receivedAt = receivedAt;
        }

        void run(Reader reader) {
            Future<?> reading = readers.submit(() -> {
                long cpuAtStart = CPU.getCurrentThreadCpuTime();
                try {
                    Read done = reader.read(this);
                    readerCpu = CPU.getCurrentThreadCpuTime() - cpuAtStart;
                    handOff.put(chunk(done));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable e) {
                    try {
                        handOff.put(Chunk.failed(e));
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            try {
                Chunk chunk;
                do {
                    long waitStart = System.nanoTime();
                    chunk = handOff.take();
                    storerWaited += System.nanoTime() - waitStart;
                    if (chunk.failure() != null) {
                        throw chunk.failure() instanceof RuntimeException r ? r
                                : chunk.failure() instanceof IOException io ? new UncheckedIOException(io)
                                : new IllegalStateException(chunk.failure());
                    }
                    long storeStart = System.nanoTime();
                    store(chunk);
                    storing += System.nanoTime() - storeStart;
                } while (!chunk.last());
                read = chunk.read();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while storing batch " + batchId, e);
            } finally {
                reading.cancel(true);
            }
            finish();
        }

        @Override
        public void header(List<String> headers) {
            LocalDate today = LocalDate.now(clock);
            Layout recognised = Layout.recognise(catalog.itemsInForce(today), headers, options.item(), options.profile());
            List<RowError> fileErrors = new ArrayList<>();
            for (ItemField missing : recognised.missingRequired()) {
                String theirs = options.profile() == null ? null : options.profile().nameOf(missing.code());
                fileErrors.add(theirs != null
                        ? new RowError(1, theirs, null, "missing-column", "缺少必填列“" + theirs + "”（" + missing.name() + "）")
                        : new RowError(1, missing.name(), null, "missing-column",
                        "缺少必填列“" + missing.name() + "”（或字段编码 " + missing.code() + "）"));
            }
            if (!fileErrors.isEmpty()) {
                throw new FileRefusedException(fileErrors);
            }
            for (int column : recognised.unknownColumns()) {
                errors.add(new RowError(1, headers.get(column), null, "unknown-column", "未知列，已忽略"));
            }
            if (!json) {
                for (int column : recognised.duplicateColumns().keySet()) {
                    errors.add(new RowError(1, headers.get(column), null, "duplicate-column", "与前面的列对应同一字段，仅在前一列为空时使用"));
                }
            }
            Map<String, Department> byCreditCode = new HashMap<>();
            departments.all().forEach(d -> byCreditCode.put(d.creditCode(), d));
            validator = new RowValidator(new RowValidator.Context(recognised, catalog.history(recognised.item().code()),
                    byCreditCode, ruleSets.all(), caller, today, options.allowPilotEra(),
                    ruleSets.collectionEraFrom(recognised.item().infoType()).orElse(null), ruleSets.matterSectors()));
            preparer = ingest.preparer(batchId, recognised.item().code(), receivedAt);
            layout = recognised;
            hand(null);
        }

        @Override
        public void row(SourceRow row) {
            rows++;
            if (!row.readable()) {
                rejected++;
                errors.add(new RowError(row.line(), null, null, row.problemRule(), row.problem()));
            } else if (!seen.add(RowHash.of(row.cells()))) {
                duplicates++;
            } else {
                RowValidator.Result result = validator.validate(row);
                if (result.accepted()) {
                    pending.add(result.draft());
                } else {
                    rejected++;
                    errors.addAll(result.errors());
                }
            }
            if (pending.size() >= properties.chunkSize() || rows % properties.chunkSize() == 0) {
                hand(null);
            }
        }

        private void hand(Read done) {
            try {
                long waitStart = System.nanoTime();
                handOff.put(chunk(done));
                readerWaited += System.nanoTime() - waitStart;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoppedException();
            }
        }

        private Chunk chunk(Read done) {
            Chunk chunk = new Chunk(pending.isEmpty() ? null : preparer.prepare(pending), errors, rows, rejected,
                    duplicates, done, null);
            pending = new ArrayList<>();
            errors = new ArrayList<>();
            rows = 0;
            rejected = 0;
            duplicates = 0;
            return chunk;
        }

        private void store(Chunk chunk) {
            if (layout == null) {
                throw new FileRefusedException("empty", "文件为空，没有表头和数据");
            }
            if (session == null) {
                session = ingest.open(batchId, layout.item().code(), receivedAt);
            }
            counts.rows += chunk.rows();
            counts.rejected += chunk.rejected();
            counts.duplicates += chunk.duplicates();
            List<RowError> found = new ArrayList<>(chunk.errors());
            if (chunk.prepared() != null) {
                List<RecordDraft> drafts = chunk.prepared().drafts();
                List<Outcome> outcomes = session.ingest(chunk.prepared());
                for (int i = 0; i < outcomes.size(); i++) {
                    RecordDraft draft = drafts.get(i);
                    switch (outcomes.get(i)) {
                        case CREATED, CORRECTED -> counts.accepted++;
                        case UNCHANGED -> counts.unchanged++;
                        case DUPLICATE -> counts.duplicates++;
                        case CONFLICT -> {
                            counts.rejected++;
                            found.add(keyError(draft, "conflict", "同一决定在本次报送中出现多次且内容不一致，已拒收后出现的一行"));
                        }
                        case REVOKED -> {
                            counts.rejected++;
                            found.add(keyError(draft, "revoked", "该决定的信用记录已撤销，不能更正；如有新的决定请使用新的文书号报送"));
                        }
                    }
                }
            }
            if (!found.isEmpty()) {
                batches.insertErrors(batchId, errorSeq, found);
                errorSeq += found.size();
            }
            // progress is its own commit: once a second is enough for a progress bar
            if (System.nanoTime() - lastProgress > 1_000_000_000L) {
                progress();
                lastProgress = System.nanoTime();
            }
        }

        private RowError keyError(RecordDraft draft, String rule, String message) {
            ItemField keyField = layout.item().fields().stream().filter(ItemField::key).findFirst()
                    .orElse(layout.item().fields().get(0));
            return new RowError(draft.line(), layout.header(keyField), draft.data().get(keyField.code()), rule, message);
        }

        private void progress() {
            int processed = counts.rows;
            String item = layout == null ? null : layout.item().code();
            String encoding = read == null ? null : read.encoding();
            separateTransaction.executeWithoutResult(s -> batches.progress(batchId, processed, item, encoding, clock.instant()));
        }

        private void finish() {
            session.finish();
            String encoding = read.encoding();
            String fingerprint = read.fingerprint();
            batches.complete(batchId, counts, layout.item().code(), encoding, fingerprint, clock.instant());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("item", layout.item().code());
            details.put("rows", counts.rows);
            details.put("accepted", counts.accepted);
            details.put("rejected", counts.rejected);
            details.put("duplicates", counts.duplicates);
            details.put("unchanged", counts.unchanged);
            if (fingerprint != null) {
                details.put("sm3", fingerprint);
            }
            audit.record("SUBMISSION_PROCESSED", "submission", batchId.toString(), details);
            // CPU time says how much of a stage's time was the application's own work (the rest: PostgreSQL, or the
            // other stage and the database on the same cores)
            log.info("Batch {}: {} rows in {} ms; reading {} ms CPU, waited {} ms for storing; storing {} ms ({} ms CPU), "
                            + "waited {} ms for reading",
                    batchId, counts.rows, millis(System.nanoTime() - started), millis(readerCpu), millis(readerWaited),
                    millis(storing), millis(CPU.getCurrentThreadCpuTime() - storerCpuAtStart), millis(storerWaited));
        }
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    /** The reading stage was told to stop because the storing stage failed. */
    private static final class StoppedException extends RuntimeException {
        StoppedException() {
            super(null, null, false, false);
        }
    }
}
