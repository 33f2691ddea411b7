package gongxin.identity;

/** Administrative level of a department; a department sits at or below its parent's level. */
public enum DepartmentLevel {
    CITY("市级"),
    COUNTY("县（区）级"),
    TOWN("乡镇（街道）级");

    private final String label;

    DepartmentLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean mayBeBelow(DepartmentLevel parent) {
        return ordinal() >= parent.ordinal();
    }
}
