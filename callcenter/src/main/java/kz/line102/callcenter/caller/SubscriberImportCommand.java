package kz.line102.callcenter.caller;

import kz.line102.callcenter.app.ProblemException;
import kz.line102.callcenter.app.ClockConfiguration;
import kz.line102.callcenter.app.RedisConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import kz.line102.callcenter.caller.bulk.ImportReport;
import kz.line102.callcenter.caller.bulk.SubscriberImporter;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar callcenter-exec.jar --line102.import=subscribers.csv [--line102.import-source=NAME]}:
 * loads a subscriber CSV with the same loader and checks as the admin upload, in a
 * small context (database, Redis for cache invalidation, no web, no call intake), so
 * it can run beside live nodes. {@code -} reads standard input. Prints the report
 * as JSON; exits 0 when every row loaded, 2 when some were rejected, 1 on failure.
 */
public final class SubscriberImportCommand {

    static final String FILE = "line102.import";

    private SubscriberImportCommand() {
    }

    public static boolean wanted(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.startsWith("--" + FILE + "="));
    }

    /** The command's small context (the lookup benchmark runs in one too). */
    public static ConfigurableApplicationContext context(String... args) {
        return new SpringApplicationBuilder(ImportContext.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args);
    }

    public static int run(String[] args) {
        try (ConfigurableApplicationContext ctx = context(args)) {
            String file = ctx.getEnvironment().getRequiredProperty(FILE);
            String source = ctx.getEnvironment().getProperty("line102.import-source",
                    file.equals("-") ? "stdin" : Path.of(file).getFileName().toString());
            ImportReport report;
            try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
                report = ctx.getBean(SubscriberImporter.class).load(in, source);
            } catch (NoSuchFileException e) {
                System.err.println("line102: no such file: " + file);
                return 1;
            } catch (ProblemException e) {
                System.err.println("line102: " + e.code() + ": " + e.getMessage());
                return 1;
            } catch (IOException e) {
                System.err.println("line102: cannot read " + file + ": " + e.getMessage());
                return 1;
            }
            System.out.println(ctx.getBean(JsonMapper.class).writerWithDefaultPrettyPrinter()
                    .writeValueAsString(report));
            return report.rejected() == 0 ? 0 : 2;
        }
    }

    /**
     * Only what a load needs: the caller package and the application's Redis and clock.
     * Deliberately not a {@code @Configuration}: the application's component scan must
     * not find it (its auto-configuration exclusions would apply to the whole app).
     */
    @EnableAutoConfiguration(excludeName = "org.apache.camel.spring.boot.CamelAutoConfiguration")
    @ComponentScan(basePackages = {"kz.line102.callcenter.caller"}, excludeFilters =
            @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Controller"))
    @Import({RedisConfiguration.class, ClockConfiguration.class})
    static class ImportContext {
    }
}
