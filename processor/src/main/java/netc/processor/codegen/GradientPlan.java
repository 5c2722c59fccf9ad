package netc.processor.codegen;

import java.util.ArrayList;
import java.util.List;
import netc.processor.graph.Node;
import netc.processor.model.NetworkPlan;
import netc.processor.model.ShapedNode;

/**
 * The backward pass's bookkeeping, worked out before any code is written: which nodes run backward,
 * where each gradient lives, and how the gradients of a tensor with several consumers are combined.
 *
 * <p>A node runs backward when it has parameters or something before it has. Its output's gradient is
 * written by the consumer the backward pass reaches first and added to by the others: those write a
 * scratch workspace that is then accumulated, or, when their gradient simply passes through (an
 * {@code Add}, a flatten), add it directly. A pass-through node hands one input its own gradient tensor
 * instead of copying it, and so does an average pool its convolution computes ({@link AvgPoolFusion}): that
 * convolution's backward reads the pooled gradient. An activation or dropout layer writes its input's gradient
 * over its output's, handing the input that tensor as well. Every gradient (and scratch) is live from the step that writes it to the step
 * that reads it last; {@link MemoryPlan} places them, with the forward pass's outputs, by these ranges.
 */
final class GradientPlan {

    /** How a node's backward step delivers the gradient of one of its inputs. */
    enum Route {
        /** The input needs no gradient ({@code null} is passed). */
        NONE,
        /** The node writes the input's gradient tensor itself: it is the first to reach it. */
        WRITE,
        /** The node writes a scratch workspace, then adds it to the input's gradient. */
        SCRATCH,
        /**
         * The input's gradient is the node's own output gradient tensor (pass-through, first to reach it), or
         * that tensor written over by the node's backward (an activation or dropout, first to reach it).
         */
        ALIAS,
        /** The node's output gradient is copied into the input's (pass-through, first, not the aliased input). */
        COPY,
        /** The node's output gradient is added to the input's (pass-through, not first). */
        ACCUMULATE
    }

    /** One input's delivery: how, into which gradient variable, through which scratch (its number, or -1). */
    record Delivery(Route route, int producer, int scratch) {}

    /** One backward step: the node and, per input, how its gradient is delivered. */
    record Step(ShapedNode node, List<Delivery> deliveries) {}

    private final List<Step> steps;
    private final List<Interval> intervals;
    private final List<ShapedNode> skipped;

    private GradientPlan(List<Step> steps, List<Interval> intervals, List<ShapedNode> skipped) {
        this.steps = steps;
        this.intervals = intervals;
        this.skipped = skipped;
    }

    /** The steps, in backward order. */
    List<Step> steps() {
        return steps;
    }

    /** Whether some gradient is copied or added, which takes a {@code TensorArithmetic}. */
    boolean combines() {
        return steps.stream().flatMap(step -> step.deliveries().stream())
                .anyMatch(delivery -> delivery.route() == Route.COPY || delivery.route() == Route.SCRATCH
                        || delivery.route() == Route.ACCUMULATE);
    }

    /**
     * Every tensor the backward pass needs besides dLogits: each gradient with a tensor of its own (not
     * another's by aliasing), then each scratch, with its live range in backward steps.
     */
    List<Interval> intervals() {
        return intervals;
    }

    /** Nodes that need no backward step, since nothing up to them has parameters. */
    List<ShapedNode> skipped() {
        return skipped;
    }

