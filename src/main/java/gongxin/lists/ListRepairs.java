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
}
