/** Objection and credit repair: the public's applications, the determining department's queue and their effects. */
@org.springframework.modulith.ApplicationModule(displayName = "Rights")
package gongxin.rights;
