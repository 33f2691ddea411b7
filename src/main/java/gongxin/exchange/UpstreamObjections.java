package gongxin.exchange;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongxin.lists.UpstreamObjection;
import gongxin.platform.ClusterLock;
import gongxin.platform.KeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Objections to entries pulled from an upstream source are passed on to the source (issue 23; the plans: the keeping
 * department takes the objection, the authority that determined the entry verifies it). Each step the keeping
 * department records (filed, accepted, decided) is queued in its own transaction and sent, signed with the platform's
 * SM2 key, to {@code {source url}/objections}, one step at a time in order per source, until the source answers 2xx;
 * a source that is down keeps them queued and is tried again at the next run.
 */
@Component
class UpstreamObjections {

    private static final Logger log = LoggerFactory.getLogger(UpstreamObjections.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What one run sent, and what is still waiting. */
    record Sent(int sent, int waiting, String lastError) {
    }

    private final JdbcClient jdbc;
    private final ExchangeProperties properties;
    private final KeyRing keys;
    private final ClusterLock lock;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    UpstreamObjections(JdbcClient jdbc, ExchangeProperties properties, KeyRing keys, ClusterLock lock, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.keys = keys;
        this.lock = lock;
        this.clock = clock;
    }

    /** Queued in the transaction of the step itself: a step that committed is never lost. */
    @EventListener
    void on(UpstreamObjection step) {
        jdbc.sql("""
                insert into exchange.upstream_objection (source, upstream_id, list_entry_id, list_type, application, step, step_on,
                                                         outcome, queued_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (application, step) do nothing""")
                .params(step.source(), step.upstreamId(), step.listEntryId(), step.listType(), step.applicationNumber(),
                        step.step().name(), step.on(), step.outcome(), Timestamp.from(clock.instant())).update();
    }

    @Scheduled(fixedDelayString = "${gongxin.exchange.objection-delay:PT30S}", initialDelayString = "PT20S")
    void inBackground() {
        if (properties.worker()) {
            try {
                lock.runIfFree("exchange-upstream-objections", this::send);
            } catch (RuntimeException e) {
                log.warn("Passing objections upstream failed; retried at the next run", e);
            }
        }
    }

    /** Sends every waiting step, in order per source; a source that fails stops its own steps only. */
    Sent send() {
        int sent = 0;
        String lastError = null;
        List<Map<String, Object>> waiting = jdbc.sql("select * from exchange.upstream_objection where status = 'PENDING' order by source, id")
                .query().listOfRows();
        java.util.Set<String> failedSources = new java.util.HashSet<>();
        for (Map<String, Object> row : waiting) {
            String source = (String) row.get("source");
            if (failedSources.contains(source)) {
                continue; // the source's steps keep their order: a later one waits for the earlier
            }
            ExchangeProperties.Upstream upstream = properties.upstream().get(source);
            String error = upstream == null || upstream.url() == null ? "没有配置上游来源 " + source : post(upstream.url(), row);
            long id = ((Number) row.get("id")).longValue();
            if (error == null) {
                jdbc.sql("update exchange.upstream_objection set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                        .params(Timestamp.from(clock.instant()), id).update();
                sent++;
            } else {
                jdbc.sql("update exchange.upstream_objection set attempts = attempts + 1, last_error = ? where id = ?").params(error, id).update();
                failedSources.add(source);
                lastError = error;
            }
        }
        int still = jdbc.sql("select count(*) from exchange.upstream_objection where status = 'PENDING'").query(Integer.class).single();
        return new Sent(sent, still, lastError);
    }

    private String post(URI base, Map<String, Object> row) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("city", properties.province().city());
        message.put("applicationNumber", row.get("application"));
        message.put("upstreamId", row.get("upstream_id"));
        message.put("listType", row.get("list_type"));
        message.put("step", row.get("step"));
        message.put("on", String.valueOf(row.get("step_on")));
        message.put("outcome", row.get("outcome"));
        byte[] body = JSON.writeValueAsBytes(message);
        String url = base.toString().endsWith("/") ? base + "objections" : base + "/objections";
        HttpRequest request = SignedPost.of(keys, URI.create(url), body, Duration.ofSeconds(30));
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (java.io.IOException e) {
            return "无法连接上游来源: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The steps passed on or waiting, newest first. */
    List<Map<String, Object>> recent(int limit) {
        return jdbc.sql("""
                select id, source, upstream_id as "upstreamId", list_entry_id as "listEntryId", application as "applicationNumber",
                       step, step_on::text as "on", outcome, status, attempts, last_error as "lastError", sent_at as "sentAt"
                  from exchange.upstream_objection order by id desc limit ?""").param(limit).query().listOfRows();
    }
}
