package gongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/** The credit office's evaluation page: the grade distribution drawn as a chart, the model, a run on demand. */
class EvaluationBrowserTest extends BrowserTest {

    @Test
    void the_credit_office_sees_the_grades_as_a_chart_and_runs_an_evaluation() {
        Page admin = context.newPage();
        admin.navigate(url("/login"));
        admin.getByLabel("用户名").fill("admin");
        admin.getByLabel("密码").fill(DEMO_PASSWORD);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        admin.getByLabel("主导航").getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("信用评价").setExact(true)).click();
        assertThat(admin.locator("h1")).hasText("公共信用综合评价");
        assertThat(admin.locator("#grade-chart g.bar")).hasCount(4);
        assertThat(admin.locator("#grade-chart g.bar[data-grade='A'] rect")).hasCount(1);
        assertThat(admin.locator("#models")).containsText("CITY-2026");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("对所有主体重新评价")).click();
        assertThat(admin.locator("div.notice")).containsText("已开始对所有主体进行评价");
        admin.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/evaluation.png")).setFullPage(true));
    }
}
