package gongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import gongxin.support.PenaltyFile;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One serious-dishonesty case walked through the staff pages by an operator and a reviewer of the market regulator,
 * with the public subject page looked at before the decision, after it and after the removal.
 */
class ListCaseBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private Page signIn(BrowserContext in, String username) {
        Page p = in.newPage();
        p.navigate(url("/login"));
        p.getByLabel("用户名").fill(username);
        p.getByLabel("密码").fill(DEMO_PASSWORD);
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        p.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("名单认定").setExact(true)).click();
        p.getByLabel("查询目的").fill("严重失信主体名单认定办理");
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认并继续")).click();
        return p;
    }

    private void button(Page p, String form, String name) {
        p.locator(form).getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(name)).click();
    }

    @Test
    void an_operator_proposes_a_reviewer_approves_and_the_case_goes_to_the_list_and_off_it() {
        String code = PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String name = "示例市" + PenaltyFile.uniqueWord() + "食品有限公司";
        Map<String, String> row = new PenaltyFile().valid();
        row.put("行政相对人名称", name);
        row.put("统一社会信用代码", code);
        row.put("处罚决定日期", "2026-09-01");
        TestHttp.Response sent = apiClient(DEMO_API_KEY).postJson("/api/v1/submissions", Map.of("item", "XZCF", "records", List.of(row)));
        org.assertj.core.api.Assertions.assertThat(sent.json().get("accepted").intValue()).isEqualTo(1);
        // by its decision too: a random credit code may already be another test's subject in the shared database
        long record = jdbc.sql("select id from records.record where subject_credit_code = ? and decision_number = ?")
                .param(code).param(row.get("行政处罚决定书文号")).query(Long.class).single();

        // the operator proposes
        Page operator = signIn(context, "operator");
        operator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("提出认定")).click();
        operator.getByLabel("名单").selectOption("SAMR-SERIOUS");
        operator.getByLabel("统一社会信用代码").fill(code);
        operator.getByLabel("依据记录编号").fill(Long.toString(record));
        operator.getByLabel("认定事实").fill("拒不履行行政处罚决定，情节严重");
        operator.getByLabel("联系电话").fill("0510-12345678");
        operator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提出认定")).click();
        assertThat(operator.locator("#case-status")).hasText("待审核");
        assertThat(operator.locator("#approval")).hasCount(0);
        String caseUrl = operator.url();

        // the reviewer finds it on the board and approves it
        BrowserContext second = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("zh-CN"));
        try {
            Page reviewer = signIn(second, "reviewer");
            assertThat(reviewer.locator("#board")).containsText(name);
            assertThat(reviewer.locator("#board")).containsText("待审核");
            reviewer.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/list-case-board.png")).setFullPage(true));
            reviewer.navigate(caseUrl);
            button(reviewer, "#approval", "审核通过");
            assertThat(reviewer.locator("#case-status")).hasText("已审核，待送达告知书");

            // notice served on 28 September 2026: ten working days past National Day end on 16 October
            reviewer.getByLabel("送达日期").fill("2026-09-28");
            button(reviewer, "#notice", "登记送达");
            assertThat(reviewer.locator("#statement-deadline")).hasText("2026-10-16");

            reviewer.getByLabel("收到日期").fill("2026-10-09");
            reviewer.getByLabel("内容").fill("处罚决定正在复议中");
            reviewer.getByLabel("异议（须在 10 个工作日内核实）").check();
            button(reviewer, "#statement", "登记");
            assertThat(reviewer.locator("#statements")).containsText("2026-10-22");

            // no decision while the objection is open
            reviewer.getByLabel("决定日期").fill("2026-10-19");
            reviewer.getByLabel("认定决定书文号").fill("示市监认〔2026〕8号");
            button(reviewer, "#decision", "作出认定决定");
            assertThat(reviewer.locator("#violations")).containsText("open-objection");
            page.navigate(url("/subjects/" + code));
            assertThat(page.locator("#section-SERIOUS_DISHONESTY")).containsText("暂无公示信息");

            reviewer.locator("#reason-1").fill("复议机关已维持原处罚决定");
            button(reviewer, "#resolve-1", "登记核实结果");
            reviewer.getByLabel("决定日期").fill("2026-10-19");
            reviewer.getByLabel("认定决定书文号").fill("示市监认〔2026〕8号");
            button(reviewer, "#decision", "作出认定决定");
            assertThat(reviewer.locator("#case-status")).hasText("已列入名单");
            assertThat(reviewer.locator("#documents")).containsText("认定决定书（PDF）");
            assertThat(reviewer.locator("#documents")).containsText("信用修复告知书（PDF）");
            reviewer.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/list-case-listed.png")).setFullPage(true));

            // the public sees it at once
            page.navigate(url("/subjects/" + code));
            assertThat(page.locator("#section-SERIOUS_DISHONESTY")).containsText("市场监督管理严重违法失信名单");
            assertThat(page.locator("#section-SERIOUS_DISHONESTY")).containsText("示市监认〔2026〕8号");
            page.navigate(url("/lists/serious-dishonesty"));
            assertThat(page.locator("main")).containsText(name);

            // removal by a court's decision: off the website, history kept on the case
            reviewer.getByLabel("移出日期").fill("2026-11-20");
            reviewer.getByLabel("原因").selectOption("COURT_DECISION");
            reviewer.getByLabel("裁判文书号（人民法院裁判移出时填写）").fill("（2026）示0201执恢1号之一");
            reviewer.getByLabel("裁判日期").fill("2026-11-19");
            button(reviewer, "#removal", "移出");
            assertThat(reviewer.locator("#case-status")).hasText("已移出名单");
            assertThat(reviewer.locator("#timeline")).containsText("REMOVED");
            page.navigate(url("/subjects/" + code));
            assertThat(page.locator("#section-SERIOUS_DISHONESTY")).containsText("暂无公示信息");
        } finally {
            second.close();
        }
    }
}
