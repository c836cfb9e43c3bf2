package cn.gongkai.ledger.problem;

import org.springframework.http.HttpStatus;

/**
 * The problem of an HTTP status that the web layer or the servlet container decides before any endpoint runs (an
 * unknown path, a method, media type or encoding no endpoint takes, headers too large, a URL the container refuses),
 * in Chinese and English, the same for every service.
 */
public final class StatusProblems {
    private StatusProblems() {
    }

    public static Problem of(int status, String method, String path) {
        return switch (status) {
            case 400 -> new Problem(HttpStatus.BAD_REQUEST, "BAD_REQUEST",
                    "请求无效（地址、编码或请求格式不符合 HTTP 规范），未作任何处理",
                    "Bad request (its address, encoding or form is not valid HTTP); nothing was done");
            case 404 -> new Problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "没有这个地址：" + path,
                    "No such resource: " + path);
            case 405 -> new Problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                    "地址 " + path + " 不支持 " + method + " 请求方法", "Method " + method + " is not supported by " + path);
            case 406 -> new Problem(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE",
                    "只能以 JSON（application/json 或 application/problem+json）或该地址所提供的格式回答",
                    "The answer can only be JSON (application/json or application/problem+json) or the format this "
                            + "address serves");
            case 413 -> new Problem(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "请求内容过大，未作任何处理",
                    "The request body is too large; nothing was done");
            case 415 -> new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "请求内容类型不受支持，请以 Content-Type: application/json 发送",
                    "Unsupported content type: send application/json");
            case 431 -> headersTooLarge();
            case 503 -> new Problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", "服务暂时不可用，请稍后重试",
                    "The service is unavailable; retry later");
            default -> status >= 400 && status < 500
                    ? new Problem(HttpStatus.resolve(status) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(status),
                    "BAD_REQUEST", "请求无效，未作任何处理", "Bad request; nothing was done")
                    : new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "服务内部错误",
                    "Internal error");
        };
    }

    /** Headers larger than the server takes. */
    public static Problem headersTooLarge() {
        return new Problem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "HEADERS_TOO_LARGE", "请求头过大，未作任何处理",
                "The request headers are too large; nothing was done");
    }
}
