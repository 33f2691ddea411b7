package gongxin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 25, finding 9: after the purpose is declared, the user goes back only to a path of this site. */
class SafeNextTest {

    @Test
    void a_path_of_this_site_is_kept() {
        assertThat(PurposePages.safeNext("/records/12?tab=history")).isEqualTo("/records/12?tab=history");
        assertThat(PurposePages.safeNext("/checks/%E6%A0%B8%E6%9F%A5")).isEqualTo("/checks/%E6%A0%B8%E6%9F%A5");
    }

    @Test
    void anything_a_browser_could_read_as_another_site_goes_to_the_console() {
        for (String next : new String[]{"//evil.example", "/%09/evil.example", "/%0a/evil.example", "/\t/evil.example",
                "/\\evil.example", "/%5Cevil.example", "%2F%2Fevil.example", "/%2F/evil.example", "https://evil.example", "/%zz", null}) {
            assertThat(PurposePages.safeNext(next)).as(String.valueOf(next)).isEqualTo("/console");
        }
    }
}
