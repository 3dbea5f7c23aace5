package kz.line102.callcenter.app;

import java.util.Arrays;
import java.util.Set;

import org.springframework.core.env.Environment;

/**
 * The profiles under which throwaway stand-ins may run. Production fails closed: an
 * embedded PostgreSQL or Redis could take a node's calls into a store nobody backs up,
 * and the AMI replay plays captured calls as if they were real, so both need a profile
 * someone chose on purpose, never a default.
 */
public final class DemoProfiles {

    /** Embedded PostgreSQL/Redis: a laptop or a demonstration, nothing else. */
    public static final Set<String> EMBEDDED_STORES = Set.of("demo", "dev");
    /**
     * The AMI replay: those two, and the test suite's own profile ({@code test}; its
     * {@code application-test.yml} exists only in the test sources), whose tests play the
     * calls they check. Tests use the machine's real stores, never embedded ones.
     */
    public static final Set<String> REPLAY = Set.of("demo", "dev", "test");

    private DemoProfiles() {
    }

    public static boolean anyActive(Environment env, Set<String> profiles) {
        return Arrays.stream(env.getActiveProfiles()).anyMatch(profiles::contains);
    }

    public static String describe(Environment env) {
        String[] active = env.getActiveProfiles();
        return active.length == 0 ? "none" : String.join(",", active);
    }
}
