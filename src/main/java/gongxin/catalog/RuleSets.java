package gongxin.catalog;

import java.time.LocalDate;
import java.util.Optional;

/** Rule sets and statutory deadlines in force on a date, for other modules. */
public interface RuleSets {

    Optional<RuleSet> inForceOn(LocalDate date);

    Optional<StatutoryDeadline> deadline(String code, LocalDate on);

    /** Every rule set, newest first (few; callers that decide many records keep this list). */
    java.util.List<RuleSet> all();

    /** Every deadline value with its effective date. */
    java.util.List<StatutoryDeadline> deadlines();
}
