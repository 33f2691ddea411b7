package gongxin.portal;

import java.time.LocalDate;

/**
 * Whether an entry may be shown to the public today. Decided when read, because windows end with the calendar.
 *
 * @param visible shown on the website and in the full report
 * @param underObjection shown with a mark: an objection is being handled (NDRC Order 36, art. 29)
 * @param reason why it is not shown, for staff views and tests
 */
record PublicityDecision(boolean visible, boolean underObjection, String reason) {

    static PublicityDecision hidden(String reason) {
        return new PublicityDecision(false, false, reason);
    }

    /**
     * The rules, in order: a revoked record follows its basis out of every view (credit-rules §3); a minor's penalty is
     * never published (Administrative Penalty Law art. 48 and NDRC Order 36); a repaired record stops being published
     * (Order 36, art. 31); a record the collection rules did not publish (轻微 by default, simplified procedure, items
     * not published) stays so; the window end is the last day shown (NDRC Order 36, art. 24–26, counted from the
     * decision date; Civil Code art. 201–202: a period of months ends on the corresponding day); what is under
     * objection is still shown, with a mark.
     */
    static PublicityDecision of(EntryState e, LocalDate today) {
        if (e.revoked()) {
            return hidden("已撤销");
        }
        if (e.minor()) {
            return hidden("未成年人");
        }
        if (e.repaired()) {
            return hidden("已信用修复");
        }
        if ("REMOVED".equals(e.status())) {
            return hidden("已移出名单");
        }
        if (!"PUBLISHED".equals(e.status())) {
            return hidden("PUBLICITY_ENDED".equals(e.status()) ? "公示期满" : "不公示");
        }
        if (e.windowEnd() != null && e.windowEnd().isBefore(today)) {
            return hidden("公示期满");
        }
        return new PublicityDecision(true, e.underObjection(), null);
    }

    /** What the decision needs to know about an entry. */
    interface EntryState {
        String status();

        boolean revoked();

        boolean minor();

        boolean repaired();

        boolean underObjection();

        LocalDate windowEnd();
    }
}
