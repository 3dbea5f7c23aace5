package kz.line102.callcenter.stats.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /stats} is the statistics page; its files are static resources under {@code /stats/}. */
@Controller
class StatsPage {

    @GetMapping({"/stats", "/stats/"})
    String stats() {
        return "forward:/stats/index.html";
    }
}
