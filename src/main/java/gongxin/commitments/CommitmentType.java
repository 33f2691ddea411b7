package gongxin.commitments;

/** The kinds of credit commitment the city plans name (credit-rules §12). */
enum CommitmentType {
    /** 审批替代型 / 告知承诺: an approval granted on a written commitment, verified afterwards. */
    APPROVAL("告知承诺（审批替代）"),
    /** 主动公示型: made public of the subject's own accord. */
    PUBLIC("主动公示型"),
    /** 行业自律型: made to an industry body. */
    INDUSTRY("行业自律型"),
    /** 信用修复型: made in a credit repair application. */
    REPAIR("信用修复型");

    private final String label;

    CommitmentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
