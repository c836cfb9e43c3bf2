package cn.gongkai.ledger.problem;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last resort, for the errors it decides before the application sees the request — a URL it refuses
 * ({@code %00}, an encoded slash, malformed percent-encoding or UTF-8), headers over its limit — as the same
 * bilingual problem detail as every other error ({@link Problem#ofStatus}), never Tomcat's HTML page. Headers too
 * large are answered 431, not Tomcat's 400.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String path = request.getRequestURI();
        Problem problem = Problem.ofStatus(headersTooLarge(throwable) ? 431 : status, path, request.getMethod());
        try {
            problem.write(request, response, instance(path));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            container.getLogger().debug("Could not write the problem detail of a refused request", e);
        }
    }

    /** The path as the problem's {@code instance} when it is a valid URI reference, else none. */
    static String instance(String path) {
        if (path == null) {
            return null;
        }
        try {
            java.net.URI.create(path);
            return path;
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    private static boolean headersTooLarge(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("header")
                    && message.toLowerCase(java.util.Locale.ROOT).contains("too large")) {
                return true;
            }
        }
        return false;
    }
}
