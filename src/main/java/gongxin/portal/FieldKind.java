package gongxin.portal;

import gongxin.entries.EntryField;

/** What a field holds, as far as masking is concerned. */
enum FieldKind {
    SUBJECT_NAME, ID_NUMBER, PHONE, ADDRESS, BANK_ACCOUNT, TEXT;

    /** From the role its producer gives it (the catalog field's type and role), and otherwise from its Chinese name. */
    static FieldKind of(EntryField field) {
        String name = field.name() == null ? "" : field.name();
        if (field.role() == EntryField.Role.SUBJECT_NAME) {
            return SUBJECT_NAME;
        }
        if (field.role() == EntryField.Role.ID_NUMBER || name.contains("证件号码") || name.contains("身份证")) {
            return ID_NUMBER;
        }
        if (name.contains("电话") || name.contains("手机") || name.contains("联系方式")) {
            return PHONE;
        }
        if (name.contains("银行") || name.contains("账号") || name.contains("账户")) {
            return BANK_ACCOUNT;
        }
        if (name.contains("地址") || name.contains("住所") || name.contains("住址") || name.contains("经营场所")) {
            return ADDRESS;
        }
        return TEXT;
    }
}
