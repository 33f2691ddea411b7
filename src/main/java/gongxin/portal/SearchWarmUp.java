package gongxin.portal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A node that has just started should answer its first public searches about as fast as one that has run for a while
 * (issue 27, 6). Measured on a fresh node at 1M subjects: the first 20 s of searches had a p99 of 230–300 ms, the
 * fourth and fifth 26–32 ms, and restarting only the JVM on a warm PostgreSQL changed nothing: the time goes to the
 * JIT compiling the request path while the public waits. So when the node first becomes ready, it declares itself not
 * ready again (readiness {@code REFUSING_TRAFFIC}: a load balancer sends it nothing yet), sends itself public requests
 * over loopback (searches for the most common bigrams of names and a sample of the rest, and subject pages) on eight
 * connections, through the whole stack the public's requests take, and then declares itself ready. Bounded by
 * {@code gongxin.portal.warm-up-searches} requests (default 2,000; 0: no warm-up) and
 * {@code gongxin.portal.warm-up-time} (default 10 s). Liveness is untouched. A small website (fewer subjects than
 * {@code gongxin.portal.warm-up-from-subjects}, default 100,000: a city's demo, a new installation) is not warmed up:
 * its searches are cheap even cold, and readiness (which {@code /actuator/health} includes) would wait 3–5 s for
 * nothing (measured with bench/startup.sh: first start 17–19 s instead of 13.5–15 s).
 *
 * <p>Its requests carry a secret drawn at start that never leaves the process, so that the per-address limit of public
 * requests does not count them ({@link #isWarmUp}); only a request from loopback with that secret is exempt.
 */
@Component
class SearchWarmUp {

    private static final Logger log = LoggerFactory.getLogger(SearchWarmUp.class);
    static final String HEADER = "X-Gongxin-Warm-Up";
    /** About the number of requests a node serves at once under load (the benchmarks' eight connections). */
    private static final int THREADS = 8;

    private final TokenStatistics tokens;
    private final JdbcClient jdbc;
    private final ApplicationContext context;
    private final Environment environment;
    private final int requests;
    private final Duration limit;
    private final long fromSubjects;
    private final String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
    private final AtomicBoolean started = new AtomicBoolean();

    SearchWarmUp(TokenStatistics tokens, JdbcClient jdbc, ApplicationContext context, Environment environment,
                 @Value("${gongxin.portal.warm-up-searches:2000}") int requests,
                 @Value("${gongxin.portal.warm-up-time:10s}") Duration limit,
                 @Value("${gongxin.portal.warm-up-from-subjects:100000}") long fromSubjects) {
        this.fromSubjects = fromSubjects;
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.context = context;
        this.environment = environment;
        this.requests = requests;
        this.limit = limit;
    }

    /** The first time the node becomes ready: not yet; warm up on a thread of its own; then ready. */
    @EventListener
    void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (requests <= 0 || event.getState() != ReadinessState.ACCEPTING_TRAFFIC || !started.compareAndSet(false, true)) {
            return;
        }
        String port = environment.getProperty("local.server.port");
        double subjects = jdbc.sql("select reltuples from pg_class where oid = 'portal.subject'::regclass").query(Double.class).single();
        if (port == null || subjects < fromSubjects) {
            return;
        }
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        Thread thread = new Thread(() -> {
            try {
                warm("http://127.0.0.1:" + port, requests, limit);
            } catch (RuntimeException e) {
                log.warn("The warm-up stopped: {}", e.toString());
            } finally {
                AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
            }
        }, "warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** The secret its requests carry (for tests in this package). */
    String secret() {
        return secret;
    }

    /** Whether a request is one of the warm-up's own (from loopback, with this process's secret). */
    boolean isWarmUp(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header == null || !java.security.MessageDigest.isEqual(header.getBytes(StandardCharsets.US_ASCII),
                secret.getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** Sends up to {@code n} public requests to {@code base} within {@code limit}; how many were answered 200. */
    int warm(String base, int n, Duration limit) {
        long startedAt = System.nanoTime();
        long deadline = startedAt + limit.toNanos();
        List<String> paths = paths(n);
        AtomicInteger answered = new AtomicInteger();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "warm-up-request");
            t.setDaemon(true);
            return t;
        });
        try {
            for (String path : paths) {
                pool.execute(() -> {
                    if (System.nanoTime() > deadline) {
                        return;
                    }
                    try {
                        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                                .header(HEADER, secret).timeout(Duration.ofSeconds(5)).GET().build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 200) {
                            answered.incrementAndGet();
                        }
                    } catch (java.io.IOException e) {
                        log.debug("warm-up request {} failed: {}", path, e.toString());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(limit.toMillis() + 10_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
        log.info("Warmed up: {} of {} public requests answered in {} ms on {} connections", answered.get(), paths.size(),
                (System.nanoTime() - startedAt) / 1_000_000, THREADS);
        return answered.get();
    }

    /**
     * What to ask: for every four requests three searches and one subject page. The searches are up to half the most
     * common bigrams of names (from PostgreSQL's statistics, no scan) and a sample of the search table's bigrams (a
     * sample of pages holding about 20,000 rows, whatever the table's size); the subjects a page sample too.
     */
    List<String> paths(int n) {
        List<String> fragments = fragments(n - n / 4);
        List<String> subjects = sample("portal.subject", n / 4,
                "select public_id from portal.subject %s where category <> 'NATURAL_PERSON' limit :n", java.util.Map.of());
        List<String> out = new ArrayList<>(n);
        int s = 0;
        for (int i = 0; i < fragments.size(); i++) {
            out.add("/api/v1/public/subjects?q=" + URLEncoder.encode(fragments.get(i), StandardCharsets.UTF_8));
            if (i % 3 == 2 && s < subjects.size()) {
                out.add("/api/v1/public/subjects/" + URLEncoder.encode(subjects.get(s++), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    List<String> fragments(int n) {
        List<String> out = new ArrayList<>(tokens.mostCommon(n / 2));
        out.addAll(sample("portal.subject_token", n - out.size(),
                "select distinct token from portal.subject_token %s where not token = any(:common) limit :n",
                java.util.Map.of("common", out.toArray(String[]::new))));
        return out;
    }

    /**
     * Up to {@code n} rows of {@code query} over a page sample of about 20,000 rows of {@code table}, as its statistics
     * count them; the whole table when the sample falls short, as it does when the statistics are stale (a table
     * emptied and filled again since its last analyse).
     */
    private List<String> sample(String table, int n, String query, java.util.Map<String, Object> params) {
        List<String> rows = jdbc.sql(query.formatted("tablesample system (" + percent(table) + ") repeatable (2026)"))
                .params(params).param("n", n).query(String.class).list();
        if (rows.size() >= n / 2) {
            return rows;
        }
        return jdbc.sql(query.formatted("")).params(params).param("n", n).query(String.class).list();
    }

    /** The sample percentage that reads about 20,000 rows of {@code table} (all of a smaller one). */
    private String percent(String table) {
        double rows = jdbc.sql("select reltuples from pg_class where oid = cast(:t as regclass)").param("t", table)
                .query(Double.class).single();
        return String.format(java.util.Locale.ROOT, "%.4f", rows <= 20_000 ? 100 : Math.max(0.01, 100 * 20_000 / rows));
    }
}
