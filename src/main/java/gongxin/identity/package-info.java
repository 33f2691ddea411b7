/**
 * Who is who on the platform: departments (a tree city → county → town, each with its credit code), staff users
 * with their roles, API clients of provider and business systems, and how all of them sign in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package gongxin.identity;
