package kz.line102.callcenter.watch;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /watch}, the duty officer's page; its files are static resources under {@code /watch/}. */
@Controller
class WatchPage {

    @GetMapping({"/watch", "/watch/"})
    String watch() {
        return "forward:/watch/index.html";
    }
}
