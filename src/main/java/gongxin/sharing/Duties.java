package gongxin.sharing;

import gongxin.identity.Caller;

/**
 * The sharing duties as other modules' non-public reads by systems check them (issue 24: a {@code share} client without
 * a duty for the matter gets nothing non-public): SPECIAL reports, subject look-ups.
 */
public interface Duties {

    /**
     * Refuses the read unless the caller's department has a duty for the matter.
     *
     * @throws gongxin.shared.RuleViolationException {@code matter-required}, {@code unknown-matter}
     * @throws gongxin.shared.NotPermittedException {@code not-in-duty}
     */
    void require(Caller caller, String matter);
}
