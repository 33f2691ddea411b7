package gongxin.measures;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The measure lists and the matter catalog, as checks read them. */
public interface Measures {

    Optional<Matter> matter(String code);

    List<Matter> matters();

    /** The measures in force on {@code day} that apply to the matter (cached; refreshed when the lists change). */
    List<Measure> applicable(String matter, LocalDate day);
}
