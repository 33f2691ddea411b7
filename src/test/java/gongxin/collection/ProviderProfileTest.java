package gongxin.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
 * A provider whose system names fields its own way (as a real city platform exports penalties: COMP_NAME, UNI_SCID,
 * PUNISH_DATE…) sends through its profile; answers and error files speak its names; profiles are versioned.
 */
class ProviderProfileTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    static Map<String, String> columns() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("COMP_NAME", "CF_XDR_MC");
        c.put("COMP_TYPE", "CF_XDR_LB");
        c.put("UNI_SCID", "CF_XDR_SHXYM");
        c.put("LEGAL_PERSON", "CF_FRDB");
        c.put("PUNISH_DOC_NO", "CF_WSH");
        c.put("ILLEGAL_TYPE", "CF_WFXW");
        c.put("ILLEGAL_FACT", "CF_SY");
        c.put("PUNISH_BASIS", "CF_YJ");
        c.put("PUNISH_TYPE", "CF_CFLB");
        c.put("PUNISH_CONTENT", "CF_NR");
        c.put("FINE_AMOUNT", "CF_NR_FK");
        c.put("PUNISH_DATE", "CF_JDRQ");
        c.put("PUNISH_ORG", "CF_CFJG");
        c.put("PUNISH_ORG_CODE", "CF_CFJGDM");
        c.put("DATA_SOURCE", "CF_SJLY");
        c.put("DATA_SOURCE_CODE", "CF_SJLYDM");
        return c;
    }

    private TestHttp admin() {
        TestHttp admin = staff("admin");
        return admin.header("X-CSRF-TOKEN", admin.csrfOf("/purpose"));
    }

    private static TestHttp.Response put(TestHttp admin, String code, Object body) {
        return admin.request("PUT", "/api/v1/collection/profiles/" + code, "application/json", TestHttp.JSON.writeValueAsBytes(body));
    }

    @Test
    void a_provider_sends_with_its_own_names_and_hears_back_in_them() {
        String profile = "SAMR-LEGACY-" + ThreadLocalRandom.current().nextInt(1_000_000);
        TestHttp admin = admin();
        Map<String, String> wrong = new LinkedHashMap<>(columns());
        wrong.put("COMP_ADDR", "CF_NO_SUCH_FIELD");
        TestHttp.Response refused = put(admin, profile, Map.of("item", "XZCF", "columns", wrong));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("unknown-field").contains("COMP_ADDR");
        assertThat(apiClient(DEMO_API_KEY).request("PUT", "/api/v1/collection/profiles/" + profile, "application/json",
                TestHttp.JSON.writeValueAsBytes(Map.of("item", "XZCF", "columns", columns()))).status())
                .as("kept by the credit office's administrator").isEqualTo(403);

        TestHttp.Response saved = put(admin, profile, Map.of("item", "XZCF", "columns", columns(), "description", "原市场监管系统导出格式"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("version").intValue()).isEqualTo(1);
        assertThat(put(admin, profile, Map.of("item", "XZCF", "columns", columns(), "description", "原市场监管系统导出格式"))
                .json().get("version").intValue()).as("the same profile again is no new version").isEqualTo(1);

        // a real-world row with the provider's names and its date format
        String code = PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String document = "示市监罚〔2026〕" + ThreadLocalRandom.current().nextInt(1_000_000) + "号";
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("COMP_NAME", "示例市" + PenaltyFile.uniqueWord() + "电子商务有限公司");
        row.put("COMP_TYPE", "法人及非法人组织");
        row.put("UNI_SCID", code);
        row.put("LEGAL_PERSON", "孙七");
        row.put("PUNISH_DOC_NO", document);
        row.put("ILLEGAL_TYPE", "虚假宣传");
        row.put("ILLEGAL_FACT", "在网店发布虚假广告");
        row.put("PUNISH_BASIS", "《中华人民共和国广告法》第五十五条");
        row.put("PUNISH_TYPE", "罚款");
        row.put("PUNISH_CONTENT", "罚款五千元");
        row.put("FINE_AMOUNT", "0.5");
        row.put("PUNISH_DATE", "2026/10/9");
        row.put("PUNISH_ORG", "示例市市场监督管理局");
        row.put("PUNISH_ORG_CODE", PenaltyFile.SAMR);
        row.put("DATA_SOURCE", "示例市市场监督管理局");
        row.put("DATA_SOURCE_CODE", PenaltyFile.SAMR);
        Map<String, Object> bad = new LinkedHashMap<>(row);
        bad.put("UNI_SCID", "91320000ABCDEFGH12");
        bad.put("PUNISH_DOC_NO", document + "-2");

        TestHttp.Response answer = apiClient(DEMO_API_KEY).postJson("/api/v1/submissions",
                Map.of("profile", profile, "records", List.of(row, bad)));
        assertThat(answer.json().get("accepted").intValue()).as(answer.body()).isEqualTo(1);
        assertThat(answer.json().get("profile").asString()).isEqualTo(profile + "@1");
        JsonNode error = answer.json().get("errors").get(0);
        assertThat(error.get("field").asString()).as("the provider's name").isEqualTo("UNI_SCID");
        assertThat(jdbc.sql("select decision_date::text from records.record where decision_number = ?").param(document)
                .query(String.class).single()).isEqualTo("2026-10-09");

        // a CSV file through the same profile, with a required column missing: named as the provider names it
        String csv = "COMP_NAME,UNI_SCID,PUNISH_DOC_NO\n示例市某公司," + code + ",文号1\n";
        TestHttp.Response file = apiClient(DEMO_API_KEY).multipart("/api/v1/submissions/files", "file", "legacy.csv",
                csv.getBytes(StandardCharsets.UTF_8), Map.of("profile", profile));
        assertThat(file.status()).isEqualTo(422);
        assertThat(file.body()).contains("PUNISH_DATE");

        TestHttp.Response unknown = apiClient(DEMO_API_KEY).postJson("/api/v1/submissions",
                Map.of("profile", "NO-SUCH-PROFILE", "records", List.of(row)));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("unknown-profile");

        // a change is a new version; the list shows the current one and the template speaks the provider's names
        Map<String, String> changed = new LinkedHashMap<>(columns());
        changed.put("REMARK", "BZ");
        assertThat(put(admin, profile, Map.of("item", "XZCF", "columns", changed)).json().get("version").intValue()).isEqualTo(2);
        JsonNode all = apiClient(DEMO_API_KEY).get("/api/v1/collection/profiles").json();
        assertThat(all.valueStream().filter(p -> p.get("code").asString().equals(profile)).findFirst().orElseThrow()
                .get("version").intValue()).isEqualTo(2);
        assertThat(apiClient(DEMO_API_KEY).get("/api/v1/collection/profiles/" + profile).json()).hasSize(2);
        TestHttp.Response template = apiClient(DEMO_API_KEY).get("/api/v1/collection/profiles/" + profile + "/template.xlsx");
        assertThat(template.status()).isEqualTo(200);
        try {
            assertThat(TabularFiles.readAll(new java.io.ByteArrayInputStream(template.bytes()), 10).header())
                    .contains("COMP_NAME*", "REMARK", "行政相对人类别*".replace("行政相对人类别", "COMP_TYPE"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'PROFILE_RECORDED' and object_id = ?").param(profile)
                .query(Long.class).single()).isEqualTo(2);
    }
}
