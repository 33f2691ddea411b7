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
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("gongxin.demo.enabled", () -> "true");
        registry.add("gongxin.demo.api-key", () -> DEMO_API_KEY);
        registry.add("gongxin.portal.requests-per-minute", () -> "1000000");
        registry.add("gongxin.demo.records", () -> "0");
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

    /** A client signed in as one of the demo staff. */
    protected TestHttp staff(String username) {
        TestHttp http = http();
        http.login(username, DEMO_PASSWORD);
        return http;
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
