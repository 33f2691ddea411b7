package gongxin.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import gongxin.platform.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the years bundled with the application (holiday-cn, MIT licence, under {@code calendar/holiday-cn}) that the
 * database does not have yet. A year an administrator loaded is never overwritten by the bundled copy.
 */
@Component
@Order(5)
class BundledCalendar implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BundledCalendar.class);

    private final CalendarService calendar;
    private final ClusterLock lock;

    BundledCalendar(CalendarService calendar, ClusterLock lock) {
        this.calendar = calendar;
        this.lock = lock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:calendar/holiday-cn/*.json");
        lock.runExclusively("load-bundled-calendar", () -> {
            int loaded = 0;
            for (Resource file : files) {
                String name = file.getFilename();
                if (name == null || !name.matches("\\d{4}\\.json")) {
                    continue;
                }
                int year = Integer.parseInt(name.substring(0, 4));
                if (calendar.isLoaded(year)) {
                    continue;
                }
                try (InputStream in = file.getInputStream()) {
                    calendar.load(in.readAllBytes(), "holiday-cn（随程序发布）" + name, "system");
                    loaded++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (loaded > 0) {
                log.info("Loaded {} bundled calendar years", loaded);
            }
            return loaded;
        });
    }
}
