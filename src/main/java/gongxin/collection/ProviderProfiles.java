package gongxin.collection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gongxin.audit.AuditLog;
import gongxin.catalog.Catalog;
import gongxin.catalog.CatalogItem;
import gongxin.identity.Caller;
import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The providers' profiles, kept by the credit office's administrator; every change is a new version, audited. */
@Service
class ProviderProfiles {

    private static final TypeReference<LinkedHashMap<String, String>> COLUMNS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    ProviderProfiles(JdbcClient jdbc, Catalog catalog, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records a profile: a new version when it differs from the current one, else the current one. Every target must be
     * a field of the item in force today; every field is named at most once.
     */
    @Transactional
    ProviderProfile put(Caller caller, String code, String itemCode, Map<String, String> columns, String description) {
        List<RuleViolation> v = new ArrayList<>();
        if (code == null || !code.matches("[A-Za-z0-9][A-Za-z0-9_-]{1,39}")) {
            v.add(RuleViolation.of("code", code, "format", "方案代码为 2–40 位字母、数字、下划线或连字符"));
        }
        Optional<CatalogItem> item = itemCode == null ? Optional.empty()
                : catalog.itemInForce(itemCode.strip().toUpperCase(java.util.Locale.ROOT), LocalDate.now(clock));
        if (item.isEmpty()) {
            v.add(RuleViolation.of("item", itemCode, Text.isBlank(itemCode) ? "required" : "unknown-item", "今日适用的目录中没有该信息项"));
        }
        Map<String, String> cleaned = new LinkedHashMap<>();
        if (columns == null || columns.isEmpty()) {
            v.add(RuleViolation.of("columns", null, "columns-required", "请给出至少一列：对方列名 → 本平台字段编码"));
        } else if (item.isPresent()) {
            Map<String, String> codes = new HashMap<>();
            item.get().fields().forEach(f -> codes.put(f.code().toUpperCase(java.util.Locale.ROOT), f.code()));
            Map<String, String> taken = new HashMap<>();
            columns.forEach((theirs, ours) -> {
                String name = theirs == null ? "" : theirs.strip();
                String field = ours == null ? null : codes.get(ours.strip().toUpperCase(java.util.Locale.ROOT));
                if (name.isEmpty()) {
                    v.add(RuleViolation.of("columns", ours, "required", "对方列名不能为空"));
                } else if (field == null) {
                    v.add(RuleViolation.of("columns." + name, ours, "unknown-field",
                            "“" + ours + "”不是信息项 " + item.get().code() + " 的字段编码"));
                } else if (taken.putIfAbsent(field, name) != null) {
                    v.add(RuleViolation.of("columns." + name, ours, "duplicate-field",
                            "字段 " + field + " 已由列“" + taken.get(field) + "”对应"));
                } else {
                    cleaned.put(name, field);
                }
            });
        }
        if (!v.isEmpty()) {
            throw new RuleViolationException("报送方案不符合规则", v);
        }
        String cleanDescription = Text.isBlank(description) ? null : description.strip();
        Optional<ProviderProfile> current = current(code);
        if (current.isPresent() && current.get().itemCode().equals(item.get().code()) && current.get().columns().equals(cleaned)
                && java.util.Objects.equals(current.get().description(), cleanDescription)) {
            return current.get();
        }
        int version = current.map(p -> p.version() + 1).orElse(1);
        jdbc.sql("""
                insert into collection.profile (code, version, item_code, columns, description, recorded_at, recorded_by)
                values (?, ?, ?, cast(? as jsonb), ?, ?, ?)""")
                .params(code, version, item.get().code(), json.writeValueAsString(cleaned), cleanDescription,
                        Timestamp.from(clock.instant()), caller.name()).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", version);
        details.put("item", item.get().code());
        details.put("columns", cleaned);
        audit.record("PROFILE_RECORDED", "collection_profile", code, details);
        return current(code).orElseThrow();
    }

    Optional<ProviderProfile> current(String code) {
        return jdbc.sql("select * from collection.profile where code = ? order by version desc limit 1").param(code)
                .query(this::map).optional();
    }

    List<ProviderProfile> history(String code) {
        return jdbc.sql("select * from collection.profile where code = ? order by version desc").param(code).query(this::map).list();
    }

    /** The current version of every profile. */
    List<ProviderProfile> all() {
        return jdbc.sql("select distinct on (code) * from collection.profile order by code, version desc").query(this::map).list();
    }

    /** The profile a submission names, current version; refused when there is none. */
    ProviderProfile named(String code) {
        return current(code.strip()).orElseThrow(() -> RuleViolationException.of("profile", code, "unknown-profile",
                "没有报送方案“" + code + "”"));
    }

    private ProviderProfile map(ResultSet rs, int n) throws SQLException {
        return new ProviderProfile(rs.getString("code"), rs.getInt("version"), rs.getString("item_code"),
                json.readValue(rs.getString("columns"), COLUMNS), rs.getString("description"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
    }
}
