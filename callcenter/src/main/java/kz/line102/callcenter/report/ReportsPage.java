package kz.line102.callcenter.report;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /reports}, the duty officer's daily report page; its files are static resources under {@code /reports/}. */
@Controller
class ReportsPage {

    @GetMapping({"/reports", "/reports/"})
    String reports() {
        return "forward:/reports/index.html";
    }
}
