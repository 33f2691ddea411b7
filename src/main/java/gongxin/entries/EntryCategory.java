package gongxin.entries;

/**
 * Where an entry belongs among the national catalog's categories (credit-rules §2), as far as the website's sections
 * follow it: a record by its catalog item (the city configures the section of each item), the others by what they are.
 */
public enum EntryCategory {
    /** Its section is the one the city configured for its catalog item ({@link CreditEntry#code()}). */
    CATALOG_ITEM,
    /** 严重失信主体名单 and other dishonesty lists (category 6). */
    DISHONESTY_LIST,
    /** 守信激励名单, red lists (category 10). */
    RED_LIST,
    /** 信用承诺及履约情况 (category 8). */
    COMMITMENT
}
