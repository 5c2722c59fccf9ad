package netc.processor.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import netc.Activation;
import netc.Arg;
import netc.Join;
import netc.processor.diag.Diagnostic;
import netc.processor.diag.Report;
import netc.processor.kind.KindRegistry;
import netc.processor.kind.NodeKind;
import netc.processor.model.Attributes;
import netc.processor.model.BlockSpec;
import netc.processor.model.LayerSpec;
import netc.processor.model.MemberSpec;
import netc.processor.model.NetworkSpec;
import netc.processor.model.Source;
import netc.processor.model.UseSpec;
import netc.processor.model.Value;

/**
 * Expands a network's {@code @Use} fields, recursively, into a {@link Graph}: every layer instance a
 * node with its placeholders bound, every block join a node, identity shortcuts and branches edges.
 * A use that cannot be expanded (unknown block, wrong argument count, a block that contains itself)
 * is reported on the use and leaves an unknown input behind, so later nodes are still read but not
 * shape-checked.
 */
public final class GraphBuilder {
    /**
     * More nodes than any real network has (ResNet-152 has about 500): a repeat that would pass it is a
     * mistake, and reporting it beats the processor expanding billions of copies.
     */
    static final int MAX_NODES = 100_000;

    private final NetworkSpec spec;
    private final Report report;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Scope> scopes = new ArrayList<>();
    /** The blocks being expanded, outermost first, to catch one that contains itself. */
    private final Deque<String> expanding = new ArrayDeque<>();

    private GraphBuilder(NetworkSpec spec, Report report) {
        this.spec = spec;
        this.report = report;
    }

    /** The graph; empty when the network has no nodes at all (already reported). */
    public static Optional<Graph> build(NetworkSpec spec, Report report) {
        if (spec.members().isEmpty()) {
            return Optional.empty();
        }
        GraphBuilder builder = new GraphBuilder(spec, report);
        builder.members(spec.members(), Join.CHAIN, Activation.NONE, Node.INPUT,
                Frame.top(spec.members(), builder.scope(spec.members())));
        // No node at all: every member was a use that could not be expanded, which is reported.
        return builder.nodes.isEmpty() ? Optional.empty() : Optional.of(new Graph(spec, builder.nodes, builder.scopes));
    }

    /**
     * Where members are being expanded: the instance's path prefix, PyTorch path, scope, block instance,
     * its bound arguments (null at the top level, where placeholders stay unbound) and message context.
     */
    private record Frame(List<MemberSpec> members, String prefix, List<PathStep> steps, int scope,
                         BlockInstance instance, List<Value> args, String context) {
        static Frame top(List<MemberSpec> members, int scope) {
            return new Frame(members, "", List.of(), scope, null, null, null);
        }

        /** The member's position in its class, by identity. */
        int field(MemberSpec member) {
            for (int i = 0; i < members.size(); i++) {
                if (members.get(i) == member) {
                    return i;
                }
            }
            throw new IllegalArgumentException(member.name() + " is not a member here");
        }
    }

    private int scope(List<MemberSpec> members) {
        Scope scope = new Scope(scopes.size(), members.stream().map(member -> member instanceof UseSpec).toList());
        scopes.add(scope);
        return scope.id();
    }

    /** Expands one class's members as its join combines them; returns the output node. */
    private int members(List<MemberSpec> members, Join join, Activation activation, int input, Frame frame) {
        int output = switch (join) {
            case CHAIN -> chain(members, input, frame);
            case ADD -> add(members, input, frame);
            case CONCAT -> concat(members, input, frame);
            case CONCAT_INPUT -> join(join, List.of(input, chain(members, input, frame)), frame, "concat");
        };
        Optional<? extends NodeKind> after = KindRegistry.activation(activation);
        if (after.isEmpty() || output == Node.UNKNOWN) {
            return output;
        }
        String name = activation.name().toLowerCase(java.util.Locale.ROOT);
        return emit(new Node(nodes.size(), frame.instance().path() + ":" + name, after.get(), Attributes.NONE,
                List.of(output), frame.instance().use().in(frame.context()), frame.instance(), List.of(), -1));
    }

    private int chain(List<MemberSpec> members, int input, Frame frame) {
        int output = input;
        for (MemberSpec member : members) {
            output = member(member, output, frame);
        }
        return output;
    }

    /** The body, then the shortcut (each from the block's input), then their sum. */
    private int add(List<MemberSpec> members, int input, Frame frame) {
        int body = chain(members.stream().filter(member -> !member.placement().shortcut()).toList(), input, frame);
        List<MemberSpec> shortcutMembers = members.stream().filter(member -> member.placement().shortcut()).toList();
        int firstShortcut = nodes.size();
        int shortcut = chain(shortcutMembers, input, frame);
        if (body == Node.UNKNOWN || shortcut == Node.UNKNOWN) {
            return Node.UNKNOWN;
        }
        int sum = join(Join.ADD, List.of(body, shortcut), frame, "add");
        if (!shortcutMembers.isEmpty() && shortcutMembers.get(0).placement().optional()) {
            for (int i = firstShortcut; i < sum; i++) {
                nodes.set(i, nodes.get(i).optionalFor(sum));
            }
        }
        return sum;
    }

