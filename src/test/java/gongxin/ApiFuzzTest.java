package gongxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import gongxin.support.IntegrationTest;
import gongxin.support.TestDatabase;
import gongxin.support.TestHttp;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 25 ("Also"): the API fuzzed from its own OpenAPI document. For every operation, requests are generated from
 * its schemas with jqwik (path and query parameters, a JSON body, mostly well-typed, sometimes not) and sent by the
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
        registry.add("spring.datasource.url", () -> TestDatabase.freshDatabase("gongxin_fuzz"));
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CHARS = "abcXYZ0123456789-_ 示例市公司张三有限信用〔〕号";

    private JsonNode doc;

    @Test
    void generated_requests_get_documented_answers_and_never_a_5xx() {
        long seed = Long.getLong("gongxin.fuzz.seed", new SecureRandom().nextLong());
        int tries = Integer.getInteger("gongxin.fuzz.tries", 3);
        System.out.println("API fuzz: seed " + seed + " (repeat with -Dgongxin.fuzz.seed=" + seed + "), " + tries + " tries");
        // jqwik's samples draw from its thread's source of randomness: seeded, a run repeats
        net.jqwik.engine.SourceOfRandomness.create(Long.toString(seed));
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
                Arbitrary<Generated> requests = request(path.getKey(), op);
                for (int t = 0; t < tries; t++) {
                    for (TestHttp caller : callers) {
                        Generated g = requests.sample();
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

    private Arbitrary<Generated> request(String template, JsonNode op) {
        List<Arbitrary<String[]>> parts = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            String in = p.path("in").asString();
            String name = p.path("name").asString();
            if (!in.equals("path") && !in.equals("query")) {
                continue;
            }
            Arbitrary<String> value = value(p.path("schema"), 0).map(ApiFuzzTest::text);
            boolean always = in.equals("path") || p.path("required").asBoolean();
            Arbitrary<String[]> part = value.map(v -> new String[]{in, name, v});
            parts.add(always ? part : Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, part),
                    net.jqwik.api.Tuple.of(1, Arbitraries.just(new String[]{in, name, null}))));
        }
        JsonNode content = op.path("requestBody").path("content");
        String type = content.isMissingNode() || content.isEmpty() ? null : content.propertyNames().iterator().next();
        Arbitrary<String> body = type == null || type.startsWith("multipart/") ? Arbitraries.just(null)
                : value(content.path(type).path("schema"), 0).map(v -> JSON.writeValueAsString(v));
        Arbitrary<List<String[]>> all = parts.isEmpty() ? Arbitraries.just(List.of()) : Combinators.combine(parts).as(l -> l);
        return Combinators.combine(all, body).as((ps, b) -> {
            String path = template;
            StringBuilder query = new StringBuilder();
            for (String[] p : ps) {
                if (p[2] == null) {
                    continue;
                }
                String encoded = java.net.URLEncoder.encode(p[2], StandardCharsets.UTF_8).replace("+", "%20");
                if (p[0].equals("path")) {
                    path = path.replace("{" + p[1] + "}", encoded.isEmpty() ? "x" : encoded);
                } else {
                    query.append(query.isEmpty() ? "?" : "&").append(p[1]).append('=').append(encoded);
                }
            }
            return new Generated(path + query, b, type == null ? null : type.startsWith("multipart/") ? type : "application/json");
        });
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

    /** Values of a schema, well-typed nine times in ten; deeper than three levels, nothing. */
    private Arbitrary<Object> value(JsonNode raw, int depth) {
        JsonNode schema = resolve(raw);
        Arbitrary<Object> typed = typed(schema, depth);
        Arbitrary<Object> wrong = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.integers().between(-1, 3).map(i -> (Object) i),
                Arbitraries.strings().withChars(CHARS).ofMaxLength(8).map(s -> (Object) s));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, typed), net.jqwik.api.Tuple.of(1, wrong));
    }

    private Arbitrary<Object> typed(JsonNode schema, int depth) {
        if (schema.has("enum")) {
            List<Object> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add(v.isString() ? v.asString() : v.toString()));
            return Arbitraries.of(values);
        }
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        String format = schema.path("format").asString("");
        return switch (type) {
            case "integer" -> Arbitraries.oneOf(Arbitraries.longs().between(-2, 3), Arbitraries.longs().between(0, 10_000_000_000L))
                    .map(l -> (Object) l);
            case "number" -> Arbitraries.doubles().between(-1, 1_000_000).map(d -> (Object) d);
            case "boolean" -> Arbitraries.of(true, false).map(b -> (Object) b);
            case "array" -> depth > 3 ? Arbitraries.just(List.of())
                    : value(schema.path("items"), depth + 1).list().ofMaxSize(3).map(l -> (Object) l);
            case "object" -> depth > 3 ? Arbitraries.just(Map.of()) : object(schema, depth);
            default -> switch (format) {
                case "date" -> Arbitraries.oneOf(Arbitraries.integers().between(2014, 2031).map(y -> y + "-06-15"),
                        Arbitraries.of("2026-02-30", "", "明天")).map(s -> (Object) s);
                case "date-time" -> Arbitraries.of("2026-11-24T02:00:00Z", "2026-11-24", "x").map(s -> (Object) s);
                case "uuid" -> Arbitraries.longs().map(l -> (Object) new java.util.UUID(l, ~l).toString());
                default -> Arbitraries.oneOf(Arbitraries.strings().withChars(CHARS).ofMaxLength(30),
                        Arbitraries.of("91329900MA0000001X", "110101199003074514", "XZCF", "CITY-SAMR", "BIDDING", "SAMR-SERIOUS"))
                        .map(s -> (Object) s);
            };
        };
    }

    private Arbitrary<Object> object(JsonNode schema, int depth) {
        List<Arbitrary<Object[]>> fields = new ArrayList<>();
        for (var property : schema.path("properties").properties()) {
            Arbitrary<Object[]> field = value(property.getValue(), depth + 1).map(v -> new Object[]{property.getKey(), v});
            fields.add(Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, field), net.jqwik.api.Tuple.of(1, Arbitraries.just(new Object[0]))));
        }
        if (fields.isEmpty()) {
            return Arbitraries.just(Map.of());
        }
        return Combinators.combine(fields).as(list -> {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Object[] f : list) {
                if (f.length == 2) {
                    m.put((String) f[0], f[1]);
                }
            }
            return (Object) m;
        });
    }
}
