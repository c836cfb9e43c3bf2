package cn.gongkai.ledger.command.web;

import cn.gongkai.ledger.problem.Problem;
import cn.gongkai.ledger.api.common.InputLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The size limits of {@link InputLimits} on every request, before anything reads it: headers at most
 * {@value InputLimits#HEADERS_MAX_BYTES} bytes (431), a body at most {@value InputLimits#BODY_MAX_BYTES} bytes or,
 * for the import, {@value InputLimits#IMPORT_MAX_BYTES} bytes (413). A declared {@code Content-Length} over the
 * limit is answered at once; a chunked body is counted as it is read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BodyLimit extends OncePerRequestFilter {
    static final String IMPORT_PATH = "/api/import";

    /** Thrown by a capped body when it grows past its limit. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge(long limit) {
            super("body larger than " + limit + " bytes");
        }
    }

    static long limitOf(HttpServletRequest request) {
        return IMPORT_PATH.equals(request.getRequestURI()) ? InputLimits.IMPORT_MAX_BYTES : InputLimits.BODY_MAX_BYTES;
    }

    static boolean tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BodyTooLarge) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (headerBytes(request) > InputLimits.HEADERS_MAX_BYTES) {
            refuse(request, response, CommandProblems.ofStatus(431, request));
            return;
        }
        long limit = limitOf(request);
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, CommandProblems.of(CommandRejected.tooLarge(limit)));
            return;
        }
        chain.doFilter(new Capped(request, limit), response);
    }

    private static long headerBytes(HttpServletRequest request) {
        long bytes = 0;
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                bytes += name.length() + value.length() + 4;
            }
        }
        return bytes;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, Problem problem)
            throws IOException {
        problem.write(request, response, request.getRequestURI());
    }

    /** A request whose body stream fails with {@link BodyTooLarge} once more than the limit has been read. */
    private static final class Capped extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CappedStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }

    private static final class CappedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        CappedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
