package cn.gongkai.ledger.problem;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;

/**
 * Tomcat's last resort, for the errors it decides before the application sees the request — a URL it refuses
 * ({@code %00}, an encoded slash, malformed percent-encoding or UTF-8), headers over its limit — as the same
 * bilingual problem detail as every other error ({@link StatusProblems}), never Tomcat's HTML page. Headers too
 * large are answered 431, not Tomcat's 400.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        Problem problem = headersTooLarge(throwable) ? StatusProblems.headersTooLarge()
                : StatusProblems.of(status, request.getMethod(), request.getRequestURI());
        try {
            response.setStatus(problem.status().value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            String language = null;
            try {
                language = request.getHeader("Accept-Language");
            } catch (RuntimeException unreadableHeaders) {
                // answered in Chinese
            }
            OutputStream out = response.getOutputStream();
            ProblemWriter.write(problem, language, request.getRequestURI(), out);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            container.getLogger().debug("Could not write the problem detail of a refused request", e);
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
