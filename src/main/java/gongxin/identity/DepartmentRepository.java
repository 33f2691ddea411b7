package gongxin.identity;

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
class DepartmentRepository {

    private final JdbcClient jdbc;

    DepartmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Department> findAll() {
        return jdbc.sql("select * from identity.department order by level, code").query(DepartmentRepository::map).list();
    }

    Optional<Department> find(String code) {
        return jdbc.sql("select * from identity.department where code = ?").param(code).query(DepartmentRepository::map).optional();
    }

    Optional<Department> findByCreditCode(String creditCode) {
        return jdbc.sql("select * from identity.department where credit_code = ?").param(creditCode)
                .query(DepartmentRepository::map).optional();
    }

    Optional<Department> findByName(String name) {
        return jdbc.sql("select * from identity.department where name = ?").param(name).query(DepartmentRepository::map).optional();
    }

    boolean isEmpty() {
        return jdbc.sql("select not exists (select 1 from identity.department)").query(Boolean.class).single();
    }

    void insert(Department d, Instant now) {
        jdbc.sql("""
                insert into identity.department (code, name, credit_code, level, parent_code, duties, active, sector, created_at, updated_at)
                values (:code, :name, :creditCode, :level, :parent, :duties, :active, :sector, :now, :now)""")
                .param("code", d.code()).param("name", d.name()).param("creditCode", d.creditCode())
                .param("level", d.level().name()).param("parent", d.parentCode())
                .param("duties", d.duties().toArray(String[]::new)).param("active", d.active()).param("sector", d.sector())
                .param("now", Timestamp.from(now))
                .update();
    }

    void update(Department d, Instant now) {
        jdbc.sql("""
                update identity.department set name = :name, credit_code = :creditCode, level = :level,
                       parent_code = :parent, duties = :duties, active = :active, sector = :sector, updated_at = :now
                where code = :code""")
                .param("code", d.code()).param("name", d.name()).param("creditCode", d.creditCode())
                .param("level", d.level().name()).param("parent", d.parentCode())
                .param("duties", d.duties().toArray(String[]::new)).param("active", d.active()).param("sector", d.sector())
                .param("now", Timestamp.from(now))
                .update();
    }

    private static Department map(ResultSet rs, int row) throws SQLException {
        String[] duties = (String[]) rs.getArray("duties").getArray();
        return new Department(rs.getString("code"), rs.getString("name"), rs.getString("credit_code"),
                DepartmentLevel.valueOf(rs.getString("level")), rs.getString("parent_code"), Arrays.asList(duties),
                rs.getBoolean("active"), rs.getString("sector"));
    }
}
