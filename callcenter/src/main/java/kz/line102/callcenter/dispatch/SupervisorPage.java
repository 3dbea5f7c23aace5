package kz.line102.callcenter.dispatch;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /supervisor}, the duty officer's screen; its files are static resources under {@code /supervisor/}. */
@Controller
class SupervisorPage {

    @GetMapping({"/supervisor", "/supervisor/"})
    String supervisor() {
        return "forward:/supervisor/index.html";
    }
}
