/**
 * The credit lists (信用名单): the types of serious-dishonesty and red lists the credit office manages, within the four
 * domains the law allows (国办发〔2020〕49号), and (with the next steps of issue 9) the cases that put a subject on a
 * list and take it off again.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credit lists")
package gongxin.lists;
