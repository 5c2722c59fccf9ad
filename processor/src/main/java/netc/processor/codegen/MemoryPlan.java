package netc.processor.codegen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import netc.processor.graph.Node;
import netc.processor.model.NetworkPlan;
import netc.processor.model.ShapedNode;

/**
 * Where the generated model keeps every node's output and every gradient: views of one block of device
 * memory, placed at compile time by when each tensor is live, so that tensors no step needs together
 * share memory. The input (which the caller fills) and dLogits (the caller's) are not in the block.
 *
 * <p>Steps number one training step: the forward pass's nodes first (a node's step is its index), then the
 * backward steps in the order the {@link GradientPlan} runs them. An output is live from its node's forward
 * step to the last step reading it: a consumer's forward, a consumer's backward that reads its inputs (a
 * convolution's weight gradient), its own node's backward that reads its output (an activation's
 * derivative); see {@link netc.processor.kind.NodeKind#backwardReads}. An average pool that its
 * convolution computes ({@link AvgPoolFusion}) is written at the convolution's step. The logits stay live to the
 * end. A layer that writes its output over its input ({@link InPlace}) adds its uses to its input's range,
 * and a batch norm that applies the activation after it ({@link ActivationFusion}) reads that shared output in
 * its backward.
 * A gradient is live over the range the gradient plan gives it.
 *
 * <p>Placement is greedy, as TensorFlow Lite's arena planner does it: tensors in some order, each at the
 * lowest offset clear of every tensor already placed that is live at the same time. An optimal placement is
 * NP-hard to find; the plan keeps the smallest of a few orders (largest first; longest-lived first; the
 * order they are written in) and of {@link #SHUFFLES} shuffled ones (from a fixed seed, so that every build
 * writes the same plan), and {@link #mostLiveAtOnce}, a lower bound on any placement, is stated beside it
 * in the Javadoc. On AlexNet largest-first alone leaves 19% above that bound, since the conv1 output and
 * gradient it places first at offset 0 push pool1's tensors above them.
 */
final class MemoryPlan {
    /**
     * Offsets and sizes are whole multiples of this many floats per example (1 KiB), so that every view
     * starts on any device's base address alignment (128 bytes on PoCL, 512 on NVIDIA's drivers) at every
     * batch size.
     */
    static final long ALIGNMENT = 256;
    /** Shuffled orders tried besides the three fixed ones. */
    static final int SHUFFLES = 200;

    /**
     * One tensor's place.
     *
     * @param field the generated model's field that views it
     * @param node the node whose output (or output's gradient) it is
     * @param kind what it holds
     * @param size floats per example, aligned
     * @param offset floats per example from the block's start
     * @param first the step that writes it
     * @param last the last step that reads it
     */
    record Placement(String field, ShapedNode node, Holds kind, long size, long offset, int first, int last) {
        boolean livesWith(Placement other) {
            return first <= other.last && other.first <= last;
        }
    }

    /** What a placed tensor holds. */
    enum Holds { OUTPUT, GRADIENT, SCRATCH }

    private final List<Placement> placements;
    private final int forwardSteps;
    private final List<String> backwardNodes;

    private MemoryPlan(List<Placement> placements, int forwardSteps, List<String> backwardNodes) {
        this.placements = placements;
        this.forwardSteps = forwardSteps;
        this.backwardNodes = backwardNodes;
    }

