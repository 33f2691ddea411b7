package gongxin.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import gongxin.support.IntegrationTest;
import gongxin.support.PenaltyFile;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 25, finding 9: a check's purpose is decoded once, as the contract says: a percent sign in it survives, whether
 * it came percent-encoded in the header or as text in the body.
 */
class CheckPurposeTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private String purposeOf(TestHttp.Response answer) {
        String id = answer.json().get("id").asString();
        return jdbc.sql("select purpose from audit.entry where object_type = 'check' and object_id = ?").param(id)
                .query(String.class).single();
    }

    @Test
    void a_percent_sign_in_the_purpose_survives_the_header_and_the_body() {
        String code = PenaltyFile.creditCode(java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L));
        TestHttp checker = apiClient(newApiClient("CITY-NDRC", "check"));
        TestHttp.Response fromHeader = checker.header("X-Purpose", "100%25%E6%A0%B8%E6%9F%A5")
                .postJson("/api/v1/checks", Map.of("matter", "BIDDING", "subject", Map.of("creditCode", code)));
        assertThat(fromHeader.status()).as(fromHeader.body()).isEqualTo(201);
        assertThat(purposeOf(fromHeader)).isEqualTo("100%核查");

        TestHttp.Response fromBody = apiClient(newApiClient("CITY-NDRC", "check")).postJson("/api/v1/checks",
                Map.of("matter", "BIDDING", "purpose", "财政补助100%到位前的审查", "subject", Map.of("creditCode", code)));
        assertThat(fromBody.status()).as(fromBody.body()).isEqualTo(201);
        assertThat(purposeOf(fromBody)).isEqualTo("财政补助100%到位前的审查");
    }
}
