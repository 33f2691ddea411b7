package gongxin.identity;

import java.util.List;
import java.util.Optional;

/** The departments registered on the platform, for other modules. */
public interface Departments {

    Optional<Department> find(String code);

    Optional<Department> findByCreditCode(String creditCode);

    List<Department> all();

    /** Every department's name by its code, for pages and read models that show names. */
    default java.util.Map<String, String> names() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        all().forEach(d -> names.put(d.code(), d.name()));
        return names;
    }

    /** A department's name, or the code itself when no department has it. */
    default String nameOf(String code) {
        return find(code).map(Department::name).orElse(code);
    }
}
