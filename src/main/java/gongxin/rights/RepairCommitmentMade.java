package gongxin.rights;

import java.time.LocalDate;

import gongxin.entries.EntryRef;

/**
 * A subject made the credit commitment of a repair application (信用修复型承诺, NDRC Order 36): published when the
 * application is submitted, so that the commitment is kept with the subject's other commitments.
 *
 * @param applicationNumber the application it was made in
 * @param department the department that decides the repair, which verifies the commitment
 * @param signatory who made it: the legal representative of an organisation, or the person
 * @param person the subject is a natural person (the signatory is the subject itself)
 * @param text the commitment as the applicant agreed to it
 */
public record RepairCommitmentMade(String applicationNumber, EntryRef target, long subjectId, String department,
                                   LocalDate signedOn, String signatory, boolean person, String text) {
}
