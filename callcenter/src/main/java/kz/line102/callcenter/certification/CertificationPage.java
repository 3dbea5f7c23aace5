package kz.line102.callcenter.certification;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /certification}, the personnel and commission page; its files are static resources under {@code /certification/}. */
@Controller
class CertificationPage {

    @GetMapping({"/certification", "/certification/"})
    String page() {
        return "forward:/certification/index.html";
    }

    /** The employee's own file: every person, each seeing only their own. */
    @GetMapping({"/certification/mine", "/certification/mine/"})
    String mine() {
        return "forward:/certification/mine/index.html";
    }
}
