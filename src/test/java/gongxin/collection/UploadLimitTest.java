package gongxin.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import gongxin.support.IntegrationTest;
import gongxin.support.PenaltyFile;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** A file over the configured size limit gets a clear 413 and changes nothing (its own context: a tiny limit). */
@TestPropertySource(properties = {"spring.servlet.multipart.max-file-size=4KB", "spring.servlet.multipart.max-request-size=5KB"})
class UploadLimitTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_file_over_the_limit_is_refused_with_413_and_nothing_is_stored() {
        PenaltyFile file = new PenaltyFile();
        for (int i = 0; i < 40; i++) {
            file.add();
        }
        byte[] csv = file.csv(StandardCharsets.UTF_8);
        assertThat(csv.length).isGreaterThan(5 * 1024);
        int batches = jdbc.sql("select count(*) from collection.batch").query(Integer.class).single();
        TestHttp.Response answer = apiClient(DEMO_API_KEY).multipart("/api/v1/submissions/files", "file", "big.csv", csv, Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.body()).contains("payload-too-large");
        assertThat(jdbc.sql("select count(*) from collection.batch").query(Integer.class).single()).isEqualTo(batches);
    }
}
