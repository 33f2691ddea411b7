package gongxin.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo city (示例市) seeded on an empty database.
 *
 * @param enabled off unless asked for ({@code ./mvnw spring-boot:run} asks; a packaged jar needs
 *                {@code --gongxin.demo.enabled=true}): seed the demo city's departments, staff and records when the database is empty
 * @param apiKey key of the demo API client 示例市数据归集系统 (env {@code GONGXIN_DEMO_API_KEY}); random when empty
 * @param records how many synthetic records the demo generates (0 = none)
 * @param dataInBackground the demo's data (records, list cases, applications, duties, a first evaluation run) is seeded
 *                         after the node is ready, on a thread of its own, so that health is UP seconds sooner
 *                         (issue 27, 1); the tests seed it before they start
 */
@ConfigurationProperties("gongxin.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled, String apiKey, @DefaultValue("3000") int records,
                             @DefaultValue("true") boolean dataInBackground) {
}
