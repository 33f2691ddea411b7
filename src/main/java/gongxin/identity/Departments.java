package gongxin.identity;

import java.util.List;
import java.util.Optional;

/** The departments registered on the platform, for other modules. */
public interface Departments {

    Optional<Department> find(String code);

    Optional<Department> findByCreditCode(String creditCode);

    List<Department> all();
}
