package org.rai4j.server;

import org.rai4j.core.Column;
import org.rai4j.core.Table;

/**
 * Customer data for last-mile tests: the hosted German credit model's own predictions on its 300 held-out
 * applicants (so every slice matches the published audit), except that for applicants aged 19-24 the
 * prediction is flipped, making that slice's error rate jump while the rest stay as published.
 */
final class LastMileData {
    private LastMileData() {}

    static String degradedYoung() throws Exception {
        CreditModel m = CreditModel.train(DemoData.germanCredit(), 0.3, 2024, 1.0);
        Table a = m.audited(m.test, "test");
        Column y = a.column("good_credit");
        Column p = a.column("predicted_good");
        Column band = a.column("age_band");
        Column sex = a.column("sex");
        StringBuilder sb = new StringBuilder("good_credit,predicted_good,sex,age_band\n");
        for (int i = 0; i < a.rowCount(); i++) {
            int pred = (int) p.number(i);
            if ("19-24".equals(band.text(i))) {
                pred = 1 - pred;
            }
            sb.append((int) y.number(i)).append(',').append(pred).append(',').append(sex.text(i)).append(',').append(band.text(i)).append('\n');
        }
        return sb.toString();
    }
}
