package gongxin.audit;

import java.util.Map;

import gongxin.platform.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Verifies the whole audit chain every night on one node of the cluster and records the result in the chain itself,
 * so that a break is noticed even when no auditor asks. The last result is shown on the audit page.
 */
@Component
class AuditChainWatch {

    private static final Logger log = LoggerFactory.getLogger(AuditChainWatch.class);

    private final AuditLogService audit;
    private final ClusterLock lock;
    private final AuditCheckpoints checkpoints;

    AuditChainWatch(AuditLogService audit, ClusterLock lock, AuditCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
        this.audit = audit;
        this.lock = lock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkDatabaseRole() {
        if (audit.applicationMayRewrite()) {
            log.warn("The application connects to PostgreSQL as a role that may rewrite the audit log (its owner or a "
                    + "superuser): set spring.flyway.user to the owner and spring.datasource.username to another role "
                    + "(docs/security.md). Until then only triggers and the external checkpoints protect the log.");
        }
    }

    @Scheduled(cron = "${gongxin.audit.verify-cron:0 30 2 * * *}", zone = "${gongxin.zone:Asia/Shanghai}")
    void nightly() {
        lock.runIfFree("audit-chain-verification", this::verifyNow);
    }

    /** Verifies now and records the outcome; returns it. */
    ChainVerification verifyNow() {
        ChainVerification result = audit.verify();
        if (!result.valid()) {
            log.error("Audit chain verification found {} break(s); first: {}", result.breaks().size(), result.breaks().get(0));
        }
        audit.recordAs("system", "AUDIT_CHAIN_VERIFIED", "audit_chain", null,
                Map.of("valid", result.valid(), "entries", result.entries(), "breaks", result.breaks().size()));
        if (result.valid()) {
            checkpoints.write();
        }
        return result;
    }
}
