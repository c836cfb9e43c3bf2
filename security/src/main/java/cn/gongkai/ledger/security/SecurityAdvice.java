package cn.gongkai.ledger.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refusal raised inside a handler (an agency found in a body or through a case id) is a 403, in every service. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityAdvice {
    @ExceptionHandler(AccessRefused.class)
    ResponseEntity<ProblemDetail> refused(AccessRefused refused, HttpServletRequest request) {
        return SecurityProblems.entity(HttpStatus.FORBIDDEN, refused.code(), refused.zh(), refused.getMessage(),
                request);
    }
}
