package gongxin.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP as a browser or a provider system does it: cookies, the CSRF token of forms, bearer keys, multipart. */
public class TestHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;
    private String bearer;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    public TestHttp(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public TestHttp bearer(String key) {
        this.bearer = key;
        return this;
    }

    /** A header sent with every later request (e.g. {@code X-Purpose}). */
    public TestHttp header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    /** The declared purpose of later requests: {@code X-Purpose}, percent-encoded UTF-8 as the contract asks. */
    public TestHttp purpose(String purpose) {
        return header("X-Purpose", URLEncoder.encode(purpose, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    public String base() {
        return base;
    }

    public CookieManager cookies() {
        return cookies;
    }

    /** Signs in through the login form; returns the redirect target. */
    public String login(String username, String password) {
        String csrf = csrfOf("/login");
        Response response = form("/login", Map.of("username", username, "password", password, "_csrf", csrf));
        return response.header("Location");
    }

    /** The CSRF token of the form on {@code page}. */
    public String csrfOf(String page) {
        Response response = get(page);
        Matcher m = CSRF.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + page + " (status " + response.status() + ")");
        }
        return m.group(1);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response postJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    public Response postJsonWithKey(String path, Object body, String idempotencyKey) {
        return send(request(path).header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** A JSON POST as the pages' scripts send it: with the CSRF token of {@code csrfPage} in a header. */
    public Response postJsonWithCsrf(String path, Object body, String csrfPage) {
        String csrf = csrfOf(csrfPage);
        return send(request(path).header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    /** A JSON PUT with the CSRF token of {@code csrfPage} in a header. */
    public Response putJsonWithCsrf(String path, Object body, String csrfPage) {
        String csrf = csrfOf(csrfPage);
        return send(request(path).header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf)
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    /** Any method, with a body of this type or none. */
    public Response request(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder builder = request(path);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.method(method.toUpperCase(java.util.Locale.ROOT),
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A body of known length. */
    public Response postBytes(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A body without a declared length: sent chunked. */
    public Response postChunked(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
    }

    public Response form(String path, Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((k, v) -> {
            pairs.add(k);
            pairs.add(v);
        });
        return formPairs(path, pairs.toArray(String[]::new));
    }

    /** A form POST whose fields may repeat: name, value, name, value… */
    public Response formPairs(String path, String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** A multipart POST: {@code file} is sent as the part named {@code fileField}, the rest as text parts. */
    public Response multipart(String path, String fileField, String filename, byte[] file, Map<String, String> fields) {
        String boundary = "----gongxin" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                        + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                    + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(file);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .header("Accept-Language", "zh-CN");
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        extraHeaders.forEach(builder::header);
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            return new Response(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body as bytes, text or JSON. */
    public record Response(int status, Map<String, String> headers, byte[] bytes) {

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(body());
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        @Override
        public String toString() {
            return status + " " + body();
        }
    }
}
