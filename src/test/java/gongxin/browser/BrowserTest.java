package gongxin.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import gongxin.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A browser test on the real pages: one Chromium per test class, a fresh Chinese-locale context per test. */
abstract class BrowserTest extends IntegrationTest {

    static Playwright playwright;
    static com.microsoft.playwright.Browser browser;

    BrowserContext context;
    Page page;

    @BeforeAll
    static void startBrowser() {
        playwright = Browser.playwright();
        browser = Browser.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
        playwright.close();
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("zh-CN").setAcceptDownloads(true));
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
