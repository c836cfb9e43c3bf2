package cn.gongkai.ledger.command.web;

import cn.gongkai.ledger.problem.Problem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every error that no controller answered (an unknown path, a method or media type no endpoint takes, an error
 * the servlet container raised) as a bilingual RFC 9457 problem detail instead of Spring's or Tomcat's default
 * page. It writes {@code application/problem+json} whatever the client's {@code Accept}, so a 406 is answered too.
 */
@RestController
public class ProblemErrorController implements ErrorController {
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
        Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Problem problem = thrown instanceof Throwable e && BodyLimit.tooLarge(e)
                ? CommandProblems.ofStatus(413, original) : CommandProblems.ofStatus(status, original);
        response.reset();
        problem.write(request, response, original.getRequestURI());
    }
}
