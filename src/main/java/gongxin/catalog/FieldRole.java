package gongxin.catalog;

/**
 * What a field of a catalog item means to the platform, so that one set of rules serves every item: the subject,
 * the decision and its basis document, the deciding authority, dates that fix the record's life.
 */
public enum FieldRole implements Labeled {
    SUBJECT_NAME("主体名称"),
    SUBJECT_CATEGORY("主体类别"),
    SUBJECT_CREDIT_CODE("主体统一社会信用代码"),
    SUBJECT_ID_TYPE("主体证件类型"),
    SUBJECT_ID_NUMBER("主体证件号码"),
    LEGAL_REPRESENTATIVE("法定代表人"),
    /**
     * Since when the named legal representative serves (a registration's 任职日期 or 变更日期): the representative's
     * history is dated by it rather than by the record's decision date (issue 26, finding 3: a registration record is
     * decided on the founding day, its later versions name later representatives).
     */
    REPRESENTATIVE_SINCE("法定代表人任职日期"),
    DECISION_NUMBER("决定文书号"),
    BASIS_DOCUMENT_TYPE("依据文书类型"),
    DECISION_DATE("决定日期"),
    VALID_FROM("有效期起"),
    VALID_UNTIL("有效期止"),
    PUBLICITY_UNTIL("公示截止期"),
    AUTHORITY_NAME("决定机关"),
    AUTHORITY_CODE("决定机关代码"),
    SOURCE_NAME("数据来源单位"),
    SOURCE_CODE("数据来源单位代码"),
    PROCEDURE("适用程序"),
    SEVERITY("失信程度"),
    PENALTY_CATEGORY("处罚类别");

    private final String label;

    FieldRole(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
