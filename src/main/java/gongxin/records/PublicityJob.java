package gongxin.records;

import java.time.Clock;
import java.time.LocalDate;

import gongxin.platform.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends publication by itself when a record's window passes (NDRC Order 36: at the maximum the publication stops by
 * itself): every night just after midnight, and once at start-up to catch up after downtime. One node of a cluster
 * does it; records are handled in small transactions.
 */
@Component
class PublicityJob {

    private static final Logger log = LoggerFactory.getLogger(PublicityJob.class);
    private static final int CHUNK = 500;

    private final RecordService records;
    private final ClusterLock lock;
    private final Clock clock;

    private final FavourableRuleSets favourable;

    PublicityJob(RecordService records, ClusterLock lock, Clock clock, FavourableRuleSets favourable) {
        this.favourable = favourable;
        this.records = records;
        this.lock = lock;
        this.clock = clock;
    }

    @Scheduled(cron = "${gongxin.records.publicity-cron:0 5 0 * * *}", zone = "${gongxin.zone:Asia/Shanghai}")
    void nightly() {
        lock.runIfFree("records-publicity", this::run);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        nightly();
    }

    /**
     * Applies rule sets that took effect (see {@link FavourableRuleSets}), then ends every window that has passed
     * today; returns how many records stopped being published.
     */
    int run() {
        LocalDate today = LocalDate.now(clock);
        // a rule set taking effect today may shorten windows that then end in the same run
        favourable.apply(today);
        int total = 0;
        int ended;
        do {
            ended = records.endPublicity(today, CHUNK);
            total += ended;
        } while (ended == CHUNK);
        if (total > 0) {
            log.info("Publicity ended for {} records on {}", total, today);
        }
        return total;
    }
}
