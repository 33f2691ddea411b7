package gongxin.entries;

/**
 * What an entry says of its subject, as measures read it (credit-rules §4): dishonesty triggers punishments,
 * trustworthiness (red lists, kept commitments where a measure names them) incentives, anything else neither.
 */
public enum EntryNature {
    DISHONESTY, TRUSTWORTHY, NEUTRAL
}
