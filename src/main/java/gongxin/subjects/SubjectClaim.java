package gongxin.subjects;

import java.time.LocalDate;

import gongxin.shared.SubjectCategory;

/**
 * Who a record says it is about, as of its decision date: enough to find or create its subject and its legal
 * representative's.
 *
 * @param creditCode identifies an organisation or individual business
 * @param idNumber identifies a natural person (in clear here; the registry keeps only its digest and cipher text)
 * @param legalRepresentativeIdNumber the legal representative's ID number, when the record names one: the person then
 *                                    becomes a subject of its own, linked to the organisation
 * @param formerCodes numbers the organisation was known by before its credit code, as {@code "工商注册号:320200000012345"}
 */
public record SubjectClaim(SubjectCategory category, String name, String creditCode, boolean pilotEra, String idNumber,
                           LocalDate asOf, String legalRepresentativeName, String legalRepresentativeIdNumber,
                           java.util.List<String> formerCodes) {

    /** The kinds of numbers organisations had before the unified credit code (GB 32100-2015), as catalogs name them. */
    public static final java.util.List<String> FORMER_CODE_KINDS = java.util.List.of("工商注册号", "组织机构代码", "税务登记号",
            "社会组织登记证号", "事业单位证书号");

    public SubjectClaim {
        formerCodes = formerCodes == null ? java.util.List.of() : java.util.List.copyOf(formerCodes);
    }

    /** A claim without former codes. */
    public SubjectClaim(SubjectCategory category, String name, String creditCode, boolean pilotEra, String idNumber,
                        LocalDate asOf, String legalRepresentativeName, String legalRepresentativeIdNumber) {
        this(category, name, creditCode, pilotEra, idNumber, asOf, legalRepresentativeName, legalRepresentativeIdNumber, null);
    }

    /** Whether the claim can identify a subject at all: a code, or an ID number (a name alone never identifies). */
    public boolean identifies() {
        return category == SubjectCategory.NATURAL_PERSON ? idNumber != null && !idNumber.isBlank()
                : creditCode != null && !creditCode.isBlank();
    }
}
