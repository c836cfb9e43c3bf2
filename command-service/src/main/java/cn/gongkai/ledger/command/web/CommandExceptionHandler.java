package cn.gongkai.ledger.command.web;

import cn.gongkai.ledger.problem.Problem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every refused command of this service with a bilingual problem detail ({@link Problem}), including
 * the refusals of Spring MVC itself (an unreadable body, a wrong method or media type).
 */
@RestControllerAdvice(basePackages = "cn.gongkai.ledger.command")
public class CommandExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> refused(Exception e, HttpServletRequest request) {
        return answer(CommandProblems.of(e), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Problem problem = BodyLimit.tooLarge(e)
                ? CommandProblems.of(CommandRejected.tooLarge(BodyLimit.limitOf(servlet(request))))
                : CommandProblems.of(CommandRejected.notAnObject());
        return answer(problem, servlet(request));
    }

    /** Every other exception Spring MVC raises before a command is bound: one bilingual problem per status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> answer = answer(CommandProblems.ofStatus(status.value(), servlet(request)), servlet(request));
        return ResponseEntity.status(answer.getStatusCode()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(answer.getBody());
    }

    private static ResponseEntity<Object> answer(Problem problem, HttpServletRequest request) {
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.toDetail(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), request.getRequestURI()));
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    }
}
