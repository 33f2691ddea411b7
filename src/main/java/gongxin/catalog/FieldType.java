package gongxin.catalog;

/** Type of a field in a catalog item's data template (字段类型). */
public enum FieldType implements Labeled {
    TEXT("文本"),
    DATE("日期"),
    DECIMAL("数值"),
    INTEGER("整数"),
    ENUM("代码值"),
    CREDIT_CODE("统一社会信用代码"),
    ID_NUMBER("身份证号码");

    private final String label;

    FieldType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
