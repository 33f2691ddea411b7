package gongxin.shared;

/** The thing asked for does not exist (answered as 404 with a Chinese message). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
