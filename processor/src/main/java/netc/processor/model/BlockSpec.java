package netc.processor.model;

import java.util.List;
import java.util.Map;
import netc.Activation;
import netc.Join;

/**
 * A {@code @Block} class as declared.
 *
 * @param qualifiedName what {@link UseSpec#block()} refers to it by
 * @param simpleName how messages name it, {@code Residual}
 * @param arity how many arguments a use must pass: one more than the highest placeholder it mentions
 * @param placeholderNames the constants that name placeholders ({@code 0 → CHANNELS}), for messages
 * @param clean false when reading it reported an error; no network then expands it
 */
public record BlockSpec(String qualifiedName, String simpleName, Join join, Activation activation,
                        List<MemberSpec> members, int arity, Map<Integer, String> placeholderNames,
                        boolean clean, Source source) {

    public BlockSpec {
        members = List.copyOf(members);
        placeholderNames = Map.copyOf(placeholderNames);
    }

    /** {@code CHANNELS (ARG0), STRIDE (ARG1)}: the arguments a use must pass, as messages list them. */
    public String describeArguments() {
        StringBuilder text = new StringBuilder();
        for (int position = 0; position < arity; position++) {
            text.append(position == 0 ? "" : ", ");
            String name = placeholderNames.get(position);
            text.append(name == null ? "ARG" + position : name + " (ARG" + position + ")");
        }
        return text.toString();
    }
}
