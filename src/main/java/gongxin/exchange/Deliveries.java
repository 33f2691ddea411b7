package gongxin.exchange;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import gongxin.platform.ClusterLock;
import gongxin.platform.KeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes the queue to the province (docs/api.md, "Exchange with the provincial platform"): the oldest pending items
 * in batches, signed with the platform's SM2 key, by one node at a time (a cluster lock), so that each subject's items
 * arrive in the order of its changes and no two nodes send the same batch. Anything but a 200 answer leaves the batch
 * pending and the sender waits, doubling up to a minute between attempts; an item the province rejects is recorded
 * with its reason and does not hold back any other.
 */
@Component
class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    /** What one run of the sender did. */
    record Run(int batches, int delivered, int rejected, boolean failed) {
    }

    private final OutboundRepository repository;
    private final ExchangeProperties properties;
    private final gongxin.audit.AuditLog audit;
    private final KeyRing keys;
    private final ClusterLock lock;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final HttpClient http;
    private final Executor recorder;

    Deliveries(OutboundRepository repository, ExchangeProperties properties, gongxin.audit.AuditLog audit, KeyRing keys,
               ClusterLock lock, TransactionTemplate transactions, Clock clock,
               @org.springframework.beans.factory.annotation.Qualifier(ExchangeConfiguration.RECORDING) Executor recorder) {
        this.recorder = recorder;
        this.audit = audit;
        this.repository = repository;
        this.properties = properties;
        this.keys = keys;
        this.lock = lock;
        this.transactions = transactions;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Scheduled(fixedDelayString = "${gongxin.exchange.delivery-delay:PT1S}", initialDelayString = "PT5S")
    void inBackground() {
        if (properties.worker() && properties.pushing()) {
            try {
                lock.runIfFree("exchange-delivery", this::deliverPending);
            } catch (RuntimeException e) {
                log.warn("Exchange delivery failed; retried at the next run", e);
            }
        }
    }

    /** A delivered or rejected item is pending again, with the same content (staff resend it); false for an unknown key. */
    boolean resend(String key) {
        boolean found = repository.resend(key);
        if (found) {
            audit.record("EXCHANGE_ITEM_RESENT", "exchange_item", key, java.util.Map.of());
        }
        return found;
    }

    /**
     * The department whose items a caller sees: department staff their own (a rejection is theirs to correct); the
     * credit office, auditors and {@code exchange} clients every department's (null).
     */
    static String departmentSeen(gongxin.identity.Caller caller) {
        if (caller.seesEveryDepartment() || caller.hasRole(gongxin.identity.Role.ADMIN)
                || caller.kind() == gongxin.identity.Caller.Kind.API_CLIENT) {
            return null;
        }
        return caller.departmentCode() == null ? "" : caller.departmentCode();
    }

    /** Sends batches until nothing is pending, the province fails, or the sender must wait; waits for another sender. */
    Run drain() {
        return lock.runExclusively("exchange-delivery", this::deliverPending);
    }

    /** Where a run's time went (nanoseconds), logged when it sent anything: reading, signing, waiting for the province, recording. */
    private final java.util.concurrent.atomic.AtomicLongArray spent = new java.util.concurrent.atomic.AtomicLongArray(4);

    private Run deliverPending() {
        for (int i = 0; i < spent.length(); i++) {
            spent.set(i, 0);
        }
        Run run = deliverAll();
        if (run.batches() > 0) {
            log.info("Exchange: {} batches, {} delivered, {} rejected{}; reading {} ms, signing {} ms, waiting for the province {} ms, recording {} ms",
                    run.batches(), run.delivered(), run.rejected(), run.failed() ? ", then failed" : "", spent.get(0) / 1_000_000,
                    spent.get(1) / 1_000_000, spent.get(2) / 1_000_000, spent.get(3) / 1_000_000);
        }
        return run;
    }

    /**
     * Batches one after another, each sent only once the province has taken the one before (each subject's order), and
     * pipelined around that: while a batch is on the way the next one is read and signed, and while the next one is on
     * the way the answer to this one is recorded (on the recording thread, in the order of the batches). A run starts
     * from the oldest pending item and then reads after the last item it sent.
     */
    private Run deliverAll() {
        OutboundRepository.DeliveryState state = repository.state();
        if (state.nextAttemptAt() != null && clock.instant().isBefore(state.nextAttemptAt())) {
            return new Run(0, 0, 0, state.failures() > 0);
        }
        int batches = 0;
        int delivered = 0;
        int rejected = 0;
        CompletableFuture<Void> recording = CompletableFuture.completedFuture(null);
        try {
            Batch batch = prepare(0);
            while (batch != null) {
                CompletableFuture<HttpResponse<String>> response;
                try {
                    response = http.sendAsync(batch.request(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                } catch (RuntimeException e) {
                    response = CompletableFuture.failedFuture(e);
                }
                Batch following = prepare(batch.lastSeq());
                Answer answer = await(batch, response);
                batches++;
                recording.join(); // the answer before this one is recorded first
                if (answer.error() != null) {
                    fail(batch, answer.error());
                    return new Run(batches, delivered, rejected, true);
                }
                delivered += answer.accepted().size();
                rejected += answer.rejected().size();
                Batch answered = batch;
                recording = CompletableFuture.runAsync(() -> record(answered, answer), recorder);
                if (answer.resumeAfter() == batch.lastSeq()) {
                    batch = following;
                } else {
                    recording.join(); // an item the answer left out goes again, first
                    batch = prepare(answer.resumeAfter());
                }
            }
            return new Run(batches, delivered, rejected, false);
        } finally {
            recording.join();
        }
    }

    /** A batch ready to go: its body signed, and its items' keys with their queue positions, in order. */
    private record Batch(UUID id, Instant sentAt, HttpRequest request, java.util.LinkedHashMap<String, Long> seqOf, long lastSeq) {
    }

    /** The next batch of pending items after queue position {@code after}, read and signed; null when none is pending. */
    private Batch prepare(long after) {
        long t = System.nanoTime();
        List<OutboundRepository.Pending> pending = repository.pending(after, properties.province().batchSize());
        spent.addAndGet(0, System.nanoTime() - t);
        if (pending.isEmpty()) {
            return null;
        }
        t = System.nanoTime();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        int size = 128;
        for (OutboundRepository.Pending p : pending) {
            size += p.item().length + 1;
        }
        // the items' bytes as stored (UTF-8), never decoded into strings and encoded again
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(size);
        body.writeBytes(("{\"city\":" + JSON.writeValueAsString(properties.province().city()) + ",\"batchId\":\"" + id
                + "\",\"sentAt\":\"" + now + "\",\"items\":[").getBytes(StandardCharsets.UTF_8));
        java.util.LinkedHashMap<String, Long> seqOf = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pending.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(pending.get(i).item());
            seqOf.put(pending.get(i).key(), pending.get(i).seq());
        }
        body.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        HttpRequest request = SignedPost.of(keys, batchesUri(), body.toByteArray(), properties.province().timeout());
        spent.addAndGet(1, System.nanoTime() - t);
        return new Batch(id, now, request, seqOf, pending.get(pending.size() - 1).seq());
    }

    /**
     * The province's answer to a batch: the keys it accepted and rejected (with its reasons), those it left out, and
     * where the next batch starts: after the last item sent, or before the first item the answer left out, which goes
     * again first (so that it keeps its place before its subject's later items). An error when there is no answer, it
     * is not 200, or it takes nothing.
     */
    private record Answer(List<String> accepted, List<String[]> rejected, List<String> unanswered, long resumeAfter,
                          String error) {

        static Answer failed(String error) {
            return new Answer(List.of(), List.of(), List.of(), 0, error);
        }
    }

    private Answer await(Batch batch, CompletableFuture<HttpResponse<String>> pending) {
        long t = System.nanoTime();
        try {
            HttpResponse<String> response = pending.get();
            spent.addAndGet(2, System.nanoTime() - t);
            if (response.statusCode() != 200) {
                return Answer.failed("HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
            }
            return read(batch, response.body());
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Answer.failed(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.failed("interrupted");
        } catch (RuntimeException e) {
            return Answer.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Answer read(Batch batch, String body) {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (RuntimeException e) {
            answer = null;
        }
        java.util.Map<String, Long> sent = batch.seqOf();
        List<String> accepted = new ArrayList<>();
        List<String[]> rejected = new ArrayList<>();
        if (answer != null && answer.has("accepted")) {
            answer.get("accepted").forEach(k -> {
                if (sent.containsKey(k.asString())) {
                    accepted.add(k.asString());
                }
            });
        }
        if (answer != null && answer.has("rejected")) {
            answer.get("rejected").forEach(r -> {
                String key = r.has("key") ? r.get("key").asString() : null;
                if (key != null && sent.containsKey(key)) {
                    rejected.add(new String[]{key, r.has("reason") ? r.get("reason").asString() : "省级平台未说明原因"});
                }
            });
        }
        if (accepted.isEmpty() && rejected.isEmpty()) {
            // an answer that takes nothing is a failure: wait, rather than send the same items at once
            return Answer.failed("省级平台的答复没有受理或拒收任何条目: " + abbreviate(body));
        }
        Set<String> answered = new HashSet<>(accepted);
        rejected.forEach(r -> answered.add(r[0]));
        List<String> unanswered = sent.keySet().stream().filter(k -> !answered.contains(k)).toList();
        long resumeAfter = unanswered.isEmpty() ? batch.lastSeq() : sent.get(unanswered.get(0)) - 1;
        return new Answer(accepted, rejected, unanswered, resumeAfter, null);
    }

    /** Accepted keys delivered, rejected ones recorded with the province's reason; an item it left out stays pending. */
    private void record(Batch batch, Answer answer) {
        long t = System.nanoTime();
        transactions.executeWithoutResult(s -> {
            repository.relaxedCommit();
            if (!answer.accepted().isEmpty()) {
                repository.delivered(answer.accepted().stream().map(batch.seqOf()::get).toList(), batch.id(), batch.sentAt());
            }
            answer.rejected().forEach(r -> repository.rejected(r[0], r[1], batch.id()));
            if (!answer.unanswered().isEmpty()) {
                repository.failed(answer.unanswered(), "省级平台的答复未提及该条目");
            }
            repository.succeeded(batch.sentAt());
        });
        spent.addAndGet(3, System.nanoTime() - t);
    }

    /** A batch the province did not take: its items stay pending, and the sender waits, doubling up to a minute. */
    private void fail(Batch batch, String why) {
        transactions.executeWithoutResult(s -> {
            repository.failed(List.copyOf(batch.seqOf().keySet()), why);
            int failures = repository.state().failures() + 1;
            long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(failures - 1, 6));
            repository.backOff(failures, batch.sentAt().plusSeconds(seconds), why);
        });
        log.info("Province did not take batch {} of {} items: {}", batch.id(), batch.seqOf().size(), why);
    }

    private URI batchesUri() {
        String base = properties.province().url().toString();
        return URI.create(base.endsWith("/") ? base + "batches" : base + "/batches");
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
