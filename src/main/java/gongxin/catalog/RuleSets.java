package gongxin.catalog;

import java.time.LocalDate;
import java.util.Optional;

/** Rule sets and statutory deadlines in force on a date, for other modules. */
public interface RuleSets {

    Optional<RuleSet> inForceOn(LocalDate date);

    Optional<StatutoryDeadline> deadline(String code, LocalDate on);

    /**
     * The working days of the statutory deadline {@code code} in force on {@code on}: a deadline the procedures count
     * with must be in the table, so its absence is a configuration error, not a user's.
     */
    default int workingDays(String code, LocalDate on) {
        return deadline(code, on).map(StatutoryDeadline::workingDays)
                .orElseThrow(() -> new IllegalStateException("no statutory deadline " + code + " on " + on));
    }

    /** Every rule set, newest first (few; callers that decide many records keep this list). */
    java.util.List<RuleSet> all();

    /**
     * The first day of the collection era of an information type: records of that type decided before the first catalog
     * edition but on or after this day are history the platform accepts (the 双公示 data since 2015); empty for types
     * without such history.
     */
    java.util.Optional<LocalDate> collectionEraFrom(String infoType);

    /** The matters that belong to a sector whichever department decided them (for sector periods). */
    java.util.List<MatterSector> matterSectors();

    /** Every deadline value with its effective date. */
    java.util.List<StatutoryDeadline> deadlines();
}
