package gongxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import gongxin.support.IntegrationTest;
import gongxin.support.TestHttp;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Who may call what, generated from the OpenAPI document: every operation it lists is called by the anonymous
 * public, by a staff user of each role, and by a system with each scope, and answers as the rule the document
 * states for it ({@code x-access}, the endpoint's {@code @PreAuthorize}) says: refused with 401 or 403 when the rule
 * does not allow the caller, not refused otherwise. A new endpoint is covered the moment it exists. (That a caller
 * acts only for its own departments is a rule on the data, not on the endpoint: the tests of each module hold it.)
 */
class ApiAccessTest extends IntegrationTest {

    /** A caller, and what the access rules see of it. */
    record Who(String name, TestHttp http, Set<String> roles, Set<String> scopes) {
        boolean anonymous() {
            return roles.isEmpty() && scopes.isEmpty();
        }
    }

    private static final Pattern ONE = Pattern.compile("(\\w+)\\(([^)]*)\\)");

    /** Evaluates the access expressions the platform uses; an unknown one fails the test until it is taught here. */
    static boolean allows(String expression, Who who) {
        for (String alternative : expression.split("\\s+or\\s+")) {
            Matcher m = ONE.matcher(alternative.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("access rule not understood by the test: " + expression);
            }
            List<String> args = Stream.of(m.group(2).split(",")).map(a -> a.trim().replace("'", "")).filter(a -> !a.isEmpty()).toList();
            boolean ok = switch (m.group(1)) {
                case "permitAll" -> true;
                case "denyAll" -> false;
                case "isAuthenticated" -> !who.anonymous();
                case "hasRole", "hasAnyRole" -> args.stream().anyMatch(who.roles()::contains);
                case "hasAuthority", "hasAnyAuthority" -> args.stream().anyMatch(a -> a.startsWith("SCOPE_") && who.scopes().contains(a.substring(6)));
                default -> throw new IllegalArgumentException("access rule not understood by the test: " + expression);
            };
            if (ok) {
                return true;
            }
        }
        return false;
    }

    private JsonNode document() {
        TestHttp.Response response = http().get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    record Op(String method, String path, JsonNode spec) {
        String access() {
            return spec.path("x-access").asString();
        }
    }

    private List<Op> operations(JsonNode doc) {
        List<Op> ops = new ArrayList<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                ops.add(new Op(op.getKey(), path.getKey(), op.getValue()))));
        return ops;
    }

    @Test
    void the_document_can_drive_a_client_generator() {
        JsonNode doc = document();
        assertThat(doc.get("info").get("title").asString()).contains("公信");
        assertThat(doc.get("info").get("version").asString()).isEqualTo("1.0.0");
        assertThat(doc.get("components").get("securitySchemes").has("bearer")).isTrue();
        assertThat(doc.get("components").get("securitySchemes").has("session")).isTrue();
        List<Op> ops = operations(doc);
        assertThat(ops).hasSizeGreaterThan(40);
        SoftAssertions soft = new SoftAssertions();
        for (Op op : ops) {
            String name = op.method().toUpperCase() + " " + op.path();
            soft.assertThat(op.spec().path("summary").asString()).as("summary of " + name).isNotBlank();
            soft.assertThat(op.spec().has("security")).as("security of " + name).isTrue();
            soft.assertThat(op.access()).as("x-access of " + name).isNotBlank().isNotEqualTo("denyAll()");
            soft.assertThat(op.spec().path("responses").has("422")).as("problem responses of " + name).isTrue();
        }
        soft.assertAll();
    }

    @TestFactory
    Stream<DynamicTest> every_operation_answers_each_caller_as_its_rule_says() {
        List<Who> callers = callers();
        return operations(document()).stream().map(op -> DynamicTest.dynamicTest(op.method().toUpperCase() + " " + op.path(), () -> {
            SoftAssertions soft = new SoftAssertions();
            for (Who who : callers) {
                TestHttp.Response response = call(who.http(), op);
                boolean allowed = allows(op.access(), who);
                String as = who.name() + " → " + op.method().toUpperCase() + " " + op.path() + " (" + op.access() + "): " + response;
                if (allowed) {
                    soft.assertThat(response.status()).as(as).isNotIn(401, 403);
                } else {
                    soft.assertThat(response.status()).as(as).isEqualTo(who.anonymous() ? 401 : 403);
                }
            }
            soft.assertAll();
        }));
    }

    private List<Who> callers() {
        List<Who> callers = new ArrayList<>();
        callers.add(new Who("anonymous", http(), Set.of(), Set.of()));
        for (String[] staff : new String[][]{{"admin", "ADMIN"}, {"operator", "OPERATOR"}, {"reviewer", "REVIEWER"},
                {"auditor", "AUDITOR"}, {"county-operator", "OPERATOR"}}) {
            TestHttp http = staff(staff[0]);
            http.header("X-CSRF-TOKEN", http.csrfOf("/purpose")).purpose(TEST_PURPOSE);
            callers.add(new Who(staff[0], http, Set.of(staff[1]), Set.of()));
        }
        for (String scope : new String[]{"submit", "check", "share", "exchange"}) {
            callers.add(new Who("system with " + scope, apiClient(newApiClient("CITY-SAMR", scope)).purpose(TEST_PURPOSE),
                    Set.of(), Set.of(scope)));
        }
        return callers;
    }

    /** The operation with placeholder values: whatever it answers, it must not be a refusal it should not be. */
    /**
     * Issue 25, finding 2: every operation that takes a body is called without credentials, once declaring a body of
     * 1 GB of which only a byte is sent, and once with malformed JSON. A refusal comes at once, before the body is read
     * (the server would otherwise wait for the rest of it, and the socket's read would time out); an open operation
     * bounds its body (411, 413) the same way; nothing answers 5xx.
     */
    @TestFactory
    Stream<DynamicTest> without_credentials_no_body_is_read_and_nothing_fails() {
        Who anonymous = new Who("anonymous", http(), Set.of(), Set.of());
        return operations(document()).stream().filter(op -> Set.of("post", "put", "patch").contains(op.method()))
                .map(op -> DynamicTest.dynamicTest(op.method().toUpperCase() + " " + op.path(), () -> {
                    String path = concrete(op);
                    JsonNode content = op.spec().path("requestBody").path("content");
                    String type = content.isMissingNode() || content.isEmpty() ? "application/json" : content.propertyNames().iterator().next();
                    if (type.startsWith("multipart/")) {
                        type = "multipart/form-data; boundary=gongxin";
                    }
                    boolean open = allows(op.access(), anonymous);
                    int huge = rawStatus(op.method().toUpperCase(), path, type, 1L << 30, "{");
                    if (open) {
                        assertThat(huge).as("an open operation bounds its body before reading it").isIn(411, 413);
                    } else {
                        assertThat(huge).as("refused before the body is read").isEqualTo(401);
                    }
                    TestHttp.Response malformed = http().request(op.method(), path, type.startsWith("multipart/") ? "application/json" : type,
                            "{\"a\":".getBytes(StandardCharsets.UTF_8));
                    assertThat(malformed.status()).as(malformed.toString()).isLessThan(500);
                    if (!open) {
                        assertThat(malformed.status()).isEqualTo(401);
                    }
                }));
    }

    /** Issue 25, finding 2: an authenticated caller's body is bounded too, by what its endpoint takes, before it is read. */
    @Test
    void an_authenticated_body_over_its_endpoints_bound_is_refused_before_it_is_read() throws java.io.IOException {
        String bearer = "Authorization: Bearer " + DEMO_API_KEY + "\r\n";
        assertThat(rawStatus("POST", "/api/v1/checks", "application/json", 17L * 1024 * 1024, "{", bearer)).isEqualTo(413);
        assertThat(rawStatus("POST", "/api/v1/lists/imports", "multipart/form-data; boundary=x", 65L * 1024 * 1024, "--x", bearer))
                .isEqualTo(413);
        assertThat(rawStatus("POST", "/api/v1/submissions", "application/json", 257L * 1024 * 1024, "{", bearer)).isEqualTo(413);
    }

    private int rawStatus(String method, String path, String type, long declared, String sent) throws java.io.IOException {
        return rawStatus(method, path, type, declared, sent, "");
    }

    /**
     * The same for the staff pages' upload forms: without a signed-in session, a multipart body is not parsed (the CSRF
     * filter would read it looking for its token), even with a made-up session cookie.
     */
    @Test
    void a_staff_upload_form_without_a_signed_in_session_is_not_read() throws java.io.IOException {
        for (String page : List.of("/collection", "/sharing/consents", "/admin/calendar")) {
            assertThat(rawStatus("POST", page, "multipart/form-data; boundary=x", 1L << 30, "--x")).as(page).isEqualTo(302);
            assertThat(rawStatus("POST", page, "multipart/form-data; boundary=x", 1L << 30, "--x",
                    "Cookie: GONGXIN_SESSION=" + java.util.Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes()) + "\r\n"))
                    .as(page + " with a made-up session").isEqualTo(302);
        }
    }

    /** Sends the request line and headers and a part of the declared body; the status line of the answer. */
    private int rawStatus(String method, String path, String type, long declared, String sent, String headers) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "Content-Type: " + type
                    + "\r\nContent-Length: " + declared + "\r\nConnection: close\r\n\r\n" + sent;
            socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = reader.readLine();
            assertThat(status).as(method + " " + path).startsWith("HTTP/1.1 ");
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    /** The operation's path with placeholder values for its path and required query parameters. */
    private String concrete(Op op) {
        String path = op.path();
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonNode p : op.spec().path("parameters")) {
            boolean inPath = "path".equals(p.path("in").asString());
            // nothing with these identifiers exists: a department's rules on the data never come into play
            String value = inPath && p.path("schema").path("type").asString().equals("integer") ? "999999999"
                    : placeholder(p.path("schema"));
            if (inPath) {
                path = path.replace("{" + p.get("name").asString() + "}", value);
            } else if ("query".equals(p.path("in").asString()) && p.path("required").asBoolean()) {
                query.put(p.get("name").asString(), value);
            }
        }
        if (!query.isEmpty()) {
            StringBuilder q = new StringBuilder();
            query.forEach((k, v) -> q.append(q.isEmpty() ? "?" : "&").append(k).append('=').append(v));
            path += q;
        }
        return path;
    }

    private TestHttp.Response call(TestHttp http, Op op) {
        String path = concrete(op);
        JsonNode content = op.spec().path("requestBody").path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return http.request(op.method(), path, null, null);
        }
        String type = content.propertyNames().iterator().next();
        if (type.startsWith("multipart/")) {
            return op.method().equals("post") ? http.multipart(path, "file", "x.bin", "x,y\n1,2\n".getBytes(StandardCharsets.UTF_8), Map.of())
                    : http.request(op.method(), path, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        }
        byte[] body = type.contains("json") ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[]{1, 2, 3, 4};
        return http.request(op.method(), path, type, body);
    }

    private static String placeholder(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asString();
        }
        String format = schema.path("format").asString();
        return switch (schema.path("type").asString()) {
            case "integer", "number" -> "1";
            case "boolean" -> "false";
            default -> format.equals("uuid") ? UUID.randomUUID().toString()
                    : format.equals("date") ? "2026-01-05" : format.equals("date-time") ? "2026-01-05T00:00:00Z" : "ZZTEST";
        };
    }
}
