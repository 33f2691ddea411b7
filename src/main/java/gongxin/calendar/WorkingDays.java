package gongxin.calendar;

/**
 * A number of working days, as statutory deadlines count them (e.g. 7 working days to publish a penalty).
 */
public record WorkingDays(int value) {

    public WorkingDays {
        if (value < 0) {
            throw new IllegalArgumentException("working days cannot be negative: " + value);
        }
    }

    public static WorkingDays of(int value) {
        return new WorkingDays(value);
    }
}
