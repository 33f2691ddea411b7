package gongxin.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import gongxin.support.IntegrationTest;
import gongxin.support.PenaltyFile;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * ID numbers at rest (security review, finding 4): a scan of the whole database finds no ID number in clear, readers
 * with a purpose still see it, re-sending stays unchanged, and records an earlier release stored are encrypted.
 */
class IdentifierProtectionTest extends IntegrationTest {

    private static final List<String> SCHEMAS = List.of("records", "portal", "collection", "audit", "identity", "catalog", "subjects", "lists");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentifierMigration migration;

    /** Every row of every table of the platform's schemas, as text, that contains {@code needle}. */
    private List<String> tablesContaining(String needle) {
        List<String> tables = jdbc.sql("""
                select table_schema || '.' || table_name from information_schema.tables
                 where table_type = 'BASE TABLE' and table_schema = any(:schemas) order by 1""")
                .param("schemas", SCHEMAS.toArray(String[]::new)).query(String.class).list();
        return tables.stream().filter(t -> jdbc.sql("select count(*) from " + t + " x where x::text like :needle")
                .param("needle", "%" + needle + "%").query(Long.class).single() > 0).toList();
    }

    private TestHttp.Response send(PenaltyFile file) {
        TestHttp.Response answer = apiClient(DEMO_API_KEY).multipart("/api/v1/submissions/files", "file", "p.csv",
                file.csv(StandardCharsets.UTF_8), Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    private static String[] person(String name, String id) {
        return new String[]{"行政相对人名称", name, "行政相对人类别", "自然人", "统一社会信用代码", "", "法定代表人", "",
                "证件类型", "身份证", "证件号码", id};
    }

    @Test
    void no_id_number_is_stored_in_clear_anywhere_and_readers_still_see_it() {
        String id = PenaltyFile.idNumber("19790315", ThreadLocalRandom.current().nextInt(1000));
        String u = PenaltyFile.uniqueWord();
        PenaltyFile file = new PenaltyFile();
        int line = file.add(person("钱" + u, id));
        // a refused row carrying the same number (its decision date is in the future)
        file.add(concat(person("钱" + u, id), "处罚决定日期", "2099-01-01"));
        send(file);
        long recordId = jdbc.sql("select id from records.record where decision_number = ?").param(file.decisionNumber(line))
                .query(Long.class).single();
        // a correction keeps the old version in the history
        PenaltyFile changed = new PenaltyFile();
        java.util.Map<String, String> row = changed.valid();
        String[] p = person("钱" + u, id);
        for (int i = 0; i < p.length; i += 2) {
            row.put(p[i], p[i + 1]);
        }
        row.put("行政处罚决定书文号", file.decisionNumber(line));
        row.put("处罚内容", "罚款六千元");
        changed.addRow(row);
        send(changed);
        assertThat(jdbc.sql("select version from records.record where id = ?").param(recordId).query(Integer.class).single())
                .as("corrected").isEqualTo(2);

        assertThat(tablesContaining(id)).as("tables holding the ID number in clear").isEmpty();
        assertThat(tablesContaining(id.substring(0, 14))).isEmpty();

        JsonNode record = apiClient(DEMO_API_KEY).purpose("数据质量检查").get("/api/v1/records/" + recordId).json();
        assertThat(record.get("subjectIdNumber").asString()).isEqualTo(id);
        assertThat(record.get("data").toString()).contains(id).doesNotContain("sm4:");
        JsonNode history = apiClient(DEMO_API_KEY).purpose("数据质量检查").get("/api/v1/records/" + recordId + "/history").json();
        assertThat(history.get("versions").get(0).get("snapshot").asString()).contains(id).doesNotContain("sm4:");
        // the digest finds the record, which is what a look-up by ID number uses
        assertThat(jdbc.sql("select count(*) from records.record where subject_id_digest = ?")
                .param(keyRing.lookupDigest(id)).query(Integer.class).single()).isEqualTo(1);
    }

    @Autowired
    gongxin.platform.KeyRing keyRing;

    @Test
    void re_sending_the_same_record_is_unchanged_although_each_encryption_differs() {
        String id = PenaltyFile.idNumber("19850620", ThreadLocalRandom.current().nextInt(1000));
        PenaltyFile file = new PenaltyFile();
        file.add(person("孙" + PenaltyFile.uniqueWord(), id));
        send(file);
        assertThat(send(file).json().get("unchanged").intValue()).isEqualTo(1);
        assertThat(keyRing.protect(id)).isNotEqualTo(keyRing.protect(id));
    }

    @Test
    void records_an_earlier_release_stored_in_clear_are_encrypted_at_the_next_start() {
        String id = PenaltyFile.idNumber("19720101", ThreadLocalRandom.current().nextInt(1000));
        PenaltyFile file = new PenaltyFile();
        int line = file.add(person("李" + PenaltyFile.uniqueWord(), id));
        send(file);
        long recordId = jdbc.sql("select id from records.record where decision_number = ?").param(file.decisionNumber(line))
                .query(Long.class).single();
        // as the earlier release stored it: the number in clear in its column and in the data, hashed in clear
        jdbc.sql("""
                update records.record
                   set subject_id_number = :id, subject_id_cipher = null, subject_id_digest = null,
                       data = cast(replace(data::text, :cipher, :id) as json)
                 where id = :record""")
                .param("id", id).param("record", recordId)
                .param("cipher", jdbc.sql("select data ->> 'CF_XDR_ZJHM' from records.record where id = ?").param(recordId)
                        .query(String.class).single()).update();
        jdbc.sql("update records.record set content_hash = sha256(convert_to(data::text, 'UTF8')) where id = ?").param(recordId).update();
        jdbc.sql("""
                insert into records.record_version (record_id, version, snapshot, superseded_at)
                select id, 0, to_jsonb(r) - 'id', now() from records.record r where id = ?""").param(recordId).update();
        assertThat(tablesContaining(id)).containsExactlyInAnyOrder("records.record", "records.record_version");
        jdbc.sql("update records.protection_state set identifiers_encrypted = null").update();

        assertThat(migration.run()).isGreaterThanOrEqualTo(2);

        assertThat(tablesContaining(id)).isEmpty();
        assertThat(apiClient(DEMO_API_KEY).purpose("数据质量检查").get("/api/v1/records/" + recordId).json()
                .get("subjectIdNumber").asString()).isEqualTo(id);
        assertThat(send(file).json().get("unchanged").intValue()).as("the recomputed hash is the one ingest computes").isEqualTo(1);
        assertThat(migration.run()).as("once done, it does nothing").isZero();
        jdbc.sql("delete from records.record_version where record_id = ? and version = 0").param(recordId).update();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
