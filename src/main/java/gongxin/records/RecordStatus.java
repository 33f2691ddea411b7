package gongxin.records;

/** Where a record stands in its life. */
public enum RecordStatus {
    /** Inside its publicity window and public. */
    PUBLISHED("公示中"),
    /** In force but never shown on the credit website (see {@link NotPublishedReason}). */
    NOT_PUBLISHED("不公示"),
    /** Its window ended: no longer published nor used as dishonesty, kept for history. */
    PUBLICITY_ENDED("公示期满"),
    /** Its basis document was revoked: gone from every public and screening view at once, kept for history. */
    REVOKED("已撤销"),
    /**
     * Credit repair was granted (NDRC Order 36): no longer published, shared or used for measures, kept for history and
     * marked so (一次申请、同步修复).
     */
    REPAIRED("已信用修复");

    private final String label;

    RecordStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the record still has effects (publication, screening): neither ended nor revoked. */
    public boolean inForce() {
        return this == PUBLISHED || this == NOT_PUBLISHED;
    }
}