    /** The backward step of a node that runs one, counting from 0 in the order the pass runs them. */
    int stepOf(int node) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).node().index() == node) {
                return i;
            }
        }
        return -1;
    }

    static GradientPlan of(NetworkPlan plan) {
        return new Builder(plan).build();
    }

    private static final class Builder {
        private final NetworkPlan plan;
        private final boolean[] needsGradient;
        private final int[] firstWriter;
        private final int[] step;
        /** Gradient variables that share one tensor: each node's points to the node whose tensor it uses. */
        private final int[] aliasOf;
        private final AvgPoolFusion fusion;
        private int scratches;

        Builder(NetworkPlan plan) {
            this.plan = plan;
            this.fusion = AvgPoolFusion.of(plan);
            int n = plan.nodes().size();
            this.needsGradient = new boolean[n];
            this.firstWriter = new int[n];
            this.step = new int[n];
            this.aliasOf = new int[n];
            java.util.Arrays.fill(firstWriter, -1);
            for (ShapedNode node : plan.nodes()) {
                int index = node.index();
                aliasOf[index] = index;
                needsGradient[index] = !node.parameters().isEmpty() || node.node().inputs().stream()
                        .anyMatch(input -> input != Node.INPUT && needsGradient[input]);
                for (int input : node.node().inputs()) {
                    if (input != Node.INPUT) {
                        firstWriter[input] = Math.max(firstWriter[input], index);
                    }
                }
            }
        }

        GradientPlan build() {
            List<ShapedNode> order = new ArrayList<>();
            List<ShapedNode> skipped = new ArrayList<>();
            for (int i = plan.nodes().size() - 1; i >= 0; i--) {
                ShapedNode node = plan.node(i);
                if (needsGradient[i]) {
                    step[i] = order.size();
                    order.add(node);
                } else {
                    skipped.add(0, node);
                }
            }
            List<Interval> intervals = new ArrayList<>();
            List<Step> steps = new ArrayList<>();
            for (ShapedNode node : order) {
                steps.add(new Step(node, deliveries(node, intervals)));
            }
            for (ShapedNode node : order) {
                int index = node.index();
                if (index != plan.last().index() && aliasOf[index] == index) {
                    intervals.add(new Interval(index, -1, step[firstWriter[index]], lastRead(index),
                            plan.node(index).output().size()));
                }
            }
            return new GradientPlan(steps, List.copyOf(intervals), skipped);
        }

        private List<Delivery> deliveries(ShapedNode node, List<Interval> intervals) {
            List<Delivery> deliveries = new ArrayList<>();
            // A pool its convolution computes hands that convolution its own gradient (AvgPoolFusion).
            boolean passes = node.node().kind().passesGradient() || fusion.isFusedPool(node.index());
            // An activation or dropout writes its input's gradient over its output's, which nothing reads after
            // it (dLogits, the last node's, is the caller's and is left alone).
            boolean inPlace = node.node().kind().mayWriteOverInput() && root(node.index()) != plan.last().index();
            boolean aliased = false;
            for (int input : node.node().inputs()) {
                if (input == Node.INPUT || !needsGradient[input]) {
                    deliveries.add(new Delivery(Route.NONE, input, -1));
                } else if (firstWriter[input] != node.index()) {
                    int scratch = passes ? -1 : scratches++;
                    deliveries.add(new Delivery(passes ? Route.ACCUMULATE : Route.SCRATCH, input, scratch));
                    if (!passes) {
                        intervals.add(new Interval(input, scratch, step[node.index()], step[node.index()],
                                plan.node(input).output().size()));
                    }
                } else if ((passes || inPlace) && !aliased) {
                    aliased = true;
                    aliasOf[input] = root(node.index());
                    deliveries.add(new Delivery(Route.ALIAS, input, -1));
                } else {
                    deliveries.add(new Delivery(passes ? Route.COPY : Route.WRITE, input, -1));
                }
            }
            return deliveries;
        }

        private int root(int index) {
            while (aliasOf[index] != index) {
                index = aliasOf[index];
            }
            return index;
        }

        /** The last step reading the tensor of {@code index}'s gradient: its own, or that of a node aliased to it. */
        private int lastRead(int index) {
            int last = step[index];
            for (ShapedNode node : plan.nodes()) {
                if (needsGradient[node.index()] && root(node.index()) == index) {
                    last = Math.max(last, step[node.index()]);
                }
            }
            return last;
        }
    }

    /**
     * A tensor's live range over the backward steps, inclusive.
     *
     * @param producer whose output's gradient it holds
     * @param scratch the scratch's number (its field is {@code Names.workspace(scratch)}), or -1 for the
     *     producer's own gradient
     * @param size floats per example
     */
    record Interval(int producer, int scratch, int start, int end, long size) {}
}
