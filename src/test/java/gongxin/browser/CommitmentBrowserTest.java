package gongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import gongxin.support.PenaltyFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A market-regulation operator registers a commitment matter, records a commitment, finds it breached; the public sees
 * the breach on the subject page with the way to repair it; the same subject is then refused the commitment route.
 */
class CommitmentBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private void button(Page p, String form, String name) {
        p.locator(form).getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(name)).click();
    }

    @Test
    void an_operator_registers_a_matter_records_a_commitment_and_its_breach_shows_on_the_public_page() {
        String code = PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String name = "示例市" + PenaltyFile.uniqueWord() + "药房有限公司";
        String matter = "T-DRUG-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30), 36).toUpperCase();

        Page operator = context.newPage();
        operator.navigate(url("/login"));
        operator.getByLabel("用户名").fill("operator");
        operator.getByLabel("密码").fill(DEMO_PASSWORD);
        operator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        operator.getByLabel("主导航").getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("信用承诺").setExact(true)).click();
        operator.getByLabel("查询目的").fill("办理告知承诺事项");
        operator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认并继续")).click();

        // the matter
        operator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("登记承诺事项")).click();
        operator.getByLabel("事项代码").fill(matter);
        operator.getByLabel("事项名称").fill("药品经营许可告知承诺");
        operator.getByLabel("承诺类型").selectOption("APPROVAL");
        operator.getByLabel("承诺书文本").fill("本主体承诺经营场所、设施设备和质量管理制度符合药品经营许可条件，接受许可机关核查。");
        operator.getByLabel("核查期限（工作日）").fill("20");
        operator.getByLabel("未履约的失信程度").selectOption("ORDINARY");
        button(operator, "#matter-form", "保存");
        assertThat(operator.locator("#matters")).containsText("药品经营许可告知承诺");

        // a commitment of a company the platform never saw
        operator.locator("tr[data-matter='" + matter + "']").getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("登记承诺")).click();
        operator.getByLabel("名称（自然人填写姓名）").fill(name);
        operator.getByLabel("统一社会信用代码").fill(code);
        operator.getByLabel("签署日期").fill("2026-06-01");
        operator.getByLabel("签署人", new Page.GetByLabelOptions().setExact(true)).fill("孙七");
        button(operator, "#commitment-form", "登记承诺");
        assertThat(operator.locator("#status")).hasText("履约中");
        assertThat(operator.locator("main")).containsText("2026-06-30");
        assertThat(operator.locator("pre.letter")).containsText("本主体承诺经营场所");

        // the verification finds it breached
        operator.getByLabel("未履约（认定失诺）").check();
        operator.getByLabel("核查日期").fill("2026-07-01");
        operator.getByLabel("认定文书号").fill("示市监药核〔2026〕3号");
        operator.getByLabel("未履约事实").fill("经现场核查，质量管理制度未建立");
        button(operator, "#verification-form", "登记核查结论");
        assertThat(operator.locator("#status")).hasText("未履约（失诺）");
        assertThat(operator.locator("#breach")).containsText("公示至 2027-07-01");
        operator.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/commitment-breached.png")).setFullPage(true));
        long breach = jdbc.sql("select b.id from commitments.breach b join commitments.commitment c on c.id = b.commitment_id"
                + " join commitments.matter m on m.code = c.matter_code where m.code = ?").param(matter).query(Long.class).single();

        // the public sees the breach, with the way to repair it
        page.navigate(url("/subjects/" + code));
        assertThat(page.locator("#section-COMMITMENT")).containsText("未履行信用承诺：药品经营许可告知承诺");
        assertThat(page.locator("#commitment-breach-" + breach)).containsText("示市监药核〔2026〕3号");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/commitment-public.png")).setFullPage(true));
        page.locator("#commitment-breach-" + breach).getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("申请信用修复")).click();
        assertThat(page.locator("h1")).hasText("申请信用修复");
        assertThat(page.getByLabel("失信承诺记录编号（可在主体信用信息页点击“申请信用修复”或“提出异议”自动带入）"))
                .hasValue(Long.toString(breach));

        // the same subject is refused the commitment route, with the breach named
        operator.navigate(url("/commitments/new?matter=" + matter));
        operator.getByLabel("名称（自然人填写姓名）").fill(name);
        operator.getByLabel("统一社会信用代码").fill(code);
        operator.getByLabel("签署人", new Page.GetByLabelOptions().setExact(true)).fill("孙七");
        button(operator, "#commitment-form", "登记承诺");
        assertThat(operator.locator("#excluded")).isVisible();
        assertThat(operator.locator("#violations li[data-rule='breached']")).containsText("尚未信用修复");
    }
}
