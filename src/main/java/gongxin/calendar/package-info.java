/**
 * The statutory working-day calendar (法定工作日): weekends, public holidays and make-up working days as announced each
 * year, loaded as data; deadlines in working days and whether they are provisional.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working-day calendar")
package gongxin.calendar;
