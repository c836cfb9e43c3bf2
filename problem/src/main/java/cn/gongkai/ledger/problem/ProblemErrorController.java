package cn.gongkai.ledger.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page of every service: each error no endpoint answered (an unknown path, a method or media type no
 * endpoint takes, an error the servlet container raised inside the application) as a bilingual RFC 9457 problem
 * detail instead of Spring's or Tomcat's default page. It writes {@code application/problem+json} whatever the
 * client's {@code Accept}, so a 406 is answered too. A service may word a status its own way
 * ({@link ErrorProblemResolver}); errors the container decides before the application sees the request (a URL it
 * refuses, headers too large) are answered the same way by {@link ProblemErrorReportValve}.
 */
@RestController
public class ProblemErrorController implements ErrorController {
    private final ObjectProvider<ErrorProblemResolver> resolvers;

    public ProblemErrorController(ObjectProvider<ErrorProblemResolver> resolvers) {
        this.resolvers = resolvers;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        HttpServletRequest original = uri == null ? request : new HttpServletRequestWrapper(request) {
            @Override
            public String getRequestURI() {
                return uri.toString();
            }
        };
        Throwable thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
        List<ErrorProblemResolver> ordered = resolvers.orderedStream().toList();
        Problem problem = ordered.stream().map(r -> r.resolve(status, thrown, original)).flatMap(Optional::stream)
                .findFirst().orElseGet(() -> Problem.ofStatus(status, original.getRequestURI(), original.getMethod()));
        response.reset();
        problem.write(request, response, ProblemErrorReportValve.instance(original.getRequestURI()));
    }
}
