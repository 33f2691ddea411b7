package gongxin.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the provincial platform and an upstream list source, speaking the wire of docs/api.md ("Exchange with
 * the provincial platform") over real HTTP: it takes batches at {@code POST /batches} and serves list entries at
 * {@code GET /upstream/{source}/entries?since=&limit=}. Tests make it answer slowly, fail, reject items or go away;
 * run alone it accepts everything and says what arrived:
 *
 * <pre>java src/test/java/gongxin/exchange/StandInProvince.java 8099</pre>
 *
 * Only the JDK, so that it runs as a single source file without a build.
 */
public final class StandInProvince {

    /** How it answers batches. */
    public enum Mode { ACCEPT, FAIL, DOWN }

    private static StandInProvince shared;

    private final HttpServer server;
    private volatile Mode mode = Mode.ACCEPT;
    private volatile long delayMillis;
    private final Map<String, String> rejections = new HashMap<>();
    private final java.util.Set<String> omissions = new java.util.HashSet<>();
    /** Items received so far (run alone it keeps no bodies: a benchmark sends it hundreds of megabytes). */
    private long itemsReceived;
    private final List<Batch> batches = new ArrayList<>();
    private final Map<String, List<String>> upstream = new LinkedHashMap<>();
    private final Map<String, List<String>> objections = new LinkedHashMap<>();
    private final boolean verbose;

    /** A batch as it arrived: its body and headers. */
    public record Batch(String body, String signature, String keyId, List<String> keys) {
    }

    private StandInProvince(int port, boolean verbose) throws IOException {
        this.verbose = verbose;
        // without it every answer waits for the client's delayed ACK (about 40 ms a batch on Linux)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "stand-in-province");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/batches", this::batch);
        server.createContext("/upstream/", this::entries);
        server.createContext("/control/mode", this::control);
        server.start();
    }

    /** The one of the test JVM, started on a free port the first time it is asked for. */
    public static synchronized StandInProvince shared() {
        if (shared == null) {
            try {
                shared = new StandInProvince(0, false);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** How long it takes to answer a batch. */
    public void delay(long millis) {
        this.delayMillis = millis;
    }

    /** Rejects the item with this key, with this reason, whenever it comes; a null reason takes it again. */
    public synchronized void reject(String key, String reason) {
        if (reason == null) {
            rejections.remove(key);
        } else {
            rejections.put(key, reason);
        }
    }

    /** Answers the next batch with this item without mentioning it (neither accepted nor rejected), once. */
    public synchronized void omitOnce(String key) {
        omissions.add(key);
    }

    public synchronized List<Batch> batches() {
        return List.copyOf(batches);
    }

    /** Every key received, in order of arrival (a key sent twice appears twice). */
    public synchronized List<String> keys() {
        List<String> keys = new ArrayList<>();
        batches.forEach(b -> keys.addAll(b.keys()));
        return keys;
    }

    /** Adds an entry (its JSON object as the wire gives it) to an upstream source's list. */
    public synchronized void publish(String source, String entryJson) {
        upstream.computeIfAbsent(source, s -> new ArrayList<>()).add(entryJson);
    }

    private void batch(HttpExchange exchange) throws IOException {
        byte[] bytes = readAll(exchange.getRequestBody());
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (mode == Mode.DOWN) {
            exchange.close(); // the connection ends without an answer, as when the province is gone
            return;
        }
        if (mode == Mode.FAIL) {
            respond(exchange, 503, "{\"error\":\"维护中\"}");
            return;
        }
        List<String> keys = keysIn(bytes);
        StringBuilder accepted = new StringBuilder();
        StringBuilder rejected = new StringBuilder();
        synchronized (this) {
            if (!verbose) {
                batches.add(new Batch(new String(bytes, StandardCharsets.UTF_8), exchange.getRequestHeaders().getFirst("X-Gongxin-Signature"),
                        exchange.getRequestHeaders().getFirst("X-Gongxin-Key-Id"), List.copyOf(keys)));
            }
            itemsReceived += keys.size();
            for (String key : keys) {
                if (omissions.remove(key)) {
                    continue;
                }
                String reason = rejections.get(key);
                if (reason == null) {
                    accepted.append(accepted.isEmpty() ? "" : ",").append('"').append(key).append('"');
                } else {
                    rejected.append(rejected.isEmpty() ? "" : ",").append("{\"key\":\"").append(key).append("\",\"reason\":\"")
                            .append(reason).append("\"}");
                }
            }
        }
        if (verbose) {
            System.out.println("batch of " + keys.size() + " items" + (keys.isEmpty() ? "" : ": " + keys.get(0) + (keys.size() > 1 ? " …" : "")));
        }
        respond(exchange, 200, "{\"accepted\":[" + accepted + "],\"rejected\":[" + rejected + "]}");
    }

    private static final byte[] KEY_FIELD = "\"key\":\"".getBytes(StandardCharsets.US_ASCII);

    /**
     * The items' keys in a batch's bytes, in order: the value after each {@code "key":"} (a key is ASCII; inside a JSON
     * string a quote is escaped, so the sequence starts a key only). Read from the bytes, without decoding a body of
     * half a megabyte into a string and matching it, so that the stand-in takes less of a benchmark's machine.
     */
    static List<String> keysIn(byte[] body) {
        List<String> keys = new ArrayList<>();
        int i = 0;
        while ((i = indexOf(body, KEY_FIELD, i)) >= 0) {
            int from = i + KEY_FIELD.length;
            int to = from;
            while (to < body.length && body[to] != '"') {
                to++;
            }
            keys.add(new String(body, from, to - from, StandardCharsets.US_ASCII));
            i = to;
        }
        return keys;
    }

    private static int indexOf(byte[] body, byte[] what, int from) {
        outer:
        for (int i = from; i <= body.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (body[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * {@code POST /control/mode?value=ACCEPT|FAIL|DOWN}: how it answers batches from now on (for benchmarks that take
     * the province away during an ingest); answers the number of items taken so far.
     */
    private void control(HttpExchange exchange) throws IOException {
        readAll(exchange.getRequestBody());
        String value = query(exchange.getRequestURI().getRawQuery()).get("value");
        try {
            mode(Mode.valueOf(value));
        } catch (RuntimeException e) {
            respond(exchange, 400, "{\"error\":\"value: ACCEPT, FAIL or DOWN\"}");
            return;
        }
        if (verbose) {
            System.out.println("mode " + value);
        }
        long taken;
        synchronized (this) {
            taken = itemsReceived;
        }
        respond(exchange, 200, "{\"mode\":\"" + value + "\",\"items\":" + taken + "}");
    }

    /** The objections passed on to an upstream source, as received (JSON bodies), in order. */
    public synchronized List<String> objections(String source) {
        return List.copyOf(objections.getOrDefault(source, List.of()));
    }

    /** {@code /upstream/{source}/entries?since={index}&limit={n}}: the cursor is the index of the next entry. */
    private void entries(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String[] parts = path.split("/");
        if (parts.length == 4 && "objections".equals(parts[3]) && "POST".equals(exchange.getRequestMethod())) {
            String body = new String(readAll(exchange.getRequestBody()), StandardCharsets.UTF_8);
            if (mode == Mode.DOWN) {
                exchange.close();
                return;
            }
            if (mode == Mode.FAIL) {
                respond(exchange, 503, "{\"error\":\"维护中\"}");
                return;
            }
            synchronized (this) {
                objections.computeIfAbsent(parts[2], s -> new ArrayList<>()).add(body);
            }
            respond(exchange, 200, "{\"received\":true}");
            return;
        }
        if (parts.length != 4 || !"entries".equals(parts[3])) {
            respond(exchange, 404, "{}");
            return;
        }
        if (mode == Mode.DOWN) {
            exchange.close();
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        int since = query.containsKey("since") ? Integer.parseInt(query.get("since")) : 0;
        int limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : 100;
        List<String> page;
        int total;
        synchronized (this) {
            List<String> all = upstream.getOrDefault(parts[2], List.of());
            total = all.size();
            page = since >= total ? List.of() : List.copyOf(all.subList(since, Math.min(total, since + limit)));
        }
        int next = since + page.size();
        // the cursor after this page, also at the end: the next pull starts there (an empty page ends a pull)
        respond(exchange, 200, "{\"entries\":[" + String.join(",", page) + "],\"next\":\"" + next + "\"}");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    /**
     * Runs alone: accepts every batch and prints it; serves two court debtors of the demo city at
     * {@code /upstream/court/entries}.
     */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8099;
        StandInProvince province = new StandInProvince(port, true);
        province.publish("court", "{\"id\":\"SXBZXR-DEMO-1\",\"listType\":\"COURT-DEBTOR\",\"subject\":{\"name\":\"示例市拖欠建材有限公司\","
                + "\"creditCode\":\"91320200MA1QK8T26N\"},\"documentNumber\":\"（2026）示0201执1001号\",\"authority\":\"示例市中级人民法院\","
                + "\"listedOn\":\"2026-10-15\",\"removedOn\":null}");
        System.out.println("Stand-in province at " + province.url() + " (batches at /batches, court list at /upstream/court)");
    }
}
