package gongxin.records;

/** Why a record in force is not shown on the credit website. */
public enum NotPublishedReason {
    /** The catalog item is not public (authorised query or not public). */
    NOT_PUBLIC_ITEM("非社会公开信息"),
    /** The catalog item is public but not published (公示方式：不公示). */
    ITEM_NOT_PUBLISHED("该信息项不公示"),
    /** The subject was a minor on the decision date: penalties on minors are never published. */
    MINOR("未成年人"),
    /**
     * A natural person without a mainland ID number (passport, permits): the age on the decision date cannot be known,
     * so the person could have been a minor; not published until a number that tells it arrives.
     */
    AGE_UNKNOWN("年龄无法确认"),
    /** Excluded from dishonesty by the rule set (简易程序, 首违不罚). */
    EXCLUDED("不作为失信信息"),
    /** The rule set does not publish this severity by default (轻微). */
    SEVERITY_NOT_PUBLISHED("轻微失信默认不公示");

    private final String label;

    NotPublishedReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
