package gongxin.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RuleSetRepository {

    private final JdbcClient jdbc;

    RuleSetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RuleSet> all() {
        Map<String, List<RuleSet.PublicityPeriod>> periods = new HashMap<>();
        jdbc.sql("select * from catalog.publicity_period order by info_type, severity, sector nulls first").query(rs -> {
            periods.computeIfAbsent(rs.getString("rule_set"), k -> new ArrayList<>()).add(new RuleSet.PublicityPeriod(
                    rs.getString("info_type"), Severity.valueOf(rs.getString("severity")),
                    (Integer) rs.getObject("min_months"), rs.getInt("max_months"), rs.getBoolean("published_by_default"),
                    rs.getString("sector")));
        });
        Map<String, List<RuleSet.Exclusion>> exclusions = new HashMap<>();
        jdbc.sql("select * from catalog.rule_exclusion order by code").query(rs -> {
            exclusions.computeIfAbsent(rs.getString("rule_set"), k -> new ArrayList<>()).add(new RuleSet.Exclusion(
                    rs.getString("code"), rs.getString("name"), rs.getString("description")));
        });
        List<RuleSet> sets = jdbc.sql("select * from catalog.rule_set order by effective_from desc")
                .query((rs, n) -> new RuleSet(rs.getString("code"), rs.getString("name"), rs.getString("basis"),
                        rs.getObject("effective_from", LocalDate.class), rs.getString("note"),
                        periods.getOrDefault(rs.getString("code"), List.of()),
                        exclusions.getOrDefault(rs.getString("code"), List.of())))
                .list();
        return sets;
    }

    Optional<RuleSet> inForceOn(LocalDate date) {
        return all().stream().filter(set -> !set.effectiveFrom().isAfter(date)).findFirst();
    }

    boolean exists(String code) {
        return jdbc.sql("select exists (select 1 from catalog.rule_set where code = ?)").param(code).query(Boolean.class).single();
    }

    boolean effectiveDateTaken(LocalDate date) {
        return jdbc.sql("select exists (select 1 from catalog.rule_set where effective_from = ?)").param(date)
                .query(Boolean.class).single();
    }

    void insert(RuleSet set, Instant now, String by) {
        jdbc.sql("""
                insert into catalog.rule_set (code, name, basis, effective_from, note, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(set.code(), set.name(), set.basis(), set.effectiveFrom(), set.note(), Timestamp.from(now), by)
                .update();
        for (RuleSet.PublicityPeriod p : set.periods()) {
            jdbc.sql("""
                    insert into catalog.publicity_period (rule_set, info_type, severity, min_months, max_months,
                                                          published_by_default, sector)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(set.code(), p.infoType(), p.severity().name(), p.minMonths(), p.maxMonths(), p.publishedByDefault(),
                            p.sector())
                    .update();
        }
        for (RuleSet.Exclusion e : set.exclusions()) {
            jdbc.sql("insert into catalog.rule_exclusion (rule_set, code, name, description) values (?, ?, ?, ?)")
                    .params(set.code(), e.code(), e.name(), e.description()).update();
        }
    }

    java.util.Optional<LocalDate> collectionEraFrom(String infoType) {
        return jdbc.sql("select from_date from catalog.collection_era where info_type = ?").param(infoType)
                .query(LocalDate.class).optional();
    }

    List<StatutoryDeadline> deadlines() {
        return jdbc.sql("select * from catalog.deadline order by code, effective_from desc")
                .query((rs, n) -> new StatutoryDeadline(rs.getString("code"), rs.getObject("effective_from", LocalDate.class),
                        rs.getInt("working_days"), rs.getString("name"), rs.getString("basis")))
                .list();
    }

    List<MatterSector> matterSectors() {
        return jdbc.sql("select sector, item_code, field_code, contains from catalog.matter_sector order by sector, item_code, field_code")
                .query((rs, n) -> new MatterSector(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    Optional<StatutoryDeadline> deadline(String code, LocalDate on) {
        return deadlines().stream().filter(d -> d.code().equals(code) && !d.effectiveFrom().isAfter(on)).findFirst();
    }

    boolean deadlineExists(String code, LocalDate effectiveFrom) {
        return jdbc.sql("select exists (select 1 from catalog.deadline where code = ? and effective_from = ?)")
                .params(code, effectiveFrom).query(Boolean.class).single();
    }

    void insertDeadline(StatutoryDeadline deadline, Instant now, String by) {
        jdbc.sql("""
                insert into catalog.deadline (code, effective_from, working_days, name, basis, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(deadline.code(), deadline.effectiveFrom(), deadline.workingDays(), deadline.name(),
                        deadline.basis(), Timestamp.from(now), by)
                .update();
    }
}
