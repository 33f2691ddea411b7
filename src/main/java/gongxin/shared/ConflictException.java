package gongxin.shared;

/** The request clashes with the current state, for example a duplicate name (answered as 409). */
public class ConflictException extends RuntimeException {

    private final String field;
    private final String value;

    public ConflictException(String field, String value, String message) {
        super(message);
        this.field = field;
        this.value = value;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }
}
