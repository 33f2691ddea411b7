package gongxin.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo's data off the start path (issue 27, 1): readiness (and so {@code /actuator/health}) waits for every
 * {@code ApplicationReadyEvent} listener, and the demo's 3,000 records with what rests on them took about 4.5 s of a
 * first start. The reference data (departments, staff, catalog, list types, measures) is still seeded before.
 */
@Component
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoProperties demo;
    private final ApplicationEventPublisher events;

    DemoData(DemoProperties demo, ApplicationEventPublisher events) {
        this.demo = demo;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(90)
    void ready() {
        if (!demo.dataInBackground()) {
            events.publishEvent(new DemoDataRequested());
            return;
        }
        Thread seeding = new Thread(() -> {
            try {
                events.publishEvent(new DemoDataRequested());
            } catch (RuntimeException e) {
                log.warn("Seeding the demo's data failed", e);
            }
        }, "demo-data");
        seeding.setDaemon(true);
        seeding.start();
    }
}
