/**
 * The public credit information catalog (目录管理): national editions and their categories, catalog items with every
 * attribute the law requires, versioned by effective date; and the rule sets (publicity periods by severity,
 * exclusions) and statutory deadlines, also data with effective dates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog and rule sets")
package gongxin.catalog;
