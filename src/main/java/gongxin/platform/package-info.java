/**
 * Technical foundation every module stands on: the embedded PostgreSQL, the injected clock, problem details for
 * errors, and the database lock that keeps scheduled jobs to one node of a cluster.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package gongxin.platform;
