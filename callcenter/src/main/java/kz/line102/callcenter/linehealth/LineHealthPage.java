package kz.line102.callcenter.linehealth;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /line-health}, IT staff's and supervisors' page; its files are static resources under {@code /line-health/}. */
@Controller
class LineHealthPage {

    @GetMapping({"/line-health", "/line-health/"})
    String page() {
        return "forward:/line-health/index.html";
    }
}
