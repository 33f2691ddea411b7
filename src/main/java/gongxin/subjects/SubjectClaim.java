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
 */
public record SubjectClaim(SubjectCategory category, String name, String creditCode, boolean pilotEra, String idNumber,
                           LocalDate asOf, String legalRepresentativeName, String legalRepresentativeIdNumber) {

    /** Whether the claim can identify a subject at all: a code, or an ID number (a name alone never identifies). */
    public boolean identifies() {
        return category == SubjectCategory.NATURAL_PERSON ? idNumber != null && !idNumber.isBlank()
                : creditCode != null && !creditCode.isBlank();
    }
}
