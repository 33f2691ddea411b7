/**
 * The credit-entry contract: one small published type below the procedures. Every producer of credit information
 * (records, lists, commitments, and whatever comes next) describes its entries as {@link CreditEntry}, announces their
 * changes with {@link CreditEntriesChanged} and answers {@link CreditEntrySource}; the website, checks and rights read
 * them through {@link CreditEntries} and never name a producer (ADR 0022).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credit entries")
package gongxin.entries;
