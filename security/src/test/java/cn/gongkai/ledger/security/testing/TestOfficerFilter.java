package cn.gongkai.ledger.security.testing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For MockMvc tests that are about something else than security: a filter in front of the security chain that
 * gives every request without an {@code Authorization} header the bearer token of the officer of the agency the
 * request names ({@link TestOfficers}), so the request is still authenticated and authorized by the real chain.
 * A request with header {@value #ANONYMOUS} stays anonymous. Import it with {@code @Import(TestOfficerFilter.class)}.
 */
@TestConfiguration
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TestOfficerFilter extends OncePerRequestFilter {
    public static final String ANONYMOUS = "X-Test-Anonymous";
    private final Environment environment;

    public TestOfficerFilter(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader(ANONYMOUS) != null) {
            chain.doFilter(request, response);
            return;
        }
        String uri = environment.getProperty("spring.data.mongodb.uri");
        String database = environment.getProperty("spring.data.mongodb.database",
                environment.getProperty("MONGODB_DATABASE", "gongkai-ledger"));
        String agency = request.getParameter("agencyId");
        String path = request.getRequestURI()
                + (agency == null || agency.isBlank() ? "" : "?agencyId=" + agency);
        String token = TestOfficers.of(uri, database).tokenForRequest(path, null);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? "Bearer " + token : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)
                        ? Collections.enumeration(List.of("Bearer " + token)) : super.getHeaders(name);
            }
        }, response);
    }
}
