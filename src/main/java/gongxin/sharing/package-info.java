/**
 * Sharing by duty and consent (按需共享; issue 24): a department reads what its sharing duties (共享责任清单) cover, for a
 * declared purpose; a person's information needs the person's consent unless the duty is statutory; and every
 * non-public read about a subject lands in its query history, which the subject may see (who queried me).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sharing")
package gongxin.sharing;
