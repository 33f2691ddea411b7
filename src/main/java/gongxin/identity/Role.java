package gongxin.identity;

/** What a staff user may do. A user may hold several roles. */
public enum Role {
    ADMIN("信用办管理员"),
    OPERATOR("部门操作员"),
    REVIEWER("审核员"),
    AUDITOR("审计员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
