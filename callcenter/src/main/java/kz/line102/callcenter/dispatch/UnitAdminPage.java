package kz.line102.callcenter.dispatch;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin/units}, IT staff's page of units and their crews; its files are static resources under {@code /admin/units/}. */
@Controller
class UnitAdminPage {

    @GetMapping({"/admin/units", "/admin/units/"})
    String page() {
        return "forward:/admin/units/index.html";
    }
}
