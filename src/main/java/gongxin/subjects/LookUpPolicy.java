package gongxin.subjects;

import gongxin.identity.Caller;

/**
 * What a subject look-up by a system must satisfy beyond its scope, provided by the module that knows (sharing: the
 * caller's duty for the matter it names). Refuses by throwing.
 */
public interface LookUpPolicy {

    void check(Caller caller, String matter);
}
