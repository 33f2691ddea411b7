package gongxin.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gongxin.lists.UpstreamLists;
import gongxin.platform.ClusterLock;
import gongxin.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pulls upstream lists from their sources (docs/api.md, "Exchange with the provincial platform"): pages of entries
 * from the cursor where the last pull stopped, each page taken by the lists module in its own transaction and the
 * cursor moved after it, so that a pull cut short is taken up again and a page pulled twice changes nothing. A source
 * that is down leaves its cursor where it was; the failure is shown with the source and retried at the next run.
 */
@Component
class UpstreamPulls {

    private static final Logger log = LoggerFactory.getLogger(UpstreamPulls.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a pull did: entries read, and what they made. */
    record Pull(String source, int pulled, int created, int removed, int unchanged, List<Map<String, Object>> refused) {
    }

    /** A source as staff see it. */
    record Source(String code, String name, String listType, String cursor, java.time.Instant lastAttemptAt,
                  java.time.Instant lastSuccessAt, String lastError, long pulled) {
    }

    private final ExchangeProperties properties;
    private final UpstreamLists lists;
    private final ClusterLock lock;
    private final UpstreamSourceRepository repository;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    UpstreamPulls(ExchangeProperties properties, UpstreamLists lists, ClusterLock lock, UpstreamSourceRepository repository,
                  Clock clock) {
        this.properties = properties;
        this.lists = lists;
        this.lock = lock;
        this.repository = repository;
        this.clock = clock;
    }

    @Scheduled(cron = "${gongxin.exchange.pull-cron:0 */10 * * * *}", zone = "${gongxin.zone:Asia/Shanghai}")
    void inBackground() {
        if (!properties.worker()) {
            return;
        }
        for (String source : properties.upstream().keySet()) {
            try {
                lock.runIfFree("exchange-pull:" + source, () -> pullPages(source, "platform"));
            } catch (RuntimeException e) {
                log.warn("Pull of upstream source {} failed; retried at the next run: {}", source, e.getMessage());
            }
        }
    }

    /** Pulls a source now (an admin or an {@code exchange} client asked), waiting for a pull already running. */
    Pull pull(String source, String actor) {
        config(source);
        return lock.runExclusively("exchange-pull:" + source, () -> pullPages(source, actor));
    }

    List<Source> sources() {
        List<Source> out = new ArrayList<>();
        properties.upstream().forEach((code, config) -> {
            Optional<UpstreamSourceRepository.State> state = repository.state(code);
            out.add(new Source(code, config.name(), config.listType(), state.map(UpstreamSourceRepository.State::cursor).orElse(null),
                    state.map(UpstreamSourceRepository.State::lastAttemptAt).orElse(null),
                    state.map(UpstreamSourceRepository.State::lastSuccessAt).orElse(null),
                    state.map(UpstreamSourceRepository.State::lastError).orElse(null),
                    state.map(UpstreamSourceRepository.State::pulled).orElse(0L)));
        });
        out.sort(java.util.Comparator.comparing(Source::code));
        return out;
    }

    private Pull pullPages(String source, String actor) {
        ExchangeProperties.Upstream config = config(source);
        String cursor = repository.attempt(source, clock.instant());
        int pulled = 0;
        int created = 0;
        int removed = 0;
        int unchanged = 0;
        List<Map<String, Object>> refused = new ArrayList<>();
        while (true) {
            JsonNode page;
            try {
                page = fetch(config, cursor);
            } catch (SourceDown e) {
                repository.failed(source, e.getMessage());
                throw new SourceUnavailable(source, e.getMessage());
            }
            List<UpstreamLists.Pulled> entries = new ArrayList<>();
            if (page.has("entries")) {
                for (JsonNode e : page.get("entries")) {
                    JsonNode subject = e.path("subject");
                    entries.add(new UpstreamLists.Pulled(text(e, "id"), text(subject, "name"), text(subject, "creditCode"),
                            text(subject, "idNumber"), text(e, "documentNumber"), text(e, "authority"), date(e, "listedOn"),
                            date(e, "removedOn")));
                }
            }
            String next = page.hasNonNull("next") ? page.get("next").asString() : null;
            if (!entries.isEmpty()) {
                UpstreamLists.Applied applied = lists.apply(config.listType(), source, entries, actor);
                pulled += entries.size();
                created += applied.created();
                removed += applied.removed();
                unchanged += applied.unchanged();
                refused.addAll(applied.refused());
            }
            if (next != null) {
                cursor = next;
            }
            repository.advance(source, cursor, entries.size());
            if (next == null || entries.isEmpty()) {
                break;
            }
        }
        repository.succeeded(source, clock.instant());
        return new Pull(source, pulled, created, removed, unchanged, refused);
    }

    /** A source did not answer a page: what was pulled before stays, the cursor where it stopped. */
    static final class SourceUnavailable extends RuntimeException {
        final String source;

        SourceUnavailable(String source, String why) {
            super("上游来源 " + source + " 暂时无法访问（" + why + "），稍后自动重试；已拉取的部分已保存");
            this.source = source;
        }
    }

    private static final class SourceDown extends Exception {
        SourceDown(String message) {
            super(message);
        }
    }

    private JsonNode fetch(ExchangeProperties.Upstream config, String cursor) throws SourceDown {
        String base = config.url().toString();
        String uri = (base.endsWith("/") ? base : base + "/") + "entries?limit=" + config.pageSize()
                + (cursor == null ? "" : "&since=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new SourceDown("HTTP " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SourceDown(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceDown("interrupted");
        } catch (RuntimeException e) {
            throw new SourceDown("答复无法解析：" + e.getMessage());
        }
    }

    private ExchangeProperties.Upstream config(String source) {
        ExchangeProperties.Upstream config = properties.upstream().get(source);
        if (config == null || config.url() == null || config.listType() == null) {
            throw new NotFoundException("没有该上游来源：" + source);
        }
        return config;
    }

    private static String text(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) ? node.get(field).asString() : null;
    }

    private static LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

}
