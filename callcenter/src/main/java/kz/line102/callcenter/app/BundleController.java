package kz.line102.callcenter.app;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The message bundle for the pages: {@code GET /i18n/{lang}.json}, every key of
 * {@code i18n/messages_{lang}.properties} as written (MessageFormat quoting included: page.js
 * reads {@code ''} as one apostrophe). Public (the sign-in page needs it) and cacheable, with an ETag.
 */
@RestController
class BundleController {

    private final Map<String, Bundle> bundles = new TreeMap<>();

    BundleController() {
        for (var locale : I18nConfiguration.SUPPORTED) {
            String lang = locale.getLanguage();
            bundles.put(lang, load(lang));
        }
    }

    @GetMapping("/i18n/{lang}.json")
    ResponseEntity<Map<String, String>> bundle(@PathVariable String lang, WebRequest request) {
        Bundle b = bundles.get(lang);
        if (b == null) {
            throw new ProblemException(HttpStatus.NOT_FOUND, ProblemCodes.NO_SUCH_LANGUAGE, "no message bundle '" + lang
                    + "'; there are " + bundles.keySet(), java.util.List.of(lang)) {
            };
        }
        if (request.checkNotModified(b.etag())) {
            return null;
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES).cachePublic())
                .eTag(b.etag()).body(b.texts());
    }

    /** Every text of one language, for the pages and the completeness test. */
    static Map<String, String> texts(String lang) {
        return load(lang).texts();
    }

    private static Bundle load(String lang) {
        Properties p = new Properties();
        try (Reader in = new InputStreamReader(new ClassPathResource(I18nConfiguration.BASENAME + "_" + lang
                + ".properties").getInputStream(), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("message bundle " + lang + " unreadable", e);
        }
        Map<String, String> texts = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> texts.put(k, p.getProperty(k)));
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(texts.toString().getBytes(StandardCharsets.UTF_8));
            return new Bundle(Map.copyOf(texts), "\"" + HexFormat.of().formatHex(sha, 0, 12) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Bundle(Map<String, String> texts, String etag) {
    }
}
