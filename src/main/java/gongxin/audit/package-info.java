/**
 * The tamper-evident audit log: who did what, when and why, for every change and every read of non-public data,
 * chained with SM3 so that an edited or deleted entry is detected and located.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package gongxin.audit;
