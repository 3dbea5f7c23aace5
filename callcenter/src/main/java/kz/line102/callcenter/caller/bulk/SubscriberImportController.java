package kz.line102.callcenter.caller.bulk;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.callcenter.app.UnsupportedMediaTypeException;
import kz.line102.callcenter.caller.CallerProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/subscribers/import} with the CSV as the raw body
 * ({@code text/csv}), read as a stream straight into the loader: the file is never
 * held in memory or on disk here. A declared length over the limit is refused before
 * a byte is read; an undeclared one is cut off at the limit.
 */
@RestController
class SubscriberImportController {

    private final SubscriberImporter importer;
    private final long maxBytes;

    SubscriberImportController(SubscriberImporter importer, CallerProperties props) {
        this.importer = importer;
        this.maxBytes = props.importing().maxBytes().toBytes();
    }

    @PostMapping(path = "/api/v1/admin/subscribers/import", consumes = {"text/csv", "text/plain"})
    ImportReport load(HttpServletRequest request, @RequestParam(defaultValue = "upload") String source)
            throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw new UploadTooLargeException(maxBytes);
        }
        if (!source.matches("[\\p{L}\\p{N} ._-]{1,100}")) {
            throw new InvalidRequestException("'source' must be 1 to 100 letters, digits, spaces, '.', '_' or '-'");
        }
        // The header as sent: the request's character encoding is forced to UTF-8 by a filter.
        Charset charset;
        try {
            charset = MediaType.parseMediaType(request.getHeader(HttpHeaders.CONTENT_TYPE)).getCharset();
        } catch (RuntimeException e) {
            throw new UnsupportedMediaTypeException("unreadable content type: send text/csv in UTF-8");
        }
        if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
            throw new UnsupportedMediaTypeException(
                    "charset " + charset + " is not accepted: send the CSV as UTF-8");
        }
        return importer.load(request.getInputStream(), source);
    }
}
