package gongxin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import gongxin.support.IntegrationTest;
import gongxin.support.Node;
import gongxin.support.TestDatabase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 25, finding 9: a node whose key file is not the one the database was written with (lost and created afresh,
 * or another installation's) refuses to start and says which keys it lacks, instead of serving on with new keys.
 */
class KeyFileCheckTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Nested
    class Mismatches {

        @Test
        void a_missing_or_different_key_is_named_and_a_new_one_is_not_a_problem() {
            Map<String, String> stored = Map.of("sm4.1", "aa", "hmac-sm3", "bb");
            assertThat(KeyFileCheck.mismatches(stored, Map.of("sm4.1", "aa", "hmac-sm3", "bb", "sm4.2", "cc"))).isEmpty();
            assertThat(KeyFileCheck.mismatches(stored, Map.of("sm4.1", "xx", "hmac-sm3", "bb")))
                    .containsExactly("密钥 sm4.1 不是数据库所用的那一个");
            assertThat(KeyFileCheck.mismatches(stored, Map.of("hmac-sm3", "bb"))).containsExactly("缺少密钥 sm4.1");
        }
    }

    @Nested
    class AtStart {

        @Test
        void a_node_with_a_fresh_key_file_refuses_to_start_and_says_why(@TempDir Path dir) throws Exception {
            assertThat(jdbc.sql("select key_name from key_fingerprint").query(String.class).list())
                    .as("the keys the database is written with").contains("sm4.1", "hmac-sm3", "sm2.public");
            Path fresh = dir.resolve("lost-and-recreated.keys");
            assertThatThrownBy(() -> Node.start(dir, "fresh-keys", fresh).close())
                    .hasMessageContaining("与数据库不符").hasMessageContaining("sm4.1");
            assertThat(Files.readString(Path.of(TestDatabase.keyFile()))).as("the real key file untouched").contains("sm4.current");
        }
    }
}
