/**
 * The measure lists of joint reward and punishment (联合奖惩措施清单): each measure with its content, target, legal basis
 * and implementing body, what triggers it (list types, record items and severities) and the matters (事项) it applies
 * to; and the catalog of matters that business systems check for.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Measures")
package gongxin.measures;
