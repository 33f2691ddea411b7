package gongxin.lists;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Upstream lists as their sources publish them through an interface (issue 23; docs/api.md, "Exchange with the
 * provincial platform"): the exchange pulls pages of entries and hands them here, where they become upstream list
 * entries as the hand import makes them (in checks, in the subject look-up, on the public page where the list is
 * public), with the source's own dates: an entry ends when its source removes it.
 */
public interface UpstreamLists {

    /**
     * One entry as the source gives it.
     *
     * @param id the source's id of the entry, opaque: the same id again changes nothing
     * @param removedOn the day the source removed it (the debtor performed); null while listed
     */
    record Pulled(String id, String name, String creditCode, String idNumber, String documentNumber, String authority,
                  LocalDate listedOn, LocalDate removedOn) {
    }

    /**
     * What a page of pulled entries did.
     *
     * @param refused entries that could not be taken, each {@code {id, rule, message}} (a bad subject, no case number…)
     */
    record Applied(int created, int removed, int unchanged, List<Map<String, Object>> refused) {
    }

    /**
     * Takes a page of a source's entries onto the upstream list type configured for the source, in one transaction.
     *
     * @param source the source's code as configured (it scopes the entries' ids)
     * @param actor who pulled (the platform, or the admin who asked for a pull)
     */
    Applied apply(String listType, String source, List<Pulled> entries, String actor);
}
