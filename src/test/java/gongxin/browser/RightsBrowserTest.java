package gongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import gongxin.support.PenaltyFile;
import org.junit.jupiter.api.Test;

/**
 * Credit repair as a company and its department walk it on the real pages: from the public subject page to the
 * application with a proof, the department's queue, acceptance and grant, and back to the website where the penalty
 * is no longer shown.
 */
class RightsBrowserTest extends BrowserTest {

    @Test
    void a_company_applies_online_and_the_department_grants_the_repair() throws Exception {
        String code = PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String name = "示例市" + PenaltyFile.uniqueWord() + "餐饮有限公司";
        long record = acceptedPenalty(code, name, "2026-03-15", "失信程度", "严重", "法定代表人", "赵六");
        Path proof = Files.createTempFile("receipt", ".pdf");
        Files.write(proof, "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
        Path licence = Files.createTempFile("licence", ".pdf");
        Files.write(licence, "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));

        // the company finds its penalty on the website and applies from there
        page.navigate(url("/subjects/" + code));
        assertThat(page.locator("#record-" + record)).isVisible();
        page.locator("#record-" + record).getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("申请信用修复")).click();
        assertThat(page.locator("h1")).hasText("申请信用修复");
        assertThat(page.getByLabel("信用记录编号（可在主体信用信息页点击“申请信用修复”或“提出异议”自动带入）")).hasValue(Long.toString(record));
        page.getByLabel("名称（自然人填写姓名）").fill(name);
        page.getByLabel("统一社会信用代码（组织、个体工商户）").fill(code);
        page.getByLabel("法定代表人（负责人、经营者）姓名").fill("赵六");
        page.getByLabel("纠正失信行为、履行义务的情况").fill("罚款已缴清，食品安全管理制度已整改");
        page.getByLabel("联系人").fill("钱会计");
        page.getByLabel("联系电话").fill("13912345678");
        page.getByLabel("身份证明（营业执照、身份证等）").setInputFiles(licence);

        // without the commitment it is refused, and says why
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交修复申请")).click();
        assertThat(page.locator("#violations [data-rule='commitment-required']")).isVisible();
        page.getByLabel("法定代表人（负责人、经营者）姓名").fill("赵六");
        page.getByLabel("联系人").fill("钱会计");
        page.getByLabel("身份证明（营业执照、身份证等）").setInputFiles(licence);
        page.getByLabel("我已阅读并作出以上信用承诺").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交修复申请")).click();
        assertThat(page.locator("#status")).hasText("提交待受理");
        String number = page.locator("#number").textContent().strip();
        String follow = page.url();

        // issue 26 (Also): the page says what is still missing, and the receipt is added from it
        assertThat(page.locator("#missing-proofs")).containsText("履行法定义务的证明");
        assertThat(page.getByLabel("补充证明材料：类别")).hasValue("PERFORMANCE");
        page.getByLabel("文件（PDF、PNG 或 JPEG，每个不超过 10 MB）").setInputFiles(proof);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传")).click();
        assertThat(page.locator("#proofs-complete")).isVisible();
        assertThat(page.locator("#missing-proofs")).hasCount(0);

        // the market regulator's operator finds it in the queue, accepts and grants it
        BrowserContext staff = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("zh-CN"));
        try {
            Page operator = staff.newPage();
            operator.navigate(url("/login"));
            operator.getByLabel("用户名").fill("operator");
            operator.getByLabel("密码").fill(DEMO_PASSWORD);
            operator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
            operator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("修复与异议").setExact(true)).click();
            assertThat(operator.locator("#queue")).containsText(number);
            operator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(number)).click();
            operator.getByLabel("查询目的").fill("办理信用修复申请");
            operator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认并继续")).click();
            assertThat(operator.locator("#proofs")).containsText("receipt");
            assertThat(operator.locator("#statement")).hasText("罚款已缴清，食品安全管理制度已整改");
            operator.locator("#acceptance").getByRole(AriaRole.BUTTON).click();
            assertThat(operator.locator("#status")).hasText("受理办理中");
            operator.getByLabel("理由（告知申请人）").fill("罚款已缴清，整改到位");
            operator.locator("#decision").getByRole(AriaRole.BUTTON).click();
            assertThat(operator.locator("#status")).hasText("准予修复");
            operator.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/rights-decided.png")).setFullPage(true));
        } finally {
            staff.close();
        }

        // the company follows its application, and the penalty has left the website
        page.navigate(follow);
        assertThat(page.locator("#status")).hasText("准予修复");
        assertThat(page.locator("#reason")).hasText("罚款已缴清，整改到位");
        page.navigate(url("/subjects/" + code));
        assertThat(page.locator("#record-" + record)).hasCount(0);
    }
}
