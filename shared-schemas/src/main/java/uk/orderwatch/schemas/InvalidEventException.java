package uk.orderwatch.schemas;

/**
 * A record that is not a valid orderwatch event: not JSON, not a CloudEvents envelope, an unknown type, or data that
 * does not match its schema. Retrying cannot fix it, so consumers dead-letter it at once.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
