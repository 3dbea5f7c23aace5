package kz.line102.callcenter;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of("kz.line102.callcenter");

    @Test
    void verify() {
        System.out.println(MODULES);
        MODULES.verify();
    }
}
