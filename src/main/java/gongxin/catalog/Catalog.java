package gongxin.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The catalog as other modules ask it: which items are in force on a date, with which attributes. */
public interface Catalog {

    Optional<CatalogItem> itemInForce(String code, LocalDate on);

    List<CatalogItem> itemsInForce(LocalDate on);

    /** Every version of an item, newest first (empty when there is no such item). */
    List<CatalogItem> history(String code);

    /** One version of an item: the one a stored record was validated against. */
    default Optional<CatalogItem> version(String code, int version) {
        return history(code).stream().filter(item -> item.version() == version).findFirst();
    }
}
