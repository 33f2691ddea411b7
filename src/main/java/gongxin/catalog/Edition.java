package gongxin.catalog;

import java.time.LocalDate;
import java.util.List;

/** An edition of the national base catalog and its categories (2021: 11, 2022: 12, 2024: 13). */
public record Edition(String code, String name, String documentNo, LocalDate effectiveFrom, String note,
                      List<Category> categories) {

    public record Category(int no, String name, String description) {
    }
}
