package gongxin.lists;

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
class ListTypeRepository {

    private final JdbcClient jdbc;

    ListTypeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ListType> all() {
        return jdbc.sql("select * from lists.list_type order by kind, code").query(ListTypeRepository::map).list();
    }

    Optional<ListType> find(String code) {
        return jdbc.sql("select * from lists.list_type where code = ?").param(code).query(ListTypeRepository::map).optional();
    }

    boolean isEmpty() {
        return jdbc.sql("select not exists (select 1 from lists.list_type)").query(Boolean.class).single();
    }

    void insert(ListType t, Instant at, String by) {
        jdbc.sql("""
                insert into lists.list_type (code, name, kind, domain, department_code, basis, measures,
                       statement_working_days, minimum_months, maximum_months, removal_conditions, upstream, basis_items,
                       basis_departments, created_at, created_by)
                values (:code, :name, :kind, :domain, :department, :basis, :measures, :statement, :minimum, :maximum,
                        :removal, :upstream, :items, :departments, :at, :by)""")
                .param("items", t.acceptedBasis().items().toArray(String[]::new))
                .param("departments", t.acceptedBasis().departments().toArray(String[]::new))
                .param("code", t.code()).param("name", t.name()).param("kind", t.kind().name())
                .param("domain", t.domain() == null ? null : t.domain().name()).param("department", t.departmentCode())
                .param("basis", t.basis()).param("measures", t.measures().toArray(String[]::new))
                .param("statement", t.statementWorkingDays()).param("minimum", t.minimumMonths())
                .param("maximum", t.maximumMonths()).param("removal", t.removalConditions()).param("upstream", t.upstream())
                .param("at", Timestamp.from(at)).param("by", by).update();
    }

    private static ListType map(ResultSet rs, int row) throws SQLException {
        String domain = rs.getString("domain");
        return new ListType(rs.getString("code"), rs.getString("name"), ListKind.valueOf(rs.getString("kind")),
                domain == null ? null : ListDomain.valueOf(domain), rs.getString("department_code"), rs.getString("basis"),
                Arrays.asList((String[]) rs.getArray("measures").getArray()), (Integer) rs.getObject("statement_working_days"),
                rs.getInt("minimum_months"), rs.getInt("maximum_months"), rs.getString("removal_conditions"),
                rs.getBoolean("upstream"), new ListType.AcceptedBasis(Arrays.asList((String[]) rs.getArray("basis_items").getArray()),
                        Arrays.asList((String[]) rs.getArray("basis_departments").getArray())));
    }
}
