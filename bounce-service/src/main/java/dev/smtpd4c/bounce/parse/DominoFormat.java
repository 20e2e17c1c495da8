package dev.smtpd4c.bounce.parse;

import dev.smtpd4c.bounce.mail.ParsedMessage;
import java.util.List;

/** IBM/HCL Domino (Lotus Notes): "Your message ... was not delivered to: a@b because: ...". */
public final class DominoFormat extends TextFormat {
    @Override public String name() { return "Domino"; }

    @Override protected boolean matches(ParsedMessage m) {
        return Signs.subjectHas(m, "delivery failure:", "delivery report:") && Signs.textHas(m, "was not delivered to")
                || Signs.textHas(m, "domino directory") && Signs.textHas(m, "was not delivered to");
    }

    @Override protected List<String> startMarkers() { return List.of("was not delivered to"); }
}
