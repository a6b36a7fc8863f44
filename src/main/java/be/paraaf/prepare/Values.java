package be.paraaf.prepare;

import be.paraaf.identity.NationalRegisterNumber;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Template input after validation: every value checked and normalised by its {@link Kind}. */
final class Values {

    private final Map<String, Object> values;

    Values(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The checked value as its kind parsed it (String, LocalDate, Values, List of Values…), or null. */
    Object value(String name) {
        return values.get(name);
    }

    String text(String name) {
        return get(name, String.class);
    }

    String text(String name, String fallback) {
        return has(name) ? text(name) : fallback;
    }

    LocalDate date(String name) {
        return get(name, LocalDate.class);
    }

    BigDecimal amount(String name) {
        return get(name, BigDecimal.class);
    }

    int integer(String name) {
        return get(name, Integer.class);
    }

    NationalRegisterNumber nationalNumber(String name) {
        return get(name, NationalRegisterNumber.class);
    }

    Values group(String name) {
        return get(name, Values.class);
    }

    @SuppressWarnings("unchecked")
    List<Values> list(String name) {
        return get(name, List.class);
    }

    private <T> T get(String name, Class<T> type) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("template reads field '" + name + "' it did not declare as required");
        }
        return type.cast(value);
    }
}
