package io.iocmonitor.telemetry;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** How enum values are written on the wire and in the database: lower case, hyphens for underscores. */
public final class WireNames {

    private WireNames() {
    }

    // computed once per enum: every stored event's enum fields are written through here
    private static final ClassValue<String[]> NAMES = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] names = new String[constants.length];
            for (int i = 0; i < names.length; i++) {
                names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
            return names;
        }
    };

    public static String of(Enum<?> constant) {
        return NAMES.get(constant.getDeclaringClass())[constant.ordinal()];
    }

    /** The constant of {@code type} written {@code wire}; null for null or a name that is none of them. */
    public static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String wire) {
        if (wire != null) {
            String[] names = NAMES.get(type);
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(wire)) {
                    return type.getEnumConstants()[i];
                }
            }
        }
        return null;
    }
}
