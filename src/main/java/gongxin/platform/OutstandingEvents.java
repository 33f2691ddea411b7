package gongxin.platform;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Publishes again, once the application is up, the events whose listeners had not completed when the previous run
 * stopped (a node killed during the projection of a large batch, say). Spring Modulith's own republication at
 * restart runs in the start-up thread: after a kill during the portal's projection of 1M records the application
 * took 158 s to start instead of 7 s. Here it runs in the background, for events published before this start only,
 * so that events of this run are not delivered twice.
 */
@Component
class OutstandingEvents {

    private static final Logger log = LoggerFactory.getLogger(OutstandingEvents.class);

    private final IncompleteEventPublications incomplete;
    private final Instant started;

    /** The registry dates publications with the application's clock; so does this. */
    OutstandingEvents(IncompleteEventPublications incomplete, Clock clock) {
        this.incomplete = incomplete;
        this.started = clock.instant();
    }

    @EventListener(ApplicationReadyEvent.class)
    void republishInBackground() {
        Thread thread = new Thread(() -> {
            try {
                incomplete.resubmitIncompletePublications(p -> p.getPublicationDate().isBefore(started));
            } catch (RuntimeException e) {
                log.warn("Could not publish outstanding events again; they stay outstanding for the next start", e);
            }
        }, "outstanding-events");
        thread.setDaemon(true);
        thread.start();
    }
}
