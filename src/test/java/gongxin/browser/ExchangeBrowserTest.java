package gongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import gongxin.support.PenaltyFile;
import org.junit.jupiter.api.Test;

/**
 * 平台交换 as the credit office uses it (issue 23): a new penalty waits to be pushed, 立即推送 sends it to the stand-in
 * province, and the court list is pulled from its source.
 */
class ExchangeBrowserTest extends BrowserTest {

    @Test
    void the_credit_office_pushes_the_pending_items_and_pulls_the_court_list() {
        long record = acceptedPenalty(PenaltyFile.creditCode(java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L)),
                "示例市" + PenaltyFile.uniqueWord() + "建设有限公司", "2026-10-01");
        Page admin = context.newPage();
        admin.navigate(url("/login"));
        admin.getByLabel("用户名").fill("admin");
        admin.getByLabel("密码").fill(DEMO_PASSWORD);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        admin.getByLabel("主导航").getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("平台交换").setExact(true)).click();
        assertThat(admin.locator("h1")).hasText("与省级平台交换");
        assertThat(admin.locator("#items tr[data-key='RECORD:" + record + ":1']")).hasCount(1);

        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("立即推送")).click();
        assertThat(admin.locator("div.notice")).containsText("已推送");
        assertThat(admin.locator("#pending")).hasText("0");
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("已推送")).click();
        assertThat(admin.locator("#items tr[data-key='RECORD:" + record + ":1']")).containsText("DELIVERED");

        admin.locator("#sources tr[data-source='court']").getByRole(AriaRole.BUTTON).click();
        assertThat(admin.locator("div.notice")).containsText("拉取");
        admin.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/exchange.png")).setFullPage(true));
    }
}
