package gongxin.support;

import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port against the test JVM's PostgreSQL, with the demo city seeded and a clock
 * the test controls. Every subclass shares one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(IntegrationTest.TestClockConfiguration.class)
public abstract class IntegrationTest {

    public static final String DEMO_PASSWORD = "xinyong2026";
    public static final String DEMO_API_KEY = "gx_test_demo_key_for_the_integration_tests";

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestClock clock;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // a test class that needs a database of its own on the same server names it in gongxin.test.database (a second
        // spring.datasource.url from a subclass loses to this one: the fuzzer wrote into the shared database that way)
        registry.add("spring.datasource.url",
                () -> TestDatabase.jdbcUrl().replace("/gongxin_test", "/${gongxin.test.database:gongxin_test}"));
        // as in production: migrations as the owner, the application as a role that cannot rewrite the audit log
        registry.add("spring.flyway.user", () -> "postgres");
        registry.add("spring.datasource.username", () -> "gongxin_app");
        registry.add("gongxin.audit.checkpoint-file", () -> TestDatabase.keyFile().replace("gongxin.keys", "checkpoints.log"));
        registry.add("gongxin.audit.checkpoint-cron", () -> "-");
        registry.add("gongxin.keys.file", TestDatabase::keyFile);
        registry.add("gongxin.demo.enabled", () -> "true");
        registry.add("gongxin.demo.api-key", () -> DEMO_API_KEY);
        registry.add("gongxin.portal.requests-per-minute", () -> "1000000");
        registry.add("gongxin.demo.records", () -> "0");
        // the demo's data before the tests begin, not beside them
        registry.add("gongxin.demo.data-in-background", () -> "false");
        // nor are searches run (and their pages cached) by the warm-up beside the tests; SearchWarmUpTest runs it
        registry.add("gongxin.portal.warm-up-searches", () -> "0");
        // grades are drained by the tests that look at them, never by a background worker at an unknown moment
        registry.add("gongxin.evaluation.worker", () -> "false");
        // nor are list entries ended by the nightly job (tests end them themselves)
        registry.add("gongxin.lists.expiry-cron", () -> "-");
        // the province and an upstream court list: a stand-in over real HTTP; pushed and pulled by the tests that look
        registry.add("gongxin.exchange.province.url", () -> gongxin.exchange.StandInProvince.shared().url());
        registry.add("gongxin.exchange.upstream.court.url", () -> gongxin.exchange.StandInProvince.shared().url() + "/upstream/court");
        registry.add("gongxin.exchange.upstream.court.list-type", () -> "COURT-DEBTOR");
        registry.add("gongxin.exchange.upstream.court.name", () -> "最高人民法院失信被执行人名单（测试替身）");
        registry.add("gongxin.exchange.worker", () -> "false");
        registry.add("gongxin.exchange.queue-async", () -> "false");
        // the test JVM exits at once: graceful shutdown would wait for idle keep-alive connections of test clients
        registry.add("server.shutdown", () -> "immediate");
    }

    @AfterEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    /** A browser-like client: keeps cookies, follows no redirects. */
    protected TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    public static final String TEST_PURPOSE = "自动化测试：核对测试数据";

    /**
     * A client signed in as one of the demo staff, with the purpose of the session declared (as staff do before the
     * first page with non-public data); {@link #staffWithoutPurpose} when that step is what the test is about.
     */
    protected TestHttp staff(String username) {
        TestHttp http = staffWithoutPurpose(username);
        http.form("/purpose", java.util.Map.of("_csrf", http.csrfOf("/purpose"), "purpose", TEST_PURPOSE, "next", "/console"));
        return http;
    }

    protected TestHttp staffWithoutPurpose(String username) {
        TestHttp http = http();
        http.login(username, DEMO_PASSWORD);
        return http;
    }

    private static final java.util.regex.Pattern ISSUED_KEY = java.util.regex.Pattern.compile("id=\"api-key\">(gx_[A-Za-z0-9]+)<");

    /**
     * A new API client of {@code department} with these scopes (codes such as {@code submit}), created by the demo
     * administrator on the administration pages; returns its key.
     */
    protected String newApiClient(String department, String... scopes) {
        return newApiClient(department, java.util.List.of(), scopes);
    }

    /** Like {@link #newApiClient(String, String...)}, registered to act for {@code actsFor} too. */
    protected String newApiClient(String department, java.util.List<String> actsFor, String... scopes) {
        TestHttp admin = staff("admin");
        java.util.List<String> fields = new java.util.ArrayList<>(java.util.List.of("_csrf", admin.csrfOf("/admin/api-clients/new"),
                "name", "测试系统-" + java.util.UUID.randomUUID().toString().substring(0, 8), "departmentCode", department));
        for (String other : actsFor) {
            fields.add("actsFor");
            fields.add(other);
        }
        for (String scope : scopes) {
            fields.add("scopes");
            fields.add(scope);
        }
        TestHttp.Response page = admin.formPairs("/admin/api-clients", fields.toArray(String[]::new));
        java.util.regex.Matcher key = ISSUED_KEY.matcher(page.body());
        if (!key.find()) {
            throw new IllegalStateException("no key issued: " + page);
        }
        return key.group(1);
    }

    private static final PenaltyFile PENALTIES = new PenaltyFile();

    /**
     * One penalty of an organisation sent through the API by the demo system, with a unique document number and the
     * given columns changed (name, value, name, value…); its record id.
     */
    protected long acceptedPenalty(String creditCode, String name, String decided, String... changes) {
        java.util.Map<String, String> row = PENALTIES.valid();
        row.put("行政相对人名称", name);
        row.put("统一社会信用代码", creditCode);
        row.put("处罚决定日期", decided);
        row.put("行政处罚决定书文号", "示市监罚〔2026〕" + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000_000) + "号");
        for (int i = 0; i < changes.length; i += 2) {
            row.put(changes[i], changes[i + 1]);
        }
        TestHttp.Response answer = apiClient(DEMO_API_KEY).postJson("/api/v1/submissions",
                java.util.Map.of("item", "XZCF", "records", java.util.List.of(row)));
        org.assertj.core.api.Assertions.assertThat(answer.json().get("accepted").intValue()).as(answer.body()).isEqualTo(1);
        return jdbc().sql("select id from records.record where decision_number = ?").param(row.get("行政处罚决定书文号"))
                .query(Long.class).single();
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.jdbc.core.simple.JdbcClient supportJdbc;

    private org.springframework.jdbc.core.simple.JdbcClient jdbc() {
        return supportJdbc;
    }

    /**
     * A reviewer of CITY-SAMR approves a proposed list case on its page, as every proposal needs whatever its channel
     * (issue 25, finding 7).
     */
    protected void approvedByReviewer(long caseId) {
        TestHttp reviewer = staff("reviewer");
        String csrf = reviewer.csrfOf("/list-cases/" + caseId);
        TestHttp.Response approved = reviewer.formPairs("/list-cases/" + caseId + "/approval", "_csrf", csrf);
        org.assertj.core.api.Assertions.assertThat(approved.status()).isEqualTo(302);
        org.assertj.core.api.Assertions.assertThat(jdbc().sql("select approved from lists.list_case where id = ?").param(caseId)
                .query(Boolean.class).single()).as("approved by the reviewer").isTrue();
    }

    /** A client that sends {@code Authorization: Bearer <key>}. */
    protected TestHttp apiClient(String key) {
        return http().bearer(key);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClockConfiguration {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(ZoneId.of("Asia/Shanghai"));
        }

        @Bean
        BatchCompletions batchCompletions() {
            return new BatchCompletions();
        }

        /** Puts {@link IngestSwitch} in front of the record store. */
        @Bean
        static org.springframework.beans.factory.config.BeanPostProcessor ingestSwitch() {
            return new org.springframework.beans.factory.config.BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof gongxin.records.RecordIngest ingest && !(bean instanceof IngestSwitch)
                            ? new IngestSwitch(ingest) : bean;
                }
            };
        }
    }
}