    /** Each branch, in increasing number, from the block's input; then their concatenation. */
    private int concat(List<MemberSpec> members, int input, Frame frame) {
        Map<Integer, List<MemberSpec>> branches = members.stream().collect(Collectors.groupingBy(
                member -> member.placement().branch(), TreeMap::new, Collectors.toList()));
        List<Integer> ends = new ArrayList<>();
        for (List<MemberSpec> branch : branches.values()) {
            ends.add(chain(branch, input, frame));
        }
        return join(Join.CONCAT, ends, frame, "concat");
    }

    private int join(Join join, List<Integer> inputs, Frame frame, String suffix) {
        if (inputs.contains(Node.UNKNOWN)) {
            return Node.UNKNOWN;
        }
        BlockInstance instance = frame.instance();
        return emit(new Node(nodes.size(), instance.path() + ":" + suffix, KindRegistry.join(join).orElseThrow(),
                Attributes.NONE, inputs, instance.use().in(frame.context()), instance, List.of(), -1));
    }

    private int member(MemberSpec member, int input, Frame frame) {
        int field = frame.field(member);
        if (member instanceof LayerSpec layer) {
            List<PathStep> steps = append(frame.steps(), new PathStep(frame.scope(), field, layer.name(), -1));
            Attributes attributes = layer.attributes().map(value -> inContext(bind(value, frame), frame));
            return emit(new Node(nodes.size(), frame.prefix() + layer.name(), layer.kind(), attributes, List.of(input),
                    layer.source().in(frame.context()), frame.instance(), steps, -1));
        }
        return use((UseSpec) member, field, input, frame);
    }

    /** Expands a use: its block {@code repeat} times in a row, each copy its own instance. */
    private int use(UseSpec use, int field, int input, Frame frame) {
        BlockSpec block = use.block() == null ? null : spec.blocks().get(use.block());
        if (block == null || !block.clean() || input == Node.UNKNOWN) {
            return Node.UNKNOWN; // reported where the block or the use was read, or upstream
        }
        Source at = use.source().in(frame.context());
        String path = frame.prefix() + use.name();
        if (expanding.contains(block.qualifiedName())) {
            List<String> cycle = new ArrayList<>(expanding);
            cycle.add(block.qualifiedName());
            report.error(Diagnostic.BLOCK_CYCLE, at.at("value"), path, block.simpleName(), block.simpleName(),
                    cycle.stream().map(GraphBuilder::simpleName).collect(Collectors.joining(" → ")));
            return Node.UNKNOWN;
        }
        if (use.args().size() != block.arity()) {
            report.error(Diagnostic.USE_ARG_COUNT, at.at("args"), path, block.simpleName(), block.arity(),
                    block.arity() == 1 ? "argument" : "arguments",
                    block.arity() == 0 ? "none" : block.describeArguments(), use.args().size(),
                    block.arity() == 0 ? "leave 'args' out" : "write args = {" + block.describeArguments() + "}");
            return Node.UNKNOWN;
        }
        List<Value> args = use.args().stream().map(value -> bind(value, frame)).toList();
        Value repeat = bind(use.repeat(), frame);
        if (repeat.isPlaceholder() || args.stream().anyMatch(Value::isPlaceholder)) {
            return Node.UNKNOWN; // a placeholder in a network's own use, reported where it was read
        }
        if (repeat.integer() < 1) {
            report.error(Diagnostic.NON_POSITIVE, repeat.source().in(frame.context()), path, "Use", "repeat",
                    repeat.integer(), "repeat", "repeat");
            return Node.UNKNOWN;
        }
        expanding.addLast(block.qualifiedName());
        int output = input;
        for (int copy = 0; copy < repeat.integer() && output != Node.UNKNOWN; copy++) {
            if (nodes.size() > MAX_NODES) {
                report.error(Diagnostic.NETWORK_TOO_LARGE, repeat.source().in(frame.context()), path,
                        String.format(java.util.Locale.ROOT, "%,d", MAX_NODES), repeat.integer());
                output = Node.UNKNOWN;
                break;
            }
            String instancePath = path + (use.repeated() ? "[" + copy + "]" : "");
            BlockInstance instance = new BlockInstance(block.simpleName(), instancePath, output, at, args);
            String context = "in " + block.simpleName() + ", used at " + spec.simpleName() + "." + instancePath
                    + (args.isEmpty() ? "" : " with args {" + args.stream().map(Value::toString)
                            .collect(Collectors.joining(", ")) + "}");
            List<PathStep> steps = append(frame.steps(),
                    new PathStep(frame.scope(), field, use.name(), use.repeated() ? copy : -1));
            Frame inner = new Frame(block.members(), instancePath + ".", steps, scope(block.members()), instance, args,
                    context);
            output = members(block.members(), block.join(), block.activation(), output, inner);
        }
        expanding.removeLast();
        return output;
    }

    /** The value with its source naming the block instance, for messages about it. */
    private static Value inContext(Value value, Frame frame) {
        return frame.context() == null ? value : new Value(value.value(), value.source().in(frame.context()));
    }

    /** A placeholder takes the value (and the source) its use supplied; other values keep their own. */
    private static Value bind(Value value, Frame frame) {
        if (!value.isPlaceholder() || frame.args() == null) {
            return value;
        }
        int position = Arg.position(value.integer());
        return position < frame.args().size() ? frame.args().get(position) : value;
    }

    private int emit(Node node) {
        nodes.add(node);
        return node.index();
    }

    private static List<PathStep> append(List<PathStep> steps, PathStep step) {
        List<PathStep> all = new ArrayList<>(steps);
        all.add(step);
        return all;
    }

    private static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}
