/**
 * Collection (归集): records from providers through the API and in files as they really come (CSV in UTF-8 or
 * GB18030, XLSX; Chinese headers or field codes), checked against the catalog and the law, refused row by row with
 * clear reasons, stored batch-wise entirely or not at all; and the timeliness of 双公示.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Collection")
package gongxin.collection;
