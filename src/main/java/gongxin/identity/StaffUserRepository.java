package gongxin.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffUserRepository {

    private final JdbcClient jdbc;

    StaffUserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StaffUser> findByUsername(String username) {
        return jdbc.sql("select * from identity.staff_user where username = ?").param(username)
                .query(StaffUserRepository::map).optional();
    }

    List<StaffUser> findAll() {
        return jdbc.sql("select * from identity.staff_user order by department_code, username").query(StaffUserRepository::map).list();
    }

    boolean isEmpty() {
        return jdbc.sql("select not exists (select 1 from identity.staff_user)").query(Boolean.class).single();
    }

    void insert(String username, String displayName, String departmentCode, Set<Role> roles, String passwordHash,
                boolean mustChangePassword, Instant now) {
        jdbc.sql("""
                insert into identity.staff_user (username, display_name, department_code, roles, password_hash,
                                                 must_change_password, password_changed_at, created_at)
                values (:username, :displayName, :department, :roles, :hash, :mustChange, :now, :now)""")
                .param("username", username).param("displayName", displayName).param("department", departmentCode)
                .param("roles", roles.stream().map(Role::name).toArray(String[]::new)).param("hash", passwordHash)
                .param("mustChange", mustChangePassword).param("now", Timestamp.from(now))
                .update();
    }

    void update(String username, String displayName, String departmentCode, Set<Role> roles, boolean enabled) {
        jdbc.sql("""
                update identity.staff_user set display_name = :displayName, department_code = :department,
                       roles = :roles, enabled = :enabled where username = :username""")
                .param("username", username).param("displayName", displayName).param("department", departmentCode)
                .param("roles", roles.stream().map(Role::name).toArray(String[]::new)).param("enabled", enabled)
                .update();
    }

    void changePassword(String username, String passwordHash, boolean mustChange, Instant now) {
        jdbc.sql("""
                update identity.staff_user set password_hash = :hash, must_change_password = :mustChange,
                       password_changed_at = :now, failed_attempts = 0, locked_until = null where username = :username""")
                .param("username", username).param("hash", passwordHash).param("mustChange", mustChange)
                .param("now", Timestamp.from(now)).update();
    }

    /** Counts a failed login; locks the account once {@code max} is reached. Returns whether it is now locked. */
    boolean recordFailedLogin(String username, int max, Instant lockedUntil) {
        return jdbc.sql("""
                update identity.staff_user
                   set failed_attempts = failed_attempts + 1,
                       locked_until = case when failed_attempts + 1 >= :max then :until else locked_until end
                 where username = :username
                returning failed_attempts >= :max""")
                .param("username", username).param("max", max).param("until", Timestamp.from(lockedUntil))
                .query(Boolean.class).optional().orElse(false);
    }

    void recordSuccessfulLogin(String username, Instant now) {
        jdbc.sql("update identity.staff_user set failed_attempts = 0, locked_until = null, last_login_at = :now where username = :username")
                .param("username", username).param("now", Timestamp.from(now)).update();
    }

    void unlock(String username) {
        jdbc.sql("update identity.staff_user set failed_attempts = 0, locked_until = null where username = :username")
                .param("username", username).update();
    }

    private static StaffUser map(ResultSet rs, int row) throws SQLException {
        String[] roleNames = (String[]) rs.getArray("roles").getArray();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(roleNames).map(Role::valueOf).forEach(roles::add);
        return new StaffUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("department_code"), roles, rs.getString("password_hash"), rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"), instant(rs.getTimestamp("locked_until")),
                rs.getBoolean("must_change_password"), instant(rs.getTimestamp("last_login_at")),
                instant(rs.getTimestamp("created_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
