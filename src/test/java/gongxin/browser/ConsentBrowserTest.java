package gongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import gongxin.support.PenaltyFile;
import org.junit.jupiter.api.Test;

/**
 * 个人授权 as a department's operator uses it (issue 24, 3): the signed authorisation is recorded with its file, listed
 * with the person's ID number masked, and withdrawn.
 */
class ConsentBrowserTest extends BrowserTest {

    @Test
    void an_operator_records_a_signed_authorisation_and_then_its_withdrawal() {
        String name = "周" + PenaltyFile.uniqueWord();
        String idNumber = PenaltyFile.idNumber("19880808", ThreadLocalRandom.current().nextInt(1000));
        Page p = context.newPage();
        p.navigate(url("/login"));
        p.getByLabel("用户名").fill("operator");
        p.getByLabel("密码").fill(DEMO_PASSWORD);
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        p.getByLabel("主导航").getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("个人授权").setExact(true)).click();
        p.getByLabel("查询目的").fill("行政许可信用审查：登记本人授权");
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认并继续")).click();
        assertThat(p.locator("h1")).hasText("个人授权");

        p.getByLabel("授权人姓名").fill(name);
        p.getByLabel("授权人身份证号码").fill(idNumber);
        p.getByLabel("行政许可").check();
        p.getByLabel("有效期至").fill("2027-05-23");
        p.getByLabel("本人签署的授权书（PDF、PNG 或 JPEG，≤ 10 MB）").setInputFiles(new FilePayload("授权书.pdf", "application/pdf",
                "%PDF-1.4\n% signed\n%%EOF\n".getBytes(StandardCharsets.UTF_8)));
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记")).click();
        assertThat(p.locator("div.notice")).containsText("已登记授权");
        var row = p.locator("#consents tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(name));
        assertThat(row).containsText(idNumber.substring(0, 4) + "**********" + idNumber.substring(14));
        assertThat(row).containsText("有效");
        assertThat(row.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("授权书.pdf"))).hasCount(1);
        assertThat(p.locator("body")).not().containsText(idNumber);

        row.getByLabel("撤回方式").fill("本人书面撤回");
        row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("登记撤回")).click();
        assertThat(p.locator("div.notice")).containsText("已登记撤回");
        assertThat(p.locator("#consents tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(name)))
                .containsText("已撤回：本人书面撤回");
        p.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/consents.png")).setFullPage(true));
    }
}
