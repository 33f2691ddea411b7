package gongxin.records;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gongxin.catalog.Catalog;
import gongxin.catalog.CatalogItem;
import gongxin.catalog.RuleSet;
import gongxin.catalog.RuleSets;
import gongxin.catalog.Severity;
import gongxin.entries.CreditEntriesChanged;
import gongxin.entries.EntryChange;
import gongxin.entries.EntryKind;
import gongxin.entries.EntryRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * When a rule set takes effect, records already stored get it if it is more favourable to their subjects (NDRC Order
 * 36 and credit-rules §5: "records keep the rule of their decision date unless a later one is more favourable"): a
 * shorter window, or no longer published by default. The choice is {@link Lifecycle#period}'s, the same one made when
 * a record arrives. A provider's own shorter publicity end is kept. Each change is a transition of the record and an
 * event for the read models; the publicity job then ends windows that have now passed.
 */
@Component
class FavourableRuleSets {

    private static final Logger log = LoggerFactory.getLogger(FavourableRuleSets.class);

    private final JdbcClient jdbc;
    private final RuleSets ruleSets;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    private final gongxin.identity.Departments departments;

    FavourableRuleSets(JdbcClient jdbc, RuleSets ruleSets, Catalog catalog, ApplicationEventPublisher events,
                       TransactionTemplate transactions, Clock clock, gongxin.identity.Departments departments) {
        this.departments = departments;
        this.jdbc = jdbc;
        this.ruleSets = ruleSets;
        this.catalog = catalog;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Applies every rule set in force today that was not applied yet; how many records changed. */
    int apply(LocalDate today) {
        List<RuleSet> all = ruleSets.all();
        int changed = 0;
        for (RuleSet set : all) {
            boolean applied = jdbc.sql("select exists (select 1 from records.rule_set_applied where code = ?)")
                    .param(set.code()).query(Boolean.class).single();
            if (applied || set.effectiveFrom().isAfter(today)) {
                continue;
            }
            Integer n = transactions.execute(status -> {
                int count = reevaluate(set, all, today);
                jdbc.sql("insert into records.rule_set_applied (code, applied_on, records) values (?, ?, ?)")
                        .params(set.code(), today, count).update();
                return count;
            });
            log.info("Rule set {} took effect: {} stored records got its more favourable period", set.code(), n);
            changed += n == null ? 0 : n;
        }
        return changed;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> fieldsOf(String data) {
        Map<String, String> fields = new java.util.HashMap<>();
        if (data != null) {
            json.readValue(data, Map.class).forEach((k, v) -> fields.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        }
        return fields;
    }

    private int reevaluate(RuleSet set, List<RuleSet> all, LocalDate today) {
        List<gongxin.catalog.MatterSector> matterSectors = ruleSets.matterSectors();
        List<Map<String, Object>> rows = jdbc.sql("""
                select id, item_code, item_version, decision_date, severity, window_end, rule_set, status, version, department_code,
                       data::text as data
                  from records.record
                 where status in ('PUBLISHED', 'NOT_PUBLISHED') and rule_set is not null and rule_set <> :code
                   and decision_date < :from
                 order by id for update""")
                .param("code", set.code()).param("from", set.effectiveFrom()).query().listOfRows();
        Map<String, Optional<CatalogItem>> items = new java.util.HashMap<>();
        Instant now = clock.instant();
        int changed = 0;
        for (Map<String, Object> row : rows) {
            Optional<CatalogItem> item = items.computeIfAbsent(row.get("item_code") + "#" + row.get("item_version"),
                    k -> catalog.version((String) row.get("item_code"), ((Number) row.get("item_version")).intValue()));
            if (item.isEmpty()) {
                continue;
            }
            LocalDate decided = ((Date) row.get("decision_date")).toLocalDate();
            Severity severity = row.get("severity") == null ? null : Severity.valueOf((String) row.get("severity"));
            String sector = gongxin.catalog.MatterSector.sectorOf(matterSectors, (String) row.get("item_code"),
                    fieldsOf((String) row.get("data")), departments.find((String) row.get("department_code")).map(d -> d.sector()).orElse(null));
            Optional<Lifecycle.Period> period = Lifecycle.period(item.get(), all, decided, severity, today, sector);
            if (period.isEmpty() || period.get().ruleSet().equals(row.get("rule_set"))) {
                continue;
            }
            LocalDate window = decided.plusMonths(period.get().months());
            LocalDate current = row.get("window_end") == null ? null : ((Date) row.get("window_end")).toLocalDate();
            if (current != null && current.isBefore(window)) {
                window = current; // the provider's own shorter publicity end stays
            }
            RecordStatus from = RecordStatus.valueOf((String) row.get("status"));
            RecordStatus to = from;
            NotPublishedReason reason = null;
            if (!period.get().published() && from == RecordStatus.PUBLISHED) {
                to = RecordStatus.NOT_PUBLISHED;
                reason = NotPublishedReason.SEVERITY_NOT_PUBLISHED;
            }
            long id = ((Number) row.get("id")).longValue();
            jdbc.sql("""
                    update records.record set rule_set = :ruleSet, window_end = :window, status = :status,
                           not_published_reason = case when :reason::text is null then not_published_reason else :reason end,
                           updated_at = :now
                     where id = :id""")
                    .param("ruleSet", period.get().ruleSet()).param("window", window).param("status", to.name())
                    .param("reason", reason == null ? null : reason.name()).param("now", Timestamp.from(now)).param("id", id)
                    .update();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("from", row.get("rule_set"));
            details.put("to", period.get().ruleSet());
            details.put("windowEnd", window.toString());
            jdbc.sql("""
                    insert into records.transition (record_id, occurred_at, kind, from_status, to_status, version, actor, details)
                    values (?, ?, 'RULE_SET_APPLIED', ?, ?, ?, 'system', cast(? as jsonb))""")
                    .params(id, Timestamp.from(now), from.name(), to.name(), ((Number) row.get("version")).intValue(),
                            json.writeValueAsString(details)).update();
            events.publishEvent(new RecordWindowChanged(id, window, to,
                    to == RecordStatus.NOT_PUBLISHED && reason != null ? reason : null));
            events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.RECORD, id), EntryChange.WINDOW_CHANGED));
            changed++;
        }
        return changed;
    }
}
