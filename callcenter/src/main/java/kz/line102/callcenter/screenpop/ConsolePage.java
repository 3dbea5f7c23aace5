package kz.line102.callcenter.screenpop;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /console} is the page; its files are static resources under {@code /console/}. */
@Controller
class ConsolePage {

    @GetMapping({"/console", "/console/"})
    String console() {
        return "forward:/console/index.html";
    }
}
