package gongxin.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import gongxin.support.IntegrationTest;
import gongxin.support.PenaltyFile;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every record points at its subject; records an earlier release stored are linked at the next start. */
class SubjectLinkTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubjectBackfill backfill;

    @Test
    void every_record_stored_points_at_its_subject_and_earlier_ones_are_linked_by_the_backfill() {
        PenaltyFile file = new PenaltyFile();
        int company = file.add();
        String id = PenaltyFile.idNumber("19810304", 77);
        int person = file.add("行政相对人名称", "钱" + PenaltyFile.uniqueWord(), "行政相对人类别", "自然人", "统一社会信用代码", "",
                "法定代表人", "", "证件类型", "身份证", "证件号码", id);
        TestHttp.Response answer = apiClient(DEMO_API_KEY).multipart("/api/v1/submissions/files", "file", "p.csv",
                file.csv(StandardCharsets.UTF_8), Map.of());
        assertThat(answer.json().get("accepted").intValue()).as(answer.body()).isEqualTo(2);
        String numbers = "'" + file.decisionNumber(company) + "', '" + file.decisionNumber(person) + "'";
        assertThat(jdbc.sql("select count(*) from records.record where decision_number in (" + numbers + ") and subject_id is null")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from records.record r join subjects.subject s on s.id = r.subject_id
                 where r.decision_number in (""" + numbers + ") and (s.credit_code = r.subject_credit_code or s.id_digest = r.subject_id_digest)")
                .query(Integer.class).single()).isEqualTo(2);

        Map<String, Object> before = jdbc.sql("select string_agg(subject_id::text, ',' order by id) as ids from records.record where decision_number in ("
                + numbers + ")").query().singleRow();
        jdbc.sql("update records.record set subject_id = null where decision_number in (" + numbers + ")").update();
        assertThat(backfill.run()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select string_agg(subject_id::text, ',' order by id) as ids from records.record where decision_number in ("
                + numbers + ")").query().singleRow()).isEqualTo(before);
    }
}
