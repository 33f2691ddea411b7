package gongxin.exchange;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivered items are kept for the retention period in force (data: {@code exchange.retention}; 90 days in the demo),
 * then deleted, in chunks: a queue row holds the item as it was sent, personal identifiers included, and nothing needs
 * it once the province has it and the period for reconciling and resending has passed. Pending and rejected items are
 * never deleted; each entry's last version and digest stay, so an unchanged entry still queues nothing.
 */
@Component
class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    static final int CHUNK = 10_000;

    private final OutboundRepository repository;
    private final ExchangeProperties properties;
    private final gongxin.audit.AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Retention(OutboundRepository repository, ExchangeProperties properties, gongxin.audit.AuditLog audit,
              TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(cron = "${gongxin.exchange.prune-cron:0 30 3 * * *}", zone = "${gongxin.zone:Asia/Shanghai}")
    void nightly() {
        if (properties.worker()) {
            prune("platform");
        }
    }

    /** What a pruning did: the items deleted, and the day before which delivered items went. */
    record Pruned(int deleted, Instant before, int days) {
    }

    Pruned prune(String actor) {
        int days = repository.deliveredDays(LocalDate.now(clock)).orElse(Integer.MAX_VALUE / 2);
        Instant before = clock.instant().minus(java.time.Duration.ofDays(days));
        int total = 0;
        int n;
        do {
            n = transactions.execute(status -> repository.pruneDelivered(before, CHUNK));
            total += n;
        } while (n == CHUNK);
        if (total > 0) {
            log.info("Exchange: {} delivered items older than {} days deleted", total, days);
        }
        audit.recordAs(actor, "EXCHANGE_PRUNED", "exchange_outbound", "*", Map.of("deleted", total, "before", before.toString(),
                "days", days));
        return new Pruned(total, before, days);
    }
}
