package gongxin.shared;

/** What an identifier string is taken to be. */
public enum IdentifierKind {
    CREDIT_CODE,
    ID_NUMBER,
    UNKNOWN
}
