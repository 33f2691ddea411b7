package gongxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import gongxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;

/** Issue 27, 6: the warm-up after start sends the node public requests over loopback, exempt from the rate limit. */
class SearchWarmUpTest extends IntegrationTest {

    @Autowired
    SearchWarmUp warmUp;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TokenStatistics tokens;

    @org.springframework.boot.test.web.server.LocalServerPort
    int localPort;

    @Test
    void the_warm_up_searches_tokens_of_the_names_the_website_holds_and_gets_answers() {
        String key = "warm-up-test:" + System.nanoTime();
        // a subject as the projection writes it: its row, and the search rows of its name
        jdbc.sql("""
                with s as (
                    insert into portal.subject (subject_key, public_id, category, name, name_date, credit_code, updated_at)
                    values (?, ?, 'ORGANIZATION', '示例市暖机测试鑫淼有限公司', current_date, null, now())
                    returning id, category, name, former_names)
                insert into portal.subject_token select r.* from s, portal.subject_token_rows(s.id, s.category, s.name, s.former_names) r""")
                .params(key, key.substring(13)).update();
        try {
            // the fragments are the most common tokens (from the planner's statistics), then a sample of the name
            // tokens: which names the sample reaches is chance, but each sampled fragment is a token of a name the
            // website holds, so that its search finds something
            List<String> fragments = warmUp.fragments(2_000);
            List<String> common = tokens.mostCommon(1_000);
            List<String> sampled = fragments.stream().filter(f -> !common.contains(f)).toList();
            assertThat(fragments).doesNotHaveDuplicates().containsAll(common);
            assertThat(sampled).as("the sample adds tokens to the common ones").isNotEmpty();
            assertThat(jdbc.sql("select count(distinct token) from portal.subject_token where token = any(?)")
                    .param(sampled.toArray(String[]::new)).query(Integer.class).single())
                    .as("every sampled fragment is a token of a name the website holds").isEqualTo(sampled.size());
            int paths = warmUp.paths(400).size();
            assertThat(warmUp.warm("http://127.0.0.1:" + localPort, 400, Duration.ofMinutes(1)))
                    .as("every search and subject page answered").isEqualTo(paths).isPositive();
        } finally {
            jdbc.sql("delete from portal.subject_token where subject_id = (select id from portal.subject where subject_key = ?)")
                    .param(key).update();
            jdbc.sql("delete from portal.subject where subject_key = ?").param(key).update();
        }
    }

    @Test
    void only_a_loopback_request_with_the_secret_is_exempt_from_the_rate_limit() {
        MockHttpServletRequest own = new MockHttpServletRequest();
        own.setRemoteAddr("127.0.0.1");
        own.addHeader(SearchWarmUp.HEADER, warmUp.secret());
        assertThat(warmUp.isWarmUp(own)).isTrue();

        MockHttpServletRequest guessed = new MockHttpServletRequest();
        guessed.setRemoteAddr("127.0.0.1");
        guessed.addHeader(SearchWarmUp.HEADER, "0".repeat(warmUp.secret().length()));
        assertThat(warmUp.isWarmUp(guessed)).isFalse();

        MockHttpServletRequest remote = new MockHttpServletRequest();
        remote.setRemoteAddr("203.0.113.7");
        remote.addHeader(SearchWarmUp.HEADER, warmUp.secret());
        assertThat(warmUp.isWarmUp(remote)).as("the secret from elsewhere").isFalse();

        assertThat(warmUp.isWarmUp(new MockHttpServletRequest())).isFalse();
    }
}
