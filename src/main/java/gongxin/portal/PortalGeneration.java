package gongxin.portal;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Moves each time a change of the read model commits on this node, so that cached search pages of an earlier
 * generation are never served again. Other nodes' changes reach this node's cache through its time limit.
 */
@Component
class PortalGeneration {

    private final AtomicLong generation = new AtomicLong();

    long current() {
        return generation.get();
    }

    /** Called inside the transaction that changes the read model: the generation moves once it has ended. */
    void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                }
            });
        } else {
            generation.incrementAndGet();
        }
    }
}
