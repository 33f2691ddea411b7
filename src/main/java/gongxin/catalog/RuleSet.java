package gongxin.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The rules in force from a date: publicity periods of information by severity and what is excluded from
 * dishonesty records. Which rule set governs a record is decided by its decision date.
 */
public record RuleSet(String code, String name, String basis, LocalDate effectiveFrom, String note,
                      List<PublicityPeriod> periods, List<Exclusion> exclusions) {

    public RuleSet {
        periods = periods == null ? List.of() : List.copyOf(periods);
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    }

    /** The period for every sector. */
    public Optional<PublicityPeriod> period(String infoType, Severity severity) {
        return period(infoType, severity, null);
    }

    /** The period of the sector if the rule set has one for it, else the period for every sector. */
    public Optional<PublicityPeriod> period(String infoType, Severity severity, String sector) {
        Optional<PublicityPeriod> own = sector == null ? Optional.empty() : periods.stream()
                .filter(p -> p.infoType().equals(infoType) && p.severity() == severity && sector.equals(p.sector())).findFirst();
        return own.or(() -> periods.stream()
                .filter(p -> p.infoType().equals(infoType) && p.severity() == severity && p.sector() == null).findFirst());
    }

    public boolean excludes(String exclusionCode) {
        return exclusions.stream().anyMatch(e -> e.code().equals(exclusionCode));
    }

    /**
     * How long information of one severity is published, counted from the decision date.
     *
     * @param minMonths before this no credit repair may be granted; null when there is no minimum
     * @param maxMonths publication stops by itself at this point
     * @param publishedByDefault whether the credit website shows it at all (minor ones are not, by default)
     * @param sector only for information decided by departments of this sector (e.g. WORK_SAFETY); null for every sector
     */
    public record PublicityPeriod(String infoType, Severity severity, Integer minMonths, int maxMonths,
                                  boolean publishedByDefault, String sector) {

        /** A period for every sector. */
        public PublicityPeriod(String infoType, Severity severity, Integer minMonths, int maxMonths, boolean publishedByDefault) {
            this(infoType, severity, minMonths, maxMonths, publishedByDefault, null);
        }
    }

    /** A kind of penalty that is stored but never treated as dishonesty (e.g. 简易程序, 首违不罚). */
    public record Exclusion(String code, String name, String description) {
    }
}
