/**
 * Credit records and their lifecycle: published → publicity ended (at the end of the rule set's period), corrected
 * (a new version, history kept), revoked (when the basis document is revoked); minors' and excluded records kept but
 * never published. Other modules learn of every change by events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credit records")
package gongxin.records;
