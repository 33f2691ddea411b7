package gongxin.catalog;

/** 公开属性 of a catalog item (credit-rules §2). */
public enum Disclosure implements Labeled {
    PUBLIC("社会公开"),
    AUTHORISED_QUERY("授权查询"),
    NOT_PUBLIC("不予公开");

    private final String label;

    Disclosure(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
