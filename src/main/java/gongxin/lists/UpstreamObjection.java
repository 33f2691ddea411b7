package gongxin.lists;

import java.time.LocalDate;

/**
 * A step of an objection to an entry of a list pulled from an upstream source (a court's 失信被执行人): the keeping
 * department takes the objection and passes it on to the source that determined the entry (issue 23; the city plans:
 * 谁认定、谁负责). Published in the step's transaction, so that whoever passes it on cannot miss it.
 *
 * @param source the upstream source's code ({@code gongxin.exchange.upstream.<source>})
 * @param upstreamId the entry's id at its source
 * @param outcome for {@link Step#DECIDED}: {@code UPHELD}, {@code CORRECTED}, {@code REVOKED} or {@code NOT_ACCEPTED}
 */
public record UpstreamObjection(long listEntryId, String source, String upstreamId, String listType, String applicationNumber,
                                Step step, LocalDate on, String outcome) {

    public enum Step { FILED, ACCEPTED, DECIDED }
}
