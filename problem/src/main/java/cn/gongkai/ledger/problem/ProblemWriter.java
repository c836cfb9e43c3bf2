package cn.gongkai.ledger.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/** Writes a {@link Problem} straight to a response, outside Spring MVC (the error page, filters, the container). */
public final class ProblemWriter {
    private static final ObjectMapper WRITER = new ObjectMapper()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

    private ProblemWriter() {
    }

    public static void write(Problem problem, String acceptLanguage, String path, HttpServletResponse response)
            throws IOException {
        response.setStatus(problem.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        write(problem, acceptLanguage, path, response.getOutputStream());
    }

    /** The problem detail's JSON; the instance is the path when it is a valid URI reference (else left out). */
    public static void write(Problem problem, String acceptLanguage, String path, OutputStream out) throws IOException {
        WRITER.writeValue(out, problem.toDetail(acceptLanguage, validUri(path)));
    }

    private static String validUri(String path) {
        if (path == null) {
            return null;
        }
        try {
            URI.create(path);
            return path;
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
