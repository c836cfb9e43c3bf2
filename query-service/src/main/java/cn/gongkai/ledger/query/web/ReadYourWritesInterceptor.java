package cn.gongkai.ledger.query.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every read ({@code GET /api/**}) with {@code ?after=<position>} waits through {@link ReadYourWrites} before it
 * is answered; a malformed position is 400, a read side still behind after the bound is 503 (problem details).
 */
@Configuration
public class ReadYourWritesInterceptor implements HandlerInterceptor, WebMvcConfigurer {
    public static final String AFTER = "after";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReadYourWrites readYourWrites;

    public ReadYourWritesInterceptor(ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        String after = request.getParameter(AFTER);
        if (!"GET".equals(request.getMethod()) || after == null || after.isBlank()) {
            return true;
        }
        Optional<ReadYourWrites.Position> position = ReadYourWrites.Position.parse(after.strip());
        if (position.isEmpty()) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "INVALID_POSITION",
                    "after 须为命令答复中的 position（编号@序号）：" + after,
                    "after must be the position of a command's answer (<id>@<sequence>): " + after);
            return false;
        }
        if (!readYourWrites.awaitReached(position.get())) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            refuse(request, response, HttpStatus.SERVICE_UNAVAILABLE, "READ_SIDE_BEHIND",
                    "查询端在 " + readYourWrites.maxWait().toMillis() + " 毫秒内尚未处理到该操作（" + after + "），请稍后重试",
                    "The read side has not reached " + after + " within " + readYourWrites.maxWait().toMillis()
                            + " ms; retry shortly");
            return false;
        }
        return true;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                               String code, String zh, String en) throws IOException {
        String language = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        boolean english = language != null && language.toLowerCase().startsWith("en");
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:gongkai-ledger:problem:" + code);
        problem.put("title", english ? status.getReasonPhrase()
                : status == HttpStatus.BAD_REQUEST ? "请求无效" : "服务暂不可用");
        problem.put("status", status.value());
        problem.put("detail", english ? en : zh);
        problem.put("instance", request.getRequestURI());
        problem.put("code", code);
        problem.put("messageZh", zh);
        problem.put("messageEn", en);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
