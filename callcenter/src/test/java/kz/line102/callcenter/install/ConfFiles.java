package kz.line102.callcenter.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/** The files under conf/ and the application's built-in defaults, bound as the application binds them. */
final class ConfFiles {

    static final Path CONF = Path.of("..", "conf");
    static final Path ASTERISK = CONF.resolve("asterisk");
    static final Path SYSTEMD = CONF.resolve("systemd");

    private ConfFiles() {
    }

    /** conf/cti-bridge.yml and conf/recorder.yml: the documented values for a production node. */
    static Binder documented() {
        return binder(new FileSystemResource(CONF.resolve("cti-bridge.yml")),
                new FileSystemResource(CONF.resolve("recorder.yml")));
    }

    /** conf/application.yml: the call centre's own keys (line health, intake, ...). */
    static Binder documentedApplication() {
        return binder(new FileSystemResource(CONF.resolve("application.yml")));
    }

    /** conf/*.yml with some keys set otherwise, as the environment would. */
    static Binder documented(Map<String, String> overrides) {
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        sources.add(new MapConfigurationPropertySource(overrides));
        sources.addAll(sources(new FileSystemResource(CONF.resolve("cti-bridge.yml")),
                new FileSystemResource(CONF.resolve("recorder.yml"))));
        return new Binder(sources);
    }

    /** The application's built-in defaults (callcenter/src/main/resources/application.yml). */
    static Binder builtIn() {
        return binder(new ClassPathResource("application.yml"));
    }

    /** A profile's file from the classpath over the built-in defaults. */
    static Binder builtIn(String profile) {
        return binder(new ClassPathResource("application-" + profile + ".yml"), new ClassPathResource("application.yml"));
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A systemd EnvironmentFile: KEY=VALUE lines, # comments, no quoting used. */
    static Map<String, String> environmentFile(Path file) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : text(file).split("\n")) {
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq < 1) {
                throw new AssertionError(file + ": not KEY=VALUE: " + line);
            }
            env.put(l.substring(0, eq), l.substring(eq + 1));
        }
        return env;
    }

    private static Binder binder(Resource... files) {
        return new Binder(sources(files));
    }

    private static List<ConfigurationPropertySource> sources(Resource... files) {
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        try {
            for (Resource file : files) {
                for (PropertySource<?> source : new YamlPropertySourceLoader().load(file.getDescription(), file)) {
                    ConfigurationPropertySources.from(source).forEach(sources::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }
}
