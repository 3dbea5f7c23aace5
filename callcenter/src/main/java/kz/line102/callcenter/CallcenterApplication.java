package kz.line102.callcenter;

import kz.line102.callcenter.caller.SubscriberImportCommand;
import kz.line102.callcenter.install.PreflightCommandLine;
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
        if (PreflightCommandLine.wanted(args)) {
            System.exit(PreflightCommandLine.run(args));
        }
        SpringApplication.run(CallcenterApplication.class, args);
    }
}
