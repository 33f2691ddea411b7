package gongxin.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At start, after the database is migrated: the key file must hold every key the database was written with (issue
 * 25, finding 9). A key file that is missing (and so created afresh), or another installation's, would make every
 * stored ID number unreadable and every report signed before unverifiable, while the node served on as if nothing
 * happened. The node refuses to start instead and names the keys it lacks. Keys that are new (the first start, a
 * rotation) are recorded.
 */
@Component
class KeyFileCheck implements SmartInitializingSingleton {

    private final KeyRing keys;
    private final JdbcClient jdbc;
    private final Clock clock;

    KeyFileCheck(KeyRing keys, JdbcClient jdbc, Clock clock) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, String> stored = new java.util.TreeMap<>();
        jdbc.sql("select key_name, fingerprint from key_fingerprint").query((rs, n) -> stored.put(rs.getString(1), rs.getString(2)))
                .list();
        Map<String, String> current = keys.fingerprints();
        List<String> problems = mismatches(stored, current);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("密钥文件 " + keys.file() + " 与数据库不符，拒绝启动：" + String.join("；", problems)
                    + "。数据库中的数据是用这些密钥写入的：请恢复原密钥文件（gongxin.keys.file），不要用新密钥覆盖。"
                    + " / The key file does not hold the keys the database was written with: restore it.");
        }
        Timestamp now = Timestamp.from(clock.instant());
        current.forEach((name, fingerprint) -> jdbc.sql("""
                insert into key_fingerprint (key_name, fingerprint, recorded_at) values (?, ?, ?)
                on conflict (key_name) do nothing""").params(name, fingerprint, now).update());
    }

    /** What the key file lacks or holds differently, by key name; empty when it is the database's. */
    static List<String> mismatches(Map<String, String> stored, Map<String, String> current) {
        List<String> problems = new ArrayList<>();
        stored.forEach((name, fingerprint) -> {
            String held = current.get(name);
            if (held == null) {
                problems.add("缺少密钥 " + name);
            } else if (!held.equals(fingerprint)) {
                problems.add("密钥 " + name + " 不是数据库所用的那一个");
            }
        });
        return problems;
    }
}
