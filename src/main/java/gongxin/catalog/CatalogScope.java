package gongxin.catalog;

/** Which catalog an item belongs to (目录层级): the national base catalog or a provincial/city supplement. */
public enum CatalogScope implements Labeled {
    NATIONAL("国家基础目录"),
    PROVINCIAL("省级补充目录"),
    CITY("市级补充目录");

    private final String label;

    CatalogScope(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
