package gongxin.collection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import gongxin.catalog.CatalogItem;
import gongxin.catalog.ItemField;
import gongxin.shared.Text;

/**
 * How a file's columns map onto a catalog item's fields. Headers may be the Chinese names, the field codes, or the
 * variants real exports use (aliases); full-width and half-width brackets, spaces, a trailing colon and a required
 * marker {@code *} make no difference; column order is free.
 */
record Layout(CatalogItem item, Map<Integer, ItemField> columns, List<String> headers, List<Integer> unknownColumns,
              Map<Integer, ItemField> duplicateColumns) {

    /** The header as the provider wrote it for {@code field}, or the field's Chinese name when the file lacks it. */
    String header(ItemField field) {
        for (Map.Entry<Integer, ItemField> e : columns.entrySet()) {
            if (e.getValue().code().equals(field.code())) {
                return headers.get(e.getKey());
            }
        }
        return field.name();
    }

    Optional<Integer> column(ItemField field) {
        return columns.entrySet().stream().filter(e -> e.getValue().code().equals(field.code())).map(Map.Entry::getKey).findFirst();
    }

    /** Required fields (always required) that no column provides. */
    List<ItemField> missingRequired() {
        return item.fields().stream().filter(ItemField::required).filter(f -> column(f).isEmpty()).toList();
    }

    static String normalizeHeader(String header) {
        String h = Text.normalize(header);
        if (h == null) {
            return "";
        }
        h = h.replaceAll("\\s+", "");
        while (!h.isEmpty() && "*:：".indexOf(h.charAt(h.length() - 1)) >= 0) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.startsWith("*")) {
            h = h.substring(1);
        }
        return h.toUpperCase(Locale.ROOT);
    }

    /** Maps the headers onto one item's fields. */
    static Layout match(CatalogItem item, List<String> headers) {
        return match(item, headers, Map.of());
    }

    /**
     * The same, reading a provider's own names first ({@code renames}: their column name → our field code, from its
     * profile); the layout keeps the provider's headers, so that answers and error files speak its names.
     */
    static Layout match(CatalogItem item, List<String> headers, Map<String, String> renames) {
        Map<String, ItemField> byName = new HashMap<>();
        renames.forEach((theirs, code) -> item.fields().stream().filter(f -> f.code().equals(code)).findFirst()
                .ifPresent(field -> byName.putIfAbsent(normalizeHeader(theirs), field)));
        for (ItemField field : item.fields()) {
            byName.putIfAbsent(normalizeHeader(field.code()), field);
            byName.putIfAbsent(normalizeHeader(field.name()), field);
            field.aliases().forEach(alias -> byName.putIfAbsent(normalizeHeader(alias), field));
        }
        Map<Integer, ItemField> columns = new java.util.LinkedHashMap<>();
        List<Integer> unknown = new ArrayList<>();
        Map<Integer, ItemField> duplicates = new java.util.LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < headers.size(); i++) {
            String normalized = normalizeHeader(headers.get(i));
            if (normalized.isEmpty()) {
                continue;
            }
            ItemField field = byName.get(normalized);
            if (field == null) {
                unknown.add(i);
            } else if (!seen.add(field.code())) {
                duplicates.put(i, field);
            } else {
                columns.put(i, field);
            }
        }
        return new Layout(item, columns, headers, unknown, duplicates);
    }

    /**
     * The layout of a file: of the named item when the provider named one, otherwise of the item whose fields the
     * headers match best.
     */
    static Layout recognise(List<CatalogItem> candidates, List<String> headers, String namedItem) {
        return recognise(candidates, headers, namedItem, null);
    }

    /** With a provider's profile, the profile's item and names. */
    static Layout recognise(List<CatalogItem> candidates, List<String> headers, String namedItem, ProviderProfile profile) {
        if (headers.stream().allMatch(h -> h == null || h.isBlank())) {
            throw new FileRefusedException("header", "第 1 行应为表头");
        }
        if (profile != null) {
            if (namedItem != null && !namedItem.strip().equalsIgnoreCase(profile.itemCode())) {
                throw new FileRefusedException("profile-item", "报送方案“" + profile.code() + "”对应信息项 " + profile.itemCode()
                        + "，与指定的信息项 " + namedItem + " 不符");
            }
            CatalogItem item = candidates.stream().filter(i -> i.code().equals(profile.itemCode())).findFirst()
                    .orElseThrow(() -> new FileRefusedException("item", "报送方案的信息项“" + profile.itemCode() + "”不在今日适用的目录中"));
            return match(item, headers, profile.columns());
        }
        if (namedItem != null) {
            CatalogItem item = candidates.stream().filter(i -> i.code().equalsIgnoreCase(namedItem.trim())).findFirst()
                    .orElseThrow(() -> new FileRefusedException("item", "信息项“" + namedItem + "”不在今日适用的目录中"));
            return match(item, headers);
        }
        List<Layout> layouts = candidates.stream().filter(i -> !i.fields().isEmpty()).map(i -> match(i, headers))
                .sorted((a, b) -> Integer.compare(b.columns().size(), a.columns().size())).toList();
        if (layouts.isEmpty() || layouts.get(0).columns().size() < 3) {
            throw new FileRefusedException("layout", "无法识别文件格式：表头与目录中任何信息项的字段都不相符，请使用平台模板或指定信息项");
        }
        if (layouts.size() > 1 && layouts.get(1).columns().size() == layouts.get(0).columns().size()) {
            throw new FileRefusedException("layout", "无法确定文件对应的信息项（" + layouts.get(0).item().code() + " 或 "
                    + layouts.get(1).item().code() + "），请指定信息项");
        }
        return layouts.get(0);
    }
}
