package gongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import gongxin.support.PenaltyFile;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Test;

/** The public uses the real pages: searches by two characters, reads a subject, downloads a report and verifies it. */
class PublicSiteBrowserTest extends BrowserTest {

    private void submit(PenaltyFile file) {
        TestHttp.Response answer = apiClient(DEMO_API_KEY).multipart("/api/v1/submissions/files", "file", "penalties.csv",
                file.csv(StandardCharsets.UTF_8), Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("rejected").intValue()).as(answer.body()).isZero();
    }

    @Test
    void search_open_a_company_download_its_report_and_verify_it() throws Exception {
        String u = PenaltyFile.uniqueWord();
        String company = "示例市" + u + "科技有限公司";
        PenaltyFile file = new PenaltyFile();
        String shown = file.decisionNumber(file.add("行政相对人名称", company, "统一社会信用代码", PenaltyFile.creditCode(77_000_000L + ThreadLocalRandom.current().nextInt(999_999))));
        submit(file);
        PenaltyFile older = new PenaltyFile();
        String expired = older.decisionNumber(older.add("行政相对人名称", company, "统一社会信用代码",
                PenaltyFile.creditCode(77_000_000L + ThreadLocalRandom.current().nextInt(999_999)), "处罚决定日期", "2025-03-01"));
        submit(older);

        page.navigate(url("/"));
        page.getByLabel("企业、组织或个体工商户名称").fill(u);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询").setExact(true)).click();
        assertThat(page.locator("ol.results li")).hasCount(2);
        page.locator("ol.results li:has(.tag.warn) a.subject-link").click();

        assertThat(page.locator("#subject-name")).hasText(company);
        assertThat(page.locator("#section-PENALTY")).containsText(shown);
        assertThat(page.locator("main")).not().containsText(expired);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/subject.png")).setFullPage(true));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("下载信用报告")).click();
        Download download = page.waitForDownload(() -> page.locator("#download-report").click());
        Path pdf = Path.of("target/screenshots/report.pdf");
        Files.createDirectories(pdf.getParent());
        download.saveAs(pdf);
        String number = download.suggestedFilename().replace(".pdf", "");
        assertThat(number).matches("XY\\d{8}[2-9A-HJKMNP-Z]{12}");
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        page.navigate(url("/reports/verify"));
        page.getByLabel("报告编号").fill(number);
        page.locator("#file").setInputFiles(pdf);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("核验")).click();
        assertThat(page.locator("#verification")).containsText("核验通过");
        assertThat(page.locator("#verification")).containsText(company);
    }

    @Test
    void a_person_is_found_by_name_and_id_and_shown_masked_and_a_minor_is_not_shown() {
        String u = PenaltyFile.uniqueWord();
        String id = PenaltyFile.idNumber("19790505", ThreadLocalRandom.current().nextInt(1000));
        String name = "赵" + u;
        PenaltyFile file = new PenaltyFile();
        String number = file.decisionNumber(file.add("行政相对人名称", name, "行政相对人类别", "自然人", "统一社会信用代码", "",
                "法定代表人", "", "证件类型", "身份证", "证件号码", id));
        submit(file);
        String minorId = PenaltyFile.idNumber("20130707", ThreadLocalRandom.current().nextInt(1000));
        PenaltyFile minors = new PenaltyFile();
        String minorNumber = minors.decisionNumber(minors.add("行政相对人名称", "钱" + u, "行政相对人类别", "自然人", "统一社会信用代码", "",
                "法定代表人", "", "证件类型", "身份证", "证件号码", minorId));
        submit(minors);

        page.navigate(url("/search?q=" + u));
        assertThat(page.locator("#results")).containsText("共 0 条");
        page.getByLabel("姓名").fill(name);
        page.getByLabel("身份证号码").fill(id);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询自然人")).click();
        assertThat(page.locator("#subject-name")).hasText("赵**");
        assertThat(page.locator("#id-number")).hasText(id.substring(0, 4) + "**********" + id.substring(14));
        assertThat(page.locator("#section-PENALTY")).containsText(number);
        assertThat(page.locator("body")).not().containsText(id);
        assertThat(page.url()).doesNotContain(id);

        page.navigate(url("/search"));
        page.getByLabel("姓名").fill("钱" + u);
        page.getByLabel("身份证号码").fill(minorId);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询自然人")).click();
        assertThat(page.locator("body")).not().containsText(minorNumber);
    }
}
