/**
 * Value types every module needs and that carry national standards: {@link gongxin.shared.CreditCode} (GB 32100),
 * {@link gongxin.shared.IdNumber} (GB 11643), text normalisation, and the rule violations that errors are made of.
 * Plain Java, no framework.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package gongxin.shared;
