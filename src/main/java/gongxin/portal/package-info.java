/**
 * The public credit website (信用网站): what anyone may see and use without logging in, such as the identifier check
 * and the working-day calculator.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Public portal")
package gongxin.portal;
