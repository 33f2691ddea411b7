package gongxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import gongxin.support.IntegrationTest;
import gongxin.support.TestDatabase;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 25 ("Also"): the API fuzzed from its own OpenAPI document. For every operation, requests are generated from
 * its schemas by a seeded generator (path and query parameters, a JSON body, mostly well-typed, sometimes not:
 * wrong types, nulls, impossible dates, Chinese text) and sent by the
 * anonymous public, a staff administrator and a system with every scope; every answer must be below 500 and must be
 * one the document states for the operation, its body valid against the documented schema (checked by Atlassian's
 * swagger-request-validator). The seed is printed; {@code -Dgongxin.fuzz.seed=<seed>} repeats a run,
 * {@code -Dgongxin.fuzz.tries=<n>} sets the requests per operation and caller.
 * <p>
 * It runs against a database of its own (a fresh installation with the demo city), so that whatever a generated
 * request manages to change cannot disturb the other tests.
 */
class ApiFuzzTest extends IntegrationTest {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("gongxin.test.database", ApiFuzzTest::freshDatabase);
    }

    private static String database;

    /** Created once per test JVM: the property is read more than once while the context starts. */
    private static synchronized String freshDatabase() {
        if (database == null) {
            TestDatabase.freshDatabase("gongxin_fuzz");
            database = "gongxin_fuzz";
        }
        return database;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CHARS = "abcXYZ0123456789-_ 示例市公司张三有限信用〔〕号";

    private JsonNode doc;

    @Test
    void generated_requests_get_documented_answers_and_never_a_5xx() {
        long seed = Long.getLong("gongxin.fuzz.seed", new SecureRandom().nextLong());
        int tries = Integer.getInteger("gongxin.fuzz.tries", 3);
        System.out.println("API fuzz: seed " + seed + " (repeat with -Dgongxin.fuzz.seed=" + seed + "), " + tries + " tries");
        Random random = new Random(seed);
        TestHttp.Response document = http().get("/v3/api-docs");
        doc = document.json();
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(document.body())
                .build();
        List<TestHttp> callers = List.of(http(), admin(), system());
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (var path : doc.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey();
                JsonNode op = operation.getValue();

                for (int t = 0; t < tries; t++) {
                    for (TestHttp caller : callers) {
                        Generated g = request(path.getKey(), op, random);
                        TestHttp.Response response = send(caller, method, g);
                        sent++;
                        String what = method.toUpperCase() + " " + g.path() + (g.body() == null ? "" : " " + g.body());
                        if (response.status() >= 500) {
                            failures.add(what + " → " + response.status() + " " + response.body());
                            continue;
                        }
                        ValidationReport report = validator.validateResponse(g.path().replaceFirst("\\?.*", ""),
                                Request.Method.valueOf(method.toUpperCase()), SimpleResponse.Builder.status(response.status())
                                        .withContentType(response.header("Content-Type"))
                                        .withBody(textual(response) ? response.body() : new String(response.bytes(), StandardCharsets.ISO_8859_1)).build());
                        if (report.hasErrors()) {
                            failures.add(what + " → " + response.status() + ": " + report.getMessages().stream()
                                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR).map(ValidationReport.Message::getMessage)
                                    .toList());
                        }
                    }
                }
            }
        }
        System.out.println("API fuzz: " + sent + " requests, " + failures.size() + " failures");
        assertThat(failures).as("seed " + seed).isEmpty();
    }

    private TestHttp admin() {
        TestHttp http = staff("admin");
        return http.header("X-CSRF-TOKEN", http.csrfOf("/purpose"));
    }

    private TestHttp system() {
        return apiClient(newApiClient("CITY-SAMR", "submit", "check", "share", "exchange")).purpose(TEST_PURPOSE);
    }

    private static boolean textual(TestHttp.Response response) {
        String type = response.header("Content-Type");
        return type != null && (type.contains("json") || type.startsWith("text/"));
    }

    /** A generated request: the path with its query, and a JSON body or none. */
    record Generated(String path, String body, String contentType) {
    }

    private TestHttp.Response send(TestHttp caller, String method, Generated g) {
        if (g.contentType() != null && g.contentType().startsWith("multipart/")) {
            return caller.multipart(g.path(), "file", "fuzz.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), Map.of());
        }
        return caller.request(method, g.path(), g.body() == null ? null : g.contentType(),
                g.body() == null ? null : g.body().getBytes(StandardCharsets.UTF_8));
    }

    /** A request of the operation: its path and query from their schemas, and a JSON body from its schema. */
    private Generated request(String template, JsonNode op, Random random) {
        String path = template;
        StringBuilder query = new StringBuilder();
        for (JsonNode p : op.path("parameters")) {
            String in = p.path("in").asString();
            String name = p.path("name").asString();
            if (!in.equals("path") && !in.equals("query")) {
                continue;
            }
            boolean always = in.equals("path") || p.path("required").asBoolean();
            if (!always && random.nextInt(3) == 0) {
                continue;
            }
            String encoded = java.net.URLEncoder.encode(text(value(p.path("schema"), 0, random)), StandardCharsets.UTF_8).replace("+", "%20");
            if (in.equals("path")) {
                path = path.replace("{" + name + "}", encoded.isEmpty() ? "x" : encoded);
            } else {
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encoded);
            }
        }
        JsonNode content = op.path("requestBody").path("content");
        String type = content.isMissingNode() || content.isEmpty() ? null : content.propertyNames().iterator().next();
        String body = type == null || type.startsWith("multipart/") ? null
                : JSON.writeValueAsString(value(content.path(type).path("schema"), 0, random));
        return new Generated(path + query, body, type == null ? null : type.startsWith("multipart/") ? type : "application/json");
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof Map || value instanceof List ? JSON.writeValueAsString(value) : value.toString();
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return doc.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A value of a schema, well-typed nine times in ten; deeper than three levels, nothing. */
    private Object value(JsonNode raw, int depth, Random random) {
        JsonNode schema = resolve(raw);
        if (random.nextInt(10) == 0) {
            return pick(random, java.util.Arrays.asList(null, random.nextInt(5) - 1, string(random, 8)));
        }
        if (schema.has("enum")) {
            List<Object> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add(v.isNull() ? null : v.isString() ? v.asString() : v.toString()));
            return pick(random, values);
        }
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        String format = schema.path("format").asString("");
        switch (type) {
            case "integer":
                return random.nextBoolean() ? (long) random.nextInt(6) - 2 : (long) (random.nextDouble() * 10_000_000_000L);
            case "number":
                return random.nextDouble() * 1_000_000;
            case "boolean":
                return random.nextBoolean();
            case "array": {
                List<Object> list = new ArrayList<>();
                for (int i = depth > 3 ? 0 : random.nextInt(4); i > 0; i--) {
                    list.add(value(schema.path("items"), depth + 1, random));
                }
                return list;
            }
            case "object": {
                Map<String, Object> m = new LinkedHashMap<>();
                if (depth <= 3) {
                    for (var property : schema.path("properties").properties()) {
                        if (random.nextInt(5) != 0) {
                            m.put(property.getKey(), value(property.getValue(), depth + 1, random));
                        }
                    }
                }
                return m;
            }
            default:
                return switch (format) {
                    case "date" -> random.nextInt(4) == 0 ? pick(random, List.of("2026-02-30", "", "明天"))
                            : (2014 + random.nextInt(18)) + "-06-15";
                    case "date-time" -> pick(random, List.of("2026-11-24T02:00:00Z", "2026-11-24", "x"));
                    case "uuid" -> new java.util.UUID(random.nextLong(), random.nextLong()).toString();
                    default -> random.nextBoolean() ? string(random, 30)
                            : pick(random, List.of("91329900MA0000001X", "110101199003074514", "XZCF", "CITY-SAMR", "BIDDING", "SAMR-SERIOUS"));
                };
        }
    }

    private static String string(Random random, int maxLength) {
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            b.appendCodePoint(CHARS.codePointAt(CHARS.offsetByCodePoints(0, random.nextInt(CHARS.codePointCount(0, CHARS.length())))));
        }
        return b.toString();
    }
}
