package gongxin.catalog;

/** Severity of dishonest conduct (失信程度); with the rule set in force it fixes the publicity period (credit-rules §5). */
public enum Severity implements Labeled {
    MINOR("轻微"),
    ORDINARY("一般"),
    SERIOUS("严重");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
