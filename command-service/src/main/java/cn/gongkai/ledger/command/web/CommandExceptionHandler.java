package cn.gongkai.ledger.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Answers every refused command of this service with a bilingual problem detail ({@link Problem}). */
@RestControllerAdvice(basePackages = "cn.gongkai.ledger.command")
public class CommandExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> refused(Exception e, HttpServletRequest request) {
        return answer(Problem.of(e), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String reason = e.getMostSpecificCause().getMessage();
        return answer(Problem.of(CommandRejected.malformedJson(firstLine(reason))), servlet(request));
    }

    private static ResponseEntity<Object> answer(Problem problem, HttpServletRequest request) {
        return ResponseEntity.status(problem.status())
                .body(problem.toDetail(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), request.getRequestURI()));
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
