package dev.smtpd4c.optin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Input that parsed but is not acceptable, field by field; rendered as 422 problem+json with an {@code errors} list. */
public class InvalidInputException extends RuntimeException {

    /** One field's error; {@code code} is stable, {@code suggestion} a corrected value when there is one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String code, String detail, String suggestion) {
        public FieldError(String field, String code, String detail) {
            this(field, code, detail, null);
        }
    }

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
