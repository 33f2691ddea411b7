package gongxin.catalog;

/** 信息性质 of a catalog item (credit-rules §2). */
public enum Nature implements Labeled {
    BASIC("基础信息"),
    TRUSTWORTHY("守信信息"),
    DISHONEST("失信信息");

    private final String label;

    Nature(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
