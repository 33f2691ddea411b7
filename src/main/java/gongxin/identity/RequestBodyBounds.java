package gongxin.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A bound on every API request body, fitting what the endpoint takes (issue 25, finding 2): a department's collection
 * file up to the upload limit (1 GB), a JSON submission of records up to 256 MB, any other upload (catalog, measures
 * workbook, list imports, calendar years) up to 64 MB, and every other body (commands, queries) up to 16 MB. A declared
 * length over the bound is refused with 413 before anything is read; a body sent without a length is counted as it
 * is read and cut at the bound (an upload without a length is refused with 411, since the container parses it on its
 * own). The public site's tighter bounds and rate limits come first ({@code PublicRequestLimits}); anonymous callers
 * of the rest never get this far (the filter chain refuses them before the body).
 */
@Component
class RequestBodyBounds extends OncePerRequestFilter {

    static final long COLLECTION_FILE = 1025L * 1024 * 1024;
    static final long JSON_SUBMISSION = 256L * 1024 * 1024;
    static final long UPLOAD = 64L * 1024 * 1024;
    static final long OTHER = 16L * 1024 * 1024;

    private final ProblemResponses problems;

    RequestBodyBounds(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path(request).startsWith("/api/");
    }

    static long bound(String path, String contentType) {
        boolean multipart = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        if (path.equals("/api/v1/submissions/files")) {
            return COLLECTION_FILE;
        }
        if (path.equals("/api/v1/submissions")) {
            return JSON_SUBMISSION;
        }
        return multipart ? UPLOAD : OTHER;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long bound = bound(path(request), request.getContentType());
        long length = request.getContentLengthLong();
        if (length > bound) {
            response.setHeader("Connection", "close");
            problems.write(response, 413, "payload-too-large", "请求内容过大",
                    "该接口的请求体不能超过 " + bound / 1024 / 1024 + " MB，未作任何处理");
            return;
        }
        boolean chunked = length < 0 && request.getHeader("Transfer-Encoding") != null;
        if (chunked && request.getContentType() != null && request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
                && bound < COLLECTION_FILE) {
            problems.write(response, 411, "length-required", "请求须注明内容长度", "上传文件的请求须注明 Content-Length");
            return;
        }
        chain.doFilter(chunked ? new Bounded(request, bound) : request, response);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** A body without a declared length, cut at the bound as it is read. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private final long bound;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long bound) {
            super(request);
            this.bound = bound;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

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

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > bound) {
                            throw new IOException("request body over its bound of " + bound + " bytes");
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
                };
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding()));
        }
    }
}
