package gongxin.subjects;

import gongxin.shared.SubjectCategory;

/**
 * A subject as other modules show or project it.
 *
 * @param idDigest the keyed digest of a person's ID number (the website's and the registry's look-up key)
 * @param idNumber a person's ID number in clear, for masking where it is shown; never to be stored elsewhere
 * @param idNumberMasked the first and last four characters
 * @param legalRepresentativeSubjectId an organisation's legal representative as a subject of its own, when known
 */
public record SubjectCard(long id, SubjectCategory category, String name, String creditCode, String idDigest,
                          String idNumber, String idNumberMasked, String legalRepresentativeName,
                          Long legalRepresentativeSubjectId) {
}
