package gongxin.catalog;

/** How long a catalog item's records are published (公示方式): by the rule set's periods, a fixed term, while valid, or not at all. */
public enum Publicity implements Labeled {
    RULE_SET("按规则集分级公示"),
    FIXED("固定期限公示"),
    WHILE_VALID("有效期内公示"),
    NONE("不公示");

    private final String label;

    Publicity(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
