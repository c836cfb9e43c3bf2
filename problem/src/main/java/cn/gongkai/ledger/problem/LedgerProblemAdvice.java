package cn.gongkai.ledger.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The read side's errors as {@link Problem}s (the one RFC 9457 shape of every service): a
 * {@link LedgerProblemException}, and Spring MVC's binding errors. Each service subclasses it, scoped to its own
 * controllers, so that the services can share one Spring context without handling each other's errors.
 */
public abstract class LedgerProblemAdvice {

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String zh, String en,
                                                        HttpServletRequest request) {
        return new Problem(status, code, zh, en).toResponse(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE),
                request.getRequestURI());
    }

    @ExceptionHandler(LedgerProblemException.class)
    public ResponseEntity<ProblemDetail> refused(LedgerProblemException e, HttpServletRequest request) {
        return e.problem().toResponse(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), request.getRequestURI());
    }

    /** A typed id, a year or a format that its own constructor refused. */
    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "参数无效：" + e.getMessage(),
                "Invalid parameter: " + e.getMessage(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER",
                "参数“" + e.getName() + "”的值无效：" + e.getValue(),
                "Invalid value for parameter '" + e.getName() + "': " + e.getValue(), request);
    }

    /** A query parameter of the wrong type (e.g. {@code year=abc}), bound into a query record. */
    @ExceptionHandler(BindException.class)
    public ResponseEntity<ProblemDetail> unbound(BindException e, HttpServletRequest request) {
        String fields = e.getFieldErrors().stream().map(f -> f.getField() + "=" + f.getRejectedValue())
                .collect(Collectors.joining(", "));
        return problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "参数值无效：" + fields,
                "Invalid parameter value: " + fields, request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "MISSING_PARAMETER", "缺少参数“" + e.getParameterName() + "”",
                "Missing parameter '" + e.getParameterName() + "'", request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "UNREADABLE_BODY", "请求体不是有效的 JSON 或缺少必填字段",
                "The request body is not valid JSON or lacks a required field", request);
    }
}