    /** The plan for a network, naming fields as {@code names} does. */
    static MemoryPlan of(NetworkPlan plan, GradientPlan gradients, Identifiers names) {
        int n = plan.nodes().size();
        int end = n - 1 + gradients.steps().size(); // the last step of all
        ReluPooling reluPooling = names.reluPooling();
        AvgPoolFusion fusion = names.avgPoolFusion();
        ActivationFusion activationFusion = names.activationFusion();
        int[] last = new int[n];
        for (ShapedNode node : plan.nodes()) {
            last[node.index()] = node.index();
        }
        for (ShapedNode node : plan.nodes()) {
            int backwardStep = gradients.stepOf(node.index());
            boolean callsBackward = backwardStep >= 0 && !node.node().kind().passesGradient()
                    && !fusion.isFusedPool(node.index());
            for (int input : node.node().inputs()) {
                int tensor = tensorOf(plan, names, input);
                if (tensor == Node.INPUT) {
                    continue;
                }
                last[tensor] = Math.max(last[tensor], node.index());
                if (callsBackward && node.node().kind().backwardReads().inputs()) {
                    last[tensor] = Math.max(last[tensor], n + backwardStep);
                }
            }
            // A layer whose ReLU the max pool after it differentiates reads no output (ReluPooling).
            // A batch norm that applies the activation after it reads the activated output for its derivative.
            boolean readsOutput = node.node().kind().backwardReads().output()
                    && !(reluPooling.pairs(node.index()) && node.node().kind().endsInRelu(node.node()))
                    || activationFusion.isFusingNorm(node.index());
            if (callsBackward && readsOutput) {
                int tensor = tensorOf(plan, names, node.index());
                last[tensor] = Math.max(last[tensor], n + backwardStep);
            }
        }
        int logits = tensorOf(plan, names, plan.last().index());
        if (logits != Node.INPUT) {
            last[logits] = end;
        }

        List<Placement> unplaced = new ArrayList<>();
        for (ShapedNode node : plan.nodes()) {
            if (!names.outputIsInputTensor(node.index())) {
                unplaced.add(new Placement(names.output(node.index()), node, Holds.OUTPUT,
                        aligned(node.output().size()), -1, fusion.writtenAt(node.index()), last[node.index()]));
            }
        }
        for (GradientPlan.Interval interval : gradients.intervals()) {
            boolean scratch = interval.scratch() >= 0;
            unplaced.add(new Placement(scratch ? Names.workspace(interval.scratch()) : names.gradient(interval.producer()),
                    plan.node(interval.producer()), scratch ? Holds.SCRATCH : Holds.GRADIENT, aligned(interval.size()),
                    -1, n + interval.start(), n + interval.end()));
        }
        List<String> backwardNodes = gradients.steps().stream().map(step -> step.node().path()).toList();
        List<Comparator<Placement>> orders = List.of(
                Comparator.comparingLong(Placement::size).reversed().thenComparingInt(Placement::first),
                Comparator.comparingInt((Placement p) -> p.first() - p.last()).thenComparing(
                        Comparator.comparingLong(Placement::size).reversed()),
                Comparator.comparingInt(Placement::first).thenComparing(
                        Comparator.comparingLong(Placement::size).reversed()));
        List<Placement> best = null;
        for (Comparator<Placement> order : orders) {
            List<Placement> placed = place(unplaced, order);
            if (best == null || end(placed) < end(best)) {
                best = placed;
            }
        }
        java.util.Random random = new java.util.Random(1);
        for (int shuffle = 0; shuffle < SHUFFLES; shuffle++) {
            List<Placement> order = new ArrayList<>(unplaced);
            java.util.Collections.shuffle(order, random);
            java.util.Map<String, Integer> rank = new java.util.HashMap<>();
            for (int i = 0; i < order.size(); i++) {
                rank.put(order.get(i).field(), i);
            }
            List<Placement> placed = place(unplaced, Comparator.comparingInt(p -> rank.get(p.field())));
            if (end(placed) < end(best)) {
                best = placed;
            }
        }
        return new MemoryPlan(best, n, backwardNodes);
    }

    /**
     * The tensor a node's output is: a flatten's, and a layer's run in place, is its input's; the network's
     * input is {@link Node#INPUT}.
     */
    private static int tensorOf(NetworkPlan plan, Identifiers names, int node) {
        while (node != Node.INPUT && names.outputIsInputTensor(node)) {
            node = plan.node(node).node().inputs().get(0);
        }
        return node;
    }

    private static long end(List<Placement> placements) {
        return placements.stream().mapToLong(p -> p.offset() + p.size()).max().orElse(0);
    }

    /** Each tensor in {@code order} at the lowest offset it fits; returns the placements in the order given. */
    private static List<Placement> place(List<Placement> tensors, Comparator<Placement> order) {
        List<Placement> ordered = new ArrayList<>(tensors);
        ordered.sort(order);
        List<Placement> placed = new ArrayList<>();
        for (Placement tensor : ordered) {
            List<Placement> neighbours = placed.stream().filter(tensor::livesWith)
                    .sorted(Comparator.comparingLong(Placement::offset)).toList();
            long offset = 0;
            for (Placement neighbour : neighbours) {
                if (offset + tensor.size() <= neighbour.offset()) {
                    break;
                }
                offset = Math.max(offset, neighbour.offset() + neighbour.size());
            }
            placed.add(new Placement(tensor.field(), tensor.node(), tensor.kind(), tensor.size(), offset,
                    tensor.first(), tensor.last()));
        }
        List<Placement> inOrder = new ArrayList<>();
        for (Placement tensor : tensors) {
            inOrder.add(placed.stream().filter(p -> p.field().equals(tensor.field())).findFirst().orElseThrow());
        }
        return List.copyOf(inOrder);
    }

    private static long aligned(long floats) {
        return (floats + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    /** Every placed tensor: the outputs in node order, then the gradients and scratches in backward order. */
    List<Placement> placements() {
        return placements;
    }

    /** The placement of a field, which must be planned. */
    Placement placement(String field) {
        return placements.stream().filter(p -> p.field().equals(field)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(field + " is not in the memory plan"));
    }

    /** The block's size: floats per example. */
    long floatsPerExample() {
        return end(placements);
    }

    /** The most floats per example live at one step: no placement can need less. */
    long mostLiveAtOnce() {
        return stepOfMostLive() < 0 ? 0 : liveAt(stepOfMostLive());
    }

    /** The step at which the most is live, or -1 for an empty plan. */
    int stepOfMostLive() {
        int steps = forwardSteps + backwardNodes.size();
        int best = -1;
        for (int step = 0; step < steps; step++) {
            if (best < 0 || liveAt(step) > liveAt(best)) {
                best = step;
            }
        }
        return placements.isEmpty() ? -1 : best;
    }

    private long liveAt(int step) {
        return placements.stream().filter(p -> p.first() <= step && step <= p.last()).mapToLong(Placement::size).sum();
    }

    /** A step as the Javadoc writes it: {@code conv1} forward, {@code conv1'} its backward. */
    String stepName(NetworkPlan plan, int step) {
        return step < forwardSteps ? plan.node(step).path() : backwardNodes.get(step - forwardSteps) + "'";
    }
}
