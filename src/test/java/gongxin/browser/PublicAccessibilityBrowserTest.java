package gongxin.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import gongxin.support.PenaltyFile;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public pages on a phone-sized screen, checked for what WCAG 2.1 AA asks at its most basic: no sideways
 * scrolling at 375 px (1.4.10 reflow), a name for every form control (4.1.2), text contrast of 4.5:1, or 3:1 for large
 * text (1.4.3), a language, one main landmark and one h1, and a search that works from the keyboard alone (2.1.1).
 */
class PublicAccessibilityBrowserTest extends BrowserTest {

    /** Every problem the page has, one line each; empty when it passes. */
    private static final String PROBLEMS = """
            () => {
              const problems = [];
              const visible = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
                return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'
                    && r.right > 0 && r.left < innerWidth * 4; };
              // a phone browser zooms out to fit wide content, so innerWidth grows with it: compare with the screen
              const width = Math.min(innerWidth, screen.width);
              if (document.documentElement.scrollWidth > width + 1)
                problems.push('scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
              if (document.documentElement.lang !== 'zh-CN') problems.push('lang is ' + document.documentElement.lang);
              if (document.querySelectorAll('main').length !== 1) problems.push('main landmarks: ' + document.querySelectorAll('main').length);
              if (document.querySelectorAll('h1').length !== 1) problems.push('h1 count: ' + document.querySelectorAll('h1').length);
              for (const c of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
                if (!visible(c)) continue;
                const named = (c.labels && c.labels.length > 0) || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby') || c.title;
                if (!named) problems.push('unnamed control: ' + c.outerHTML.slice(0, 80));
              }
              for (const b of document.querySelectorAll('button, a[href]')) {
                if (visible(b) && !(b.textContent.trim() || b.getAttribute('aria-label'))) problems.push('unnamed: ' + b.outerHTML.slice(0, 80));
              }
              for (const i of document.querySelectorAll('img')) if (!i.hasAttribute('alt')) problems.push('img without alt');
              const rgb = s => { const m = s.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
                const p = m[1].split(',').map(x => parseFloat(x)); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
              const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
              const background = e => { for (let n = e; n; n = n.parentElement) { const c = rgb(getComputedStyle(n).backgroundColor);
                if (c && c.a > 0.5) return c; } return {r: 255, g: 255, b: 255, a: 1}; };
              const seen = new Set();
              for (const e of document.querySelectorAll('body *')) {
                const text = [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent.trim()).join('');
                if (!text || !visible(e) || e.closest('.skip')) continue;
                const s = getComputedStyle(e); const fg = rgb(s.color); const bg = background(e);
                const l1 = lum(fg), l2 = lum(bg); const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
                const size = parseFloat(s.fontSize); const large = size >= 24 || (size >= 18.66 && parseInt(s.fontWeight) >= 700);
                const key = s.color + '/' + JSON.stringify(bg);
                if (ratio < (large ? 3 : 4.5) && !seen.has(key)) { seen.add(key);
                  problems.push('contrast ' + ratio.toFixed(2) + ' for "' + text.slice(0, 20) + '" (' + s.color + ' on rgb(' + bg.r + ',' + bg.g + ',' + bg.b + '))'); }
              }
              return problems;
            }""";

    private BrowserContext phone;

    @BeforeEach
    void phoneSizedScreen() {
        phone = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(375, 740)
                .setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2));
        page = phone.newPage();
    }

    @AfterEach
    void closePhone() {
        phone.close();
    }

    @SuppressWarnings("unchecked")
    private List<String> problemsOf(String path) {
        page.navigate(url(path));
        return (List<String>) page.evaluate(PROBLEMS);
    }

    @Test
    void every_public_page_reflows_names_its_controls_and_has_readable_contrast_on_a_phone() {
        String u = PenaltyFile.uniqueWord();
        PenaltyFile file = new PenaltyFile();
        file.add("行政相对人名称", "示例市" + u + "环保科技股份有限公司", "统一社会信用代码",
                PenaltyFile.creditCode(66_000_000L + ThreadLocalRandom.current().nextInt(999_999)));
        TestHttp.Response answer = apiClient(DEMO_API_KEY).multipart("/api/v1/submissions/files", "file", "penalties.csv",
                file.csv(StandardCharsets.UTF_8), Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String code = http().get("/api/v1/public/subjects?q=" + java.net.URLEncoder.encode(u, StandardCharsets.UTF_8))
                .json().get("items").get(0).get("code").asString();

        for (String path : List.of("/", "/search?q=" + u, "/subjects/" + code, "/publicity/penalties", "/publicity/licences",
                "/lists/serious-dishonesty", "/lists/red", "/lists/abnormal", "/guide/repair", "/reports?code=" + code,
                "/reports/verify")) {
            assertThat(problemsOf(path)).as(path).isEmpty();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_checks_find_what_they_look_for() {
        page.navigate(url("/guide/repair"));
        page.evaluate("""
                () => { const m = document.querySelector('main');
                  m.insertAdjacentHTML('beforeend', '<div style="width:900px">宽</div><input type="text" name="x">'
                    + '<p style="color:#bbbbbb">浅灰色的字</p><h1>第二个标题</h1>'); }""");
        List<String> problems = (List<String>) page.evaluate(PROBLEMS);
        assertThat(problems).anyMatch(p -> p.startsWith("scrolls sideways"))
                .anyMatch(p -> p.startsWith("unnamed control"))
                .anyMatch(p -> p.startsWith("contrast") && p.contains("浅灰色的字"))
                .anyMatch(p -> p.equals("h1 count: 2"));
    }

    @Test
    void the_search_works_from_the_keyboard_alone() {
        page.navigate(url("/"));
        page.keyboard().press("Tab");
        assertThat(page.evaluate("document.activeElement.textContent.trim()")).as("the first stop skips to the content")
                .isEqualTo("跳到正文");
        int presses = 1;
        while (!"q".equals(page.evaluate("document.activeElement.name")) && presses < 40) {
            page.keyboard().press("Tab");
            presses++;
        }
        assertThat(page.evaluate("document.activeElement.name")).as("the search field is reachable by Tab").isEqualTo("q");
        page.keyboard().type("嘉禾");
        page.keyboard().press("Enter");
        page.waitForURL("**/search?**");
        assertThat(page.url()).contains("/search?");
        assertThat((String) page.evaluate("document.querySelector('h1').textContent")).isNotBlank();
    }
}
