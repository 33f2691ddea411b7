/**
 * Exchange with the provincial platform (issue 23): every change of a credit entry that the province should know is
 * queued as a new version of the entry and pushed in signed batches, in the order of each subject's changes, retried
 * while the province is down, its rejections shown to the department that owns the entry; upstream lists are pulled
 * from their sources into the lists module. Reads only the credit-entry contract and the lists' upstream interface.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exchange with the province")
package gongxin.exchange;
