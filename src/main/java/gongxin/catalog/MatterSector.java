package gongxin.catalog;

import java.util.List;
import java.util.Map;

/**
 * A matter that belongs to a sector whichever department decided it: a rule set may give a sector its own publicity
 * period (NDRC Order 58: one year at least for work safety, fire protection and special equipment), and special
 * equipment (特种设备) is regulated by the market regulators, so its penalties are told by their content, not by their
 * department (issue 26, finding 9). Data: {@code catalog.matter_sector}.
 *
 * @param itemCode the catalog item whose records it looks at
 * @param fieldCode the field looked at (e.g. the penalty's legal basis or violation type)
 * @param contains the text that puts a record in the sector when the field contains it
 */
public record MatterSector(String sector, String itemCode, String fieldCode, String contains) {

    /**
     * The sector of a record for the rule sets' periods: the first matter sector whose field contains its text, else the
     * sector of the department that decided it.
     */
    public static String sectorOf(List<MatterSector> matters, String itemCode, Map<String, String> data, String departmentSector) {
        if (data != null) {
            for (MatterSector m : matters) {
                if (m.itemCode().equals(itemCode)) {
                    String value = data.get(m.fieldCode());
                    if (value != null && value.contains(m.contains())) {
                        return m.sector();
                    }
                }
            }
        }
        return departmentSector;
    }
}
