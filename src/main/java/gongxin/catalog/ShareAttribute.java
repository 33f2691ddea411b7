package gongxin.catalog;

/** 共享属性 of a catalog item (credit-rules §2). */
public enum ShareAttribute implements Labeled {
    UNCONDITIONAL("无条件共享"),
    CONDITIONAL("有条件共享"),
    NOT_SHARED("不予共享");

    private final String label;

    ShareAttribute(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
