package kz.line102.callcenter;

import kz.line102.callcenter.caller.SubscriberImportCommand;
import kz.line102.callcenter.install.preflight.PreflightCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@EnableScheduling
@SpringBootApplication(scanBasePackages = "kz.line102.callcenter")
public class CallcenterApplication {

    public static void main(String[] args) {
        if (SubscriberImportCommand.wanted(args)) {
            System.exit(SubscriberImportCommand.run(args));
        }
        if (PreflightCommand.wanted(args)) {
            System.exit(PreflightCommand.run(args));
        }
        SpringApplication.run(CallcenterApplication.class, args);
    }
}
