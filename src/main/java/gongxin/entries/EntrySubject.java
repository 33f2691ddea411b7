package gongxin.entries;

import java.util.List;

import gongxin.shared.SubjectCategory;

/**
 * Who an entry is about, as the producer knows it.
 *
 * @param id the subject registry's id; 0 when the entry names no identifiable subject
 * @param idNumber a natural person's ID number in clear, for keyed digests and masking; never stored by a consumer
 * @param formerNames names the entry says the subject had before (曾用名)
 */
public record EntrySubject(long id, SubjectCategory category, String name, String creditCode, String idNumber,
                           List<String> formerNames) {

    public EntrySubject {
        formerNames = formerNames == null ? List.of() : List.copyOf(formerNames);
    }

    /** Only the id: for consumers that need no more (checks, rights). */
    public static EntrySubject ofId(long id) {
        return new EntrySubject(id, null, null, null, null, List.of());
    }
}
