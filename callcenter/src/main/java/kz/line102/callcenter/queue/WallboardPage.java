package kz.line102.callcenter.queue;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /wallboard} is the supervisors' page; its files are static resources under {@code /wallboard/}. */
@Controller
class WallboardPage {

    @GetMapping({"/wallboard", "/wallboard/"})
    String wallboard() {
        return "forward:/wallboard/index.html";
    }
}
