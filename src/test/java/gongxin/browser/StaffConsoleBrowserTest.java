package gongxin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/** The administrator signs in through the real pages and finds the department tree and the catalog, in Chinese. */
class StaffConsoleBrowserTest extends BrowserTest {

    private void signIn(String username, String password) {
        page.navigate(url("/login"));
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
    }

    @Test
    void the_administrator_sees_the_department_tree_and_the_catalog() {
        signIn("admin", DEMO_PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("工作台"))).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("部门管理").setExact(true)).first().click();
        assertThat(page).hasTitle("部门管理 · 公信");
        var tree = page.locator("#department-tree");
        assertThat(tree).containsText("示例市市场监督管理局");
        // the town hangs below the county government, which hangs below the county level
        assertThat(tree.locator("li:has(> .node:has-text('示例县人民政府')) li:has-text('示例县和兴镇人民政府')")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/departments.png")).setFullPage(true));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("目录管理").setExact(true)).click();
        assertThat(page.locator("#edition-in-force")).containsText("全国公共信用信息基础目录（2024年版）");
        assertThat(page.locator("#categories li")).hasCount(13);
        assertThat(page.locator("#catalog-items")).containsText("行政处罚信息");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("XZCF")).click();
        assertThat(page.locator("#versions tbody tr")).hasCount(2);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/catalog-item.png")).setFullPage(true));
    }

    @Test
    void the_catalog_can_be_read_for_an_earlier_date() {
        signIn("operator", DEMO_PASSWORD);
        page.navigate(url("/catalog"));
        page.getByLabel("适用日期").fill("2023-06-01");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
        assertThat(page.locator("#edition-in-force")).containsText("2022年版");
        assertThat(page.locator("#categories li")).hasCount(12);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新增信息项"))).hasCount(0);
    }

    @Test
    void an_operator_states_the_purpose_before_the_records_and_keeps_it_for_the_session() {
        signIn("operator", DEMO_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("信用记录").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("说明查询目的"))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认并继续")).click();
        // the browser refuses an empty purpose itself; a blank one typed in is refused by the platform
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("说明查询目的"))).isVisible();
        page.getByLabel("查询目的").fill("本部门报送数据核对与更正");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认并继续")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/records$"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/records-after-purpose.png")).setFullPage(true));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("查询目的").setExact(true)).click();
        assertThat(page.locator("main")).containsText("当前目的：本部门报送数据核对与更正");
    }

    @Test
    void a_wrong_password_shows_a_chinese_message() {
        signIn("admin", "not-the-password-1");
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("用户名或密码错误");
        assertThat(page.url()).endsWith("/login?error=bad");
    }
}
