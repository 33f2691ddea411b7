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
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiClientRepository {

    private final JdbcClient jdbc;

    ApiClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ApiClient> findByKeyHash(String keyHash) {
        return jdbc.sql("select * from identity.api_client where key_hash = ?").param(keyHash)
                .query(ApiClientRepository::map).optional();
    }

    Optional<ApiClient> find(UUID id) {
        return jdbc.sql("select * from identity.api_client where id = ?").param(id).query(ApiClientRepository::map).optional();
    }

    Optional<ApiClient> findByName(String name) {
        return jdbc.sql("select * from identity.api_client where name = ?").param(name).query(ApiClientRepository::map).optional();
    }

    List<ApiClient> findAll() {
        return jdbc.sql("select * from identity.api_client order by name").query(ApiClientRepository::map).list();
    }

    void insert(ApiClient client) {
        jdbc.sql("""
                insert into identity.api_client (id, name, department_code, acts_for, scopes, key_hash, key_hint,
                                                 enabled, created_at, key_issued_at)
                values (:id, :name, :department, :actsFor, :scopes, :hash, :hint, true, :now, :now)""")
                .param("id", client.id()).param("name", client.name()).param("department", client.departmentCode())
                .param("actsFor", client.actsFor().toArray(String[]::new))
                .param("scopes", client.scopes().stream().map(Scope::code).toArray(String[]::new))
                .param("hash", client.keyHash()).param("hint", client.keyHint())
                .param("now", Timestamp.from(client.createdAt()))
                .update();
    }

    void replaceKey(UUID id, String keyHash, String keyHint, Instant now) {
        jdbc.sql("update identity.api_client set key_hash = :hash, key_hint = :hint, key_issued_at = :now where id = :id")
                .param("id", id).param("hash", keyHash).param("hint", keyHint).param("now", Timestamp.from(now)).update();
    }

    void update(UUID id, String departmentCode, Set<String> actsFor, Set<Scope> scopes, boolean enabled) {
        jdbc.sql("""
                update identity.api_client set department_code = :department, acts_for = :actsFor,
                       scopes = :scopes, enabled = :enabled where id = :id""")
                .param("id", id).param("department", departmentCode).param("actsFor", actsFor.toArray(String[]::new))
                .param("scopes", scopes.stream().map(Scope::code).toArray(String[]::new)).param("enabled", enabled)
                .update();
    }

    /** How often a client's last use is written at most. */
    static final java.time.Duration TOUCH_EVERY = java.time.Duration.ofMinutes(1);

    /** Notes the use at most once a minute per client, so that busy clients do not write on every call. */
    void touch(UUID id, Instant now) {
        jdbc.sql("""
                update identity.api_client set last_used_at = :now
                 where id = :id and (last_used_at is null or last_used_at < cast(:now as timestamptz) - cast(:every as interval))""")
                .param("id", id).param("now", Timestamp.from(now)).param("every", TOUCH_EVERY.toSeconds() + " seconds").update();
    }

    private static ApiClient map(ResultSet rs, int row) throws SQLException {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream((String[]) rs.getArray("scopes").getArray()).map(Scope::fromCode)
                .flatMap(Optional::stream).forEach(scopes::add);
        Timestamp lastUsed = rs.getTimestamp("last_used_at");
        return new ApiClient(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("department_code"),
                Set.of((String[]) rs.getArray("acts_for").getArray()), scopes, rs.getString("key_hash"), rs.getString("key_hint"),
                rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("key_issued_at").toInstant(), lastUsed == null ? null : lastUsed.toInstant());
    }
}
