package dev.smtpd4c.optin.rest;

/** Thrown by services for errors the caller can fix; rendered as problem+json. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;

    public ProblemException(int status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public static ProblemException badRequest(String slug, String title, String detail) {
        return new ProblemException(400, slug, title, detail);
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_BASE + slug, title, status, getMessage(), instance);
    }

    public int status() {
        return status;
    }
}
