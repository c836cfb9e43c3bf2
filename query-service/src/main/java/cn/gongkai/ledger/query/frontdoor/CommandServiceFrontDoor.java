package cn.gongkai.ledger.query.frontdoor;

import cn.gongkai.ledger.problem.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The front door of the three-service layout: the workbench and every API client talk to the query service's one
 * port, and the API calls the query service has no handler for — the commands — go on to the command service at
 * {@code ledger.command-service.url} ({@code LEDGER_COMMAND_SERVICE_URL}), as a reverse proxy would send them:
 * method, path, query, body and headers (the session cookie, the CSRF token, the bearer token, Accept-Language)
 * unchanged, plus {@code X-Forwarded-*}; the answer comes back as the command service gave it. It runs after the
 * security filters, so the one endpoint policy is checked here too, and the command service checks it again.
 *
 * <p>Absent in the one-process run, where the command controllers are in the same context. Which calls are the
 * command service's is not a list kept here: whatever no controller of this service maps goes on, so a new
 * command endpoint needs no change at the door.
 */
@Component
@ConditionalOnExpression("!'${ledger.command-service.url:${LEDGER_COMMAND_SERVICE_URL:}}'.isBlank()")
public class CommandServiceFrontDoor extends OncePerRequestFilter {
    /** Hop-by-hop headers (RFC 9110 §7.6.1) and those the client library sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "http2-settings");
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(2);

    private final URI commandService;
    private final RequestMappingHandlerMapping handlers;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public CommandServiceFrontDoor(@Value("${ledger.command-service.url:${LEDGER_COMMAND_SERVICE_URL:}}") URI commandService,
                                   RequestMappingHandlerMapping requestMappingHandlerMapping) {
        this.commandService = commandService;
        this.handlers = requestMappingHandlerMapping;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || servedHere(request);
    }

    private boolean servedHere(HttpServletRequest request) {
        try {
            return handlers.getHandler(request) != null;
        } catch (Exception notThisMethodOrType) {
            return false;   // a path this service maps for another method (GET /api/requests, POST: a command)
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        HttpRequest.Builder forwarded = HttpRequest.newBuilder(commandService.resolve(target)).timeout(ANSWER_TIMEOUT)
                .method(request.getMethod(), body(request));
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : Collections.list(request.getHeaders(name))) {
                    forwarded.header(name, value);
                }
            }
        }
        forwarded.header("X-Forwarded-For", request.getRemoteAddr())
                .header("X-Forwarded-Proto", request.getScheme())
                .header("X-Forwarded-Host", String.valueOf(request.getHeader("Host")));
        HttpResponse<InputStream> answer;
        try {
            answer = client.send(forwarded.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException late) {
            unanswered(request, response, new Problem(HttpStatus.GATEWAY_TIMEOUT, "COMMAND_SERVICE_TIMEOUT",
                    "命令服务未在时限内答复：操作可能已经记录，请刷新查看后再决定是否重试",
                    "The command service did not answer in time: the command may have been recorded; reload before retrying"));
            return;
        } catch (ConnectException unreachable) {
            unanswered(request, response, new Problem(HttpStatus.SERVICE_UNAVAILABLE, "COMMAND_SERVICE_UNAVAILABLE",
                    "命令服务暂时不可达，本次操作未保存，请稍后重试",
                    "The command service is unreachable; nothing was saved, retry later"));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException(e);
        }
        response.setStatus(answer.statusCode());
        answer.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        try (InputStream in = answer.body()) {
            in.transferTo(response.getOutputStream());
        }
    }

    private static HttpRequest.BodyPublisher body(HttpServletRequest request) {
        if (request.getContentLengthLong() == 0 || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            return HttpRequest.BodyPublishers.noBody();
        }
        return HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                return request.getInputStream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static void unanswered(HttpServletRequest request, HttpServletResponse response, Problem problem)
            throws IOException {
        if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.setHeader("Retry-After", "5");
        }
        problem.write(request, response, request.getRequestURI());
    }
}
