package gongxin.collection;

import java.util.List;

/** The file as a whole cannot be taken (empty, unreadable, unknown layout, too large…): nothing is stored. */
class FileRefusedException extends RuntimeException {

    private final List<RowError> errors;

    FileRefusedException(List<RowError> errors) {
        super(errors.isEmpty() ? "file refused" : errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    FileRefusedException(String rule, String message) {
        this(List.of(new RowError(0, null, null, rule, message)));
    }

    List<RowError> errors() {
        return errors;
    }
}
