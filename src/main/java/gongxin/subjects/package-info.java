/**
 * The subject registry: one subject per organisation (by credit code) and per natural person (by the digest of the ID
 * number), kept up to date as records arrive, with former names and the legal representative as a subject of its own
 * (落实到人). Records, lists, checks and rights point at its subjects.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subjects")
package gongxin.subjects;
