package gongxin.measures;

/** A matter a business system handles and checks a subject for (政府采购, 招标投标…). */
public record Matter(String code, String name, String description) {
}
