/**
 * Public credit evaluation (公共信用综合评价) and classified supervision (分级分类监管): points models as data, a grade
 * for every subject computed from its credit entries (whatever produced them), explained entry by entry, kept current as
 * entries change. Reads only the credit-entry contract.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credit evaluation")
package gongxin.evaluation;
