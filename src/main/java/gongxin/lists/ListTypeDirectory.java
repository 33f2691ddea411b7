package gongxin.lists;

import java.util.Set;

/** The codes of the list types the credit office defined, for modules that refer to them (measures). */
public interface ListTypeDirectory {

    Set<String> codes();
}
