package gongxin.portal;

/** The sections of a subject page, as the national credit website has them. */
enum Section {
    BASIC("基本信息"),
    LICENCE("行政许可"),
    PENALTY("行政处罚"),
    SERIOUS_DISHONESTY("严重失信主体名单"),
    ABNORMAL("经营异常名录"),
    RED_LIST("守信激励/红名单"),
    COMMITMENT("信用承诺"),
    EVALUATION("信用评价"),
    OTHER("其他");

    private final String label;

    Section(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
