package kz.line102.callcenter.incident.deadletter;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin/dead-letters}, IT staff's page; its files are static resources under {@code /admin/dead-letters/}. */
@Controller
class DeadLetterPage {

    @GetMapping({"/admin/dead-letters", "/admin/dead-letters/"})
    String deadLetters() {
        return "forward:/admin/dead-letters/index.html";
    }
}
