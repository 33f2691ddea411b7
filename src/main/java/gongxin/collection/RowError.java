package gongxin.collection;

/**
 * One reason a row was refused (formats.md): the line in the file (header = 1; 0 for the file as a whole), the
 * header as the provider wrote it, the value as sent, the rule and a Chinese message.
 */
record RowError(int line, String field, String value, String rule, String message) {
}
