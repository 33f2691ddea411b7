package gongxin.commitments;

import gongxin.rights.RepairCommitmentMade;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The commitment made in a repair application joins the subject's commitments once the application is stored
 * (registered in the event publication registry: republished at restart if this failed).
 */
@Component
class RepairCommitments {

    private final Commitments commitments;

    RepairCommitments(Commitments commitments) {
        this.commitments = commitments;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RepairCommitmentMade made) {
        commitments.recordRepairCommitment(made);
    }

    /** A repair application the subject did not make: its commitment is withdrawn, not kept as the subject's. */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(gongxin.rights.RepairApplicationDisowned disowned) {
        commitments.withdrawRepairCommitment(disowned);
    }
}
