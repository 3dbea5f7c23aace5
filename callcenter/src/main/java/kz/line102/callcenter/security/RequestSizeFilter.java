package kz.line102.callcenter.security;

import kz.line102.callcenter.app.PersonalData;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import kz.line102.callcenter.app.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds every request body before anything reads it: a declared length over the
 * limit is answered 413 {@code request-too-large} at once; a body without a length
 * (chunked) is counted as it is read and the read fails at the limit, which the
 * error mapping turns into the same 413. Six 90 MB card edits no longer fill the heap.
 */
class RequestSizeFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestSizeFilter.class);

    private final long defaultLimit;
    private final List<Map.Entry<RequestMatcher, Long>> larger;
    private final List<RequestMatcher> streamed;
    private final JsonMapper json;

    RequestSizeFilter(RequestLimitProperties props, JsonMapper json) {
        this.defaultLimit = props.maxBody().toBytes();
        this.larger = props.largerBodies().stream()
                .map(b -> Map.entry(RequestMatchers.of(b.request()), b.max().toBytes())).toList();
        this.streamed = props.streamed().stream().map(RequestMatchers::of).toList();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (streamed.stream().anyMatch(m -> m.matches(request))) {
            chain.doFilter(request, response);
            return;
        }
        long limit = larger.stream().filter(e -> e.getKey().matches(request)).mapToLong(Map.Entry::getValue)
                .findFirst().orElse(defaultLimit);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            log.info("{} {} refused: body of {} bytes over the limit of {}", request.getMethod(),
                    PersonalData.uri(request.getRequestURI()), declared, limit);
            ProblemDetail problem = Problems.detail(HttpStatus.CONTENT_TOO_LARGE, ProblemCodes.REQUEST_TOO_LARGE,
                    "the request body is larger than this endpoint takes (" + limit + " bytes)", request);
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            // The body is not read: the container closes the connection rather than drain it.
            response.setHeader("Connection", "close");
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Limited(request, limit), response);
    }

    /** A request whose body fails with {@link RequestTooLargeException} past {@code limit} bytes. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
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
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new RequestTooLargeException(limit);
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
