/**
 * Credit commitments (信用承诺; 国办发〔2019〕35号, credit-rules §12): the matters a department accepts commitments for,
 * the commitments subjects sign, their verification, and breaches (失诺). A commitment and its breach are credit entries
 * of their own ({@code COMMITMENT}, {@code COMMITMENT_BREACH}): the website, checks and repair reach them through the
 * credit-entry contract, and nothing there names this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credit commitments")
package gongxin.commitments;
