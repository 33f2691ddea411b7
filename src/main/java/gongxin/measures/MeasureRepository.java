package gongxin.measures;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MeasureRepository {

    private final JdbcClient jdbc;

    MeasureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Matter> matters() {
        return jdbc.sql("select code, name, description from measures.matter order by code")
                .query((rs, n) -> new Matter(rs.getString("code"), rs.getString("name"), rs.getString("description"))).list();
    }

    void insertMatter(Matter m, Instant at) {
        jdbc.sql("insert into measures.matter (code, name, description, created_at) values (?, ?, ?, ?) on conflict (code) do nothing")
                .params(m.code(), m.name(), m.description(), Timestamp.from(at)).update();
    }

    List<Measure> all() {
        return jdbc.sql("select * from measures.measure order by kind desc, category nulls last, code").query(MeasureRepository::map).list();
    }

    Optional<Measure> find(String code) {
        return jdbc.sql("select * from measures.measure where code = ?").param(code).query(MeasureRepository::map).optional();
    }

    boolean isEmpty() {
        return jdbc.sql("select not exists (select 1 from measures.measure)").query(Boolean.class).single();
    }

    /** Inserts or replaces a measure; whether it existed. */
    boolean upsert(Measure m, Instant at, String by) {
        boolean existed = find(m.code()).isPresent();
        jdbc.sql("""
                insert into measures.measure (code, name, kind, category, source, content, target, basis, implemented_by,
                       mandatory, example, list_types, record_items, severities, matters, effective_from, withdrawn_on,
                       updated_at, updated_by, breach_matters, grades, within_months, reaches_representatives)
                values (:code, :name, :kind, :category, :source, :content, :target, :basis, :implementedBy, :mandatory,
                        :example, :listTypes, :recordItems, :severities, :matters, :from, :withdrawn, :at, :by, :breachMatters, :grades, :withinMonths, :reaches)
                on conflict (code) do update set name = excluded.name, kind = excluded.kind, category = excluded.category,
                    source = excluded.source, content = excluded.content, target = excluded.target, basis = excluded.basis,
                    implemented_by = excluded.implemented_by, mandatory = excluded.mandatory, example = excluded.example,
                    list_types = excluded.list_types, record_items = excluded.record_items, severities = excluded.severities,
                    matters = excluded.matters, effective_from = excluded.effective_from, withdrawn_on = excluded.withdrawn_on,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                    breach_matters = excluded.breach_matters, grades = excluded.grades, within_months = excluded.within_months,
                    reaches_representatives = excluded.reaches_representatives""")
                .param("code", m.code()).param("name", m.name()).param("kind", m.kind().name()).param("category", m.category())
                .param("source", m.source().name()).param("content", m.content()).param("target", m.target())
                .param("basis", m.basis()).param("implementedBy", m.implementedBy()).param("mandatory", m.mandatory())
                .param("example", m.example()).param("listTypes", m.listTypes().toArray(String[]::new))
                .param("recordItems", m.recordItems().toArray(String[]::new))
                .param("severities", m.severities().toArray(String[]::new)).param("matters", m.matters().toArray(String[]::new))
                .param("from", m.effectiveFrom()).param("withdrawn", m.withdrawnOn()).param("at", Timestamp.from(at))
                .param("by", by).param("breachMatters", m.breachMatters().toArray(String[]::new))
                .param("grades", m.grades().toArray(String[]::new)).param("withinMonths", m.withinMonths())
                .param("reaches", m.reachesRepresentatives()).update();
        return existed;
    }

    private static Measure map(ResultSet rs, int n) throws SQLException {
        Date withdrawn = rs.getDate("withdrawn_on");
        return new Measure(rs.getString("code"), rs.getString("name"), Measure.Kind.valueOf(rs.getString("kind")),
                (Integer) rs.getObject("category"), Measure.Source.valueOf(rs.getString("source")), rs.getString("content"),
                rs.getString("target"), rs.getString("basis"), rs.getString("implemented_by"), rs.getBoolean("mandatory"),
                rs.getBoolean("example"), list(rs.getArray("list_types")), list(rs.getArray("record_items")),
                list(rs.getArray("severities")), list(rs.getArray("matters")), rs.getDate("effective_from").toLocalDate(),
                withdrawn == null ? null : withdrawn.toLocalDate(), list(rs.getArray("breach_matters")), list(rs.getArray("grades")),
                (Integer) rs.getObject("within_months"), rs.getBoolean("reaches_representatives"));
    }

    private static List<String> list(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
