package cn.gongkai.ledger.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the read side as RFC 9457 problem details ({@code application/problem+json}), shaped like the
 * command service's: {@code type} {@code urn:gongkai-ledger:problem:<code>}, {@code title} and {@code detail} in
 * the language the {@code Accept-Language} header prefers (Chinese unless English is preferred), {@code status},
 * {@code instance} (the path), and the extension members {@code code}, {@code messageZh} and {@code messageEn}.
 * Each service subclasses it, scoped to its own controllers, so that the services can share one Spring context
 * without handling each other's errors.
 */
public abstract class LedgerProblemAdvice {

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String zh, String en,
                                                        HttpServletRequest request) {
        String acceptLanguage = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        boolean english = acceptLanguage != null && !acceptLanguage.isBlank() && Locale.ENGLISH.equals(
                Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), List.of(Locale.CHINESE, Locale.ENGLISH)));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, english ? en : zh);
        problem.setType(URI.create("urn:gongkai-ledger:problem:" + code));
        problem.setTitle(english ? status.getReasonPhrase() : titleZh(status));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", code);
        problem.setProperty("messageZh", zh);
        problem.setProperty("messageEn", en);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String titleZh(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "请求无效";
            case NOT_FOUND -> "未找到";
            case CONFLICT -> "冲突";
            case UNPROCESSABLE_ENTITY -> "无法处理";
            case INTERNAL_SERVER_ERROR -> "服务器内部错误";
            default -> status.getReasonPhrase();
        };
    }

    @ExceptionHandler(LedgerProblemException.class)
    public ResponseEntity<ProblemDetail> refused(LedgerProblemException e, HttpServletRequest request) {
        return problem(e.status(), e.code(), e.messageZh(), e.messageEn(), request);
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
