package kz.line102.callcenter.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;

/**
 * The demo's seeded desks, units and subscribers fail closed: only the demo profile's file turns
 * {@code line102.callcenter.demo-data} on, and each seeder needs that profile and the key both.
 */
class DemoDataSwitchTest {

    private static final String KEY = "line102.callcenter.demo-data";

    @Test
    void onlyTheDemoProfileSeedsDemoDataAndEverySeederNeedsTheProfileAndTheKey() throws ClassNotFoundException {
        assertThat(ConfFiles.builtIn("demo").bind(KEY, Boolean.class).orElse(false)).isTrue();
        assertThat(ConfFiles.builtIn().bind(KEY, Boolean.class).orElse(false)).isFalse();
        assertThat(ConfFiles.builtIn("dev").bind(KEY, Boolean.class).orElse(false)).isFalse();
        assertThat(ConfFiles.documentedApplication().bind(KEY, Boolean.class).get()).isFalse();
        for (String seeder : List.of("kz.line102.callcenter.operator.DemoWorkstations",
                "kz.line102.callcenter.dispatch.DemoUnits", "kz.line102.callcenter.caller.DemoSubscribers")) {
            Class<?> c = Class.forName(seeder);
            assertThat(c.getAnnotation(Profile.class).value()).as(seeder).containsExactly("demo");
            ConditionalOnProperty on = c.getAnnotation(ConditionalOnProperty.class);
            assertThat(on.name()).as(seeder).containsExactly(KEY);
            assertThat(on.havingValue()).as(seeder).isEqualTo("true");
        }
    }
}
