package gongxin.exchange;

import java.io.IOException;
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

    Deliveries(OutboundRepository repository, ExchangeProperties properties, gongxin.audit.AuditLog audit, KeyRing keys,
               ClusterLock lock, TransactionTemplate transactions, Clock clock) {
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

    /** Where a run's time went (nanoseconds), logged when it sent anything. */
    private final long[] spent = new long[4];

    private Run deliverPending() {
        java.util.Arrays.fill(spent, 0);
        Run run = deliverAll();
        if (run.batches() > 0) {
            log.info("Exchange: {} batches, {} delivered, {} rejected{}; reading {} ms, signing {} ms, province {} ms, recording {} ms",
                    run.batches(), run.delivered(), run.rejected(), run.failed() ? ", then failed" : "", spent[0] / 1_000_000,
                    spent[1] / 1_000_000, spent[2] / 1_000_000, spent[3] / 1_000_000);
        }
        return run;
    }

    private Run deliverAll() {
        int batches = 0;
        int delivered = 0;
        int rejected = 0;
        while (true) {
            OutboundRepository.DeliveryState state = repository.state();
            if (state.nextAttemptAt() != null && clock.instant().isBefore(state.nextAttemptAt())) {
                return new Run(batches, delivered, rejected, state.failures() > 0);
            }
            long t = System.nanoTime();
            List<OutboundRepository.Pending> pending = repository.pending(properties.province().batchSize());
            spent[0] += System.nanoTime() - t;
            if (pending.isEmpty()) {
                return new Run(batches, delivered, rejected, false);
            }
            Answer answer = send(pending);
            batches++;
            if (answer == null) {
                return new Run(batches, delivered, rejected, true);
            }
            delivered += answer.accepted;
            rejected += answer.rejected;
        }
    }

    private record Answer(int accepted, int rejected) {
    }

    /** One batch: the answer's counts, or null when it failed (the items stay pending and the sender backs off). */
    private Answer send(List<OutboundRepository.Pending> pending) {
        UUID batch = UUID.randomUUID();
        Instant now = clock.instant();
        StringBuilder body = new StringBuilder(64 + pending.size() * 512);
        body.append("{\"city\":").append(JSON.writeValueAsString(properties.province().city()))
                .append(",\"batchId\":\"").append(batch).append("\",\"sentAt\":\"").append(now).append("\",\"items\":[");
        List<String> keysSent = new ArrayList<>();
        java.util.Map<String, Long> seqOf = new java.util.HashMap<>();
        for (int i = 0; i < pending.size(); i++) {
            body.append(i == 0 ? "" : ",").append(pending.get(i).item());
            keysSent.add(pending.get(i).key());
            seqOf.put(pending.get(i).key(), pending.get(i).seq());
        }
        body.append("]}");
        long t = System.nanoTime();
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = SignedPost.of(keys, batchesUri(), bytes, properties.province().timeout());
        spent[1] += System.nanoTime() - t;
        String error;
        try {
            t = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            spent[2] += System.nanoTime() - t;
            if (response.statusCode() == 200) {
                t = System.nanoTime();
                Answer answer = record(batch, keysSent, seqOf, response.body(), now);
                spent[3] += System.nanoTime() - t;
                if (answer != null) {
                    return answer;
                }
                error = "省级平台的答复没有受理或拒收任何条目: " + abbreviate(response.body());
            } else {
                error = "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
            }
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        String why = error;
        transactions.executeWithoutResult(s -> {
            repository.failed(keysSent, why);
            int failures = repository.state().failures() + 1;
            long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(failures - 1, 6));
            repository.backOff(failures, now.plusSeconds(seconds), why);
        });
        log.info("Province did not take batch {} of {} items: {}", batch, keysSent.size(), why);
        return null;
    }

    /** The province's answer: accepted keys delivered, rejected ones recorded; an item it did not mention stays pending. */
    private Answer record(UUID batch, List<String> sent, java.util.Map<String, Long> seqOf, String body, Instant now) {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (RuntimeException e) {
            answer = null;
        }
        Set<String> sentKeys = new HashSet<>(sent);
        List<String> accepted = new ArrayList<>();
        List<String[]> rejected = new ArrayList<>();
        if (answer != null && answer.has("accepted")) {
            answer.get("accepted").forEach(k -> {
                if (sentKeys.contains(k.asString())) {
                    accepted.add(k.asString());
                }
            });
        }
        if (answer != null && answer.has("rejected")) {
            answer.get("rejected").forEach(r -> {
                String key = r.has("key") ? r.get("key").asString() : null;
                if (key != null && sentKeys.contains(key)) {
                    rejected.add(new String[]{key, r.has("reason") ? r.get("reason").asString() : "省级平台未说明原因"});
                }
            });
        }
        Set<String> answered = new HashSet<>(accepted);
        rejected.forEach(r -> answered.add(r[0]));
        List<String> unanswered = sent.stream().filter(k -> !answered.contains(k)).toList();
        if (accepted.isEmpty() && rejected.isEmpty()) {
            return null; // an answer that takes nothing is a failure: wait, rather than send the same items at once
        }
        transactions.executeWithoutResult(s -> {
            repository.relaxedCommit();
            if (!accepted.isEmpty()) {
                repository.delivered(accepted.stream().map(seqOf::get).toList(), batch, now);
            }
            rejected.forEach(r -> repository.rejected(r[0], r[1], batch));
            if (!unanswered.isEmpty()) {
                repository.failed(unanswered, "省级平台的答复未提及该条目");
            }
            repository.succeeded(now);
        });
        return new Answer(accepted.size(), rejected.size());
    }

    private URI batchesUri() {
        String base = properties.province().url().toString();
        return URI.create(base.endsWith("/") ? base + "batches" : base + "/batches");
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
