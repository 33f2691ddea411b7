/**
 * Joint reward and punishment checks (联合奖惩 发起-响应-反馈): an index of the dishonesty records and list entries of
 * each subject, fed by records' and lists' events; the check business systems call before they act, answered with
 * the measures that apply and their legal basis, what was not applied and why, and a receipt signed with the
 * platform's SM2 key; feedback of what was applied; statistics; and a change feed for the subjects a system checked.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Joint reward and punishment checks")
package gongxin.screening;
