package gongxin.lists;

import java.time.LocalDate;
import java.util.Optional;

import gongxin.identity.Caller;

/** What credit repair (the rights module) does to list entries that the platform decided. */
public interface ListRepairs {

    /**
     * The first day the entry may leave the list on repair (the list type's minimum period); empty when the platform
     * did not decide it (red lists, lists imported from upstream: their keepers remove them).
     */
    Optional<LocalDate> repairableFrom(long entryId);

    /** Repair was granted: the entry leaves the list on {@code on} with reason REPAIRED, its history kept. */
    void removeOnRepair(Caller caller, long entryId, LocalDate on, String applicationNumber);

    /**
     * The repair that removed the entry was revoked (false material): it is back on the list until its own end, its
     * history kept.
     */
    void reinstateOnRepairRevoked(Caller caller, long entryId, LocalDate on, String applicationNumber, String reason);

    /**
     * An objection to the entry was found right (异议成立): it leaves the list on {@code on} with reason OBJECTION, its
     * history kept; a listing the platform decided through its case, an imported one directly.
     */
    void removeOnObjection(String actor, long entryId, LocalDate on, String applicationNumber);
}
