package netc.runtime.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netc.Activation;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;

/**
 * A command-line timing harness (not a test) for dense layers: AlexNet's fc1 and fc2 at batch 64 and
 * LeNet's three at batch 256 by default, or {@code batch,in,out} triples as arguments. For each layer, the
 * least milliseconds over the trials of its forward, its backward, and each GEMM of its passes on its own;
 * the candidates timed in turn within each trial so that the shared machine's load falls on all alike.
 * Zeros are multiplied: only time is measured. Options (system properties): {@code -Dtrials=N};
 * {@code -Dfilter=REGEX} keeps the candidates whose name matches; {@code -Dplans=1} adds each large
 * layer's GEMMs under other packing choices, the backward's as planned before 2026-12-04 (dW with row
 * blocks first, dX's pack of W unstreamed) and that pack alone, and the forward swapped or not; {@code -Dnt=m,n,k;...}
 * times NT products by dot products against swapped.
 */
final class DenseTiming {
    private static final int TRIALS = Integer.getInteger("trials", 7);

    private DenseTiming() {}

    private record Candidate(String name, double flops, Runnable run) {}

    public static void main(String[] args) {
        List<int[]> layers = new ArrayList<>();
        if (args.length == 0 && System.getProperty("nt") == null) {
            layers.add(new int[] {64, 6400, 4096});
            layers.add(new int[] {64, 4096, 4096});
            layers.add(new int[] {256, 400, 120});
            layers.add(new int[] {256, 120, 84});
            layers.add(new int[] {256, 84, 10});
        } else {
            for (String arg : args) {
                layers.add(Arrays.stream(arg.split(",")).mapToInt(Integer::parseInt).toArray());
            }
        }
        try (Device device = Device.open()) {
            List<AutoCloseable> owned = new ArrayList<>();
            List<Candidate> candidates = new ArrayList<>();
            // NT shapes (m,n,k after "nt:"): by dot products against swapped, e.g. a convolution's weight gradient.
            for (String arg : System.getProperty("nt", "").split(";")) {
                if (arg.isBlank()) {
                    continue;
                }
                int[] mnk = Arrays.stream(arg.split(",")).mapToInt(Integer::parseInt).toArray();
                GemmShape nt = new GemmShape(false, true, mnk[0], mnk[1], mnk[2], false);
                Buffer a = own(owned, Buffer.allocate(device, (long) mnk[0] * mnk[2]));
                Buffer b = own(owned, Buffer.allocate(device, (long) mnk[1] * mnk[2]));
                Buffer c = own(owned, Buffer.allocate(device, (long) mnk[0] * mnk[1]));
                GemmTuning tuning = GemmTuning.of(device);
                Gemm dot = own(owned, new Gemm(device, nt, GemmPlan.of(nt, tuning, false, false)));
                Gemm swapped = own(owned, new Gemm(device, nt, GemmPlan.ntSwapped(nt, tuning)));
                candidates.add(new Candidate(arg + " NT dot", nt.flops(), () -> dot.run(c, 0, a, 0, b, 0)));
                candidates.add(new Candidate(arg + " NT swapped", nt.flops(), () -> swapped.run(c, 0, a, 0, b, 0)));
            }
            for (int[] layer : layers) {
                int batch = layer[0];
                int in = layer[1];
                int out = layer[2];
                Tensor input = own(owned, new Tensor(device, batch, in));
                Tensor output = own(owned, new Tensor(device, batch, out));
                Tensor dOutput = own(owned, new Tensor(device, batch, out));
                Tensor dInput = own(owned, new Tensor(device, batch, in));
                double flops = 2.0 * batch * in * out;
                String label = batch + "x" + in + "->" + out;
                if (SmallDense.suits(in, out)) {
                    SmallDense small = own(owned, new SmallDense(device, "fc", batch, in, out, Activation.SIGMOID));
                    candidates.add(new Candidate(label + " SmallDense forward", flops, () -> small.forward(output, input)));
                    candidates.add(new Candidate(label + " SmallDense backward", 2 * flops,
                            () -> small.backward(dInput, dOutput, input, output)));
                }
                Dense dense = own(owned, new Dense(device, "fc", batch, in, out, Activation.RELU));
                candidates.add(new Candidate(label + " Dense forward", flops, () -> dense.forward(output, input)));
                candidates.add(new Candidate(label + " Dense backward", 2 * flops,
                        () -> dense.backward(dInput, dOutput, input, output)));
                Tensor weight = dense.parameters().get(0).value();
                Buffer dWeight = own(owned, Buffer.allocate(device, (long) in * out));
                Gemm forward = own(owned, new Gemm(device, new GemmShape(false, true, batch, out, in, false)));
                candidates.add(new Candidate(label + " GEMM fwd NT", flops,
                        () -> forward.run(output.buffer(), 0, input.buffer(), 0, weight.buffer(), 0)));
                Gemm weightGradient = own(owned, new Gemm(device, new GemmShape(true, false, out, in, batch, false)));
                candidates.add(new Candidate(label + " GEMM dW TN", flops,
                        () -> weightGradient.run(dWeight, 0, dOutput.buffer(), 0, input.buffer(), 0)));
                Gemm inputGradient = own(owned, new Gemm(device, new GemmShape(false, false, batch, in, out, false)));
                candidates.add(new Candidate(label + " GEMM dX NN", flops,
                        () -> inputGradient.run(dInput.buffer(), 0, dOutput.buffer(), 0, weight.buffer(), 0)));
                if (System.getProperty("plans") != null && !SmallDense.suits(in, out)) {
                    GemmTuning tuning = GemmTuning.of(device);
                    for (Boolean[] packs : new Boolean[][] {{false, false}, {true, false}, {false, true}}) {
                        GemmShape nn = new GemmShape(false, false, batch, in, out, false);
                        Gemm plan = own(owned, new Gemm(device, nn, GemmPlan.of(nn, tuning, packs[0], packs[1])));
                        candidates.add(new Candidate(label + " dX NN pack " + packs[0] + "," + packs[1], flops,
                                () -> plan.run(dInput.buffer(), 0, dOutput.buffer(), 0, weight.buffer(), 0)));
                    }
                    for (Boolean[] packs : new Boolean[][] {{false, false}, {true, false}, {false, true}}) {
                        GemmShape tn = new GemmShape(true, false, out, in, batch, false);
                        Gemm plan = own(owned, new Gemm(device, tn, GemmPlan.of(tn, tuning, packs[0], packs[1])));
                        candidates.add(new Candidate(label + " dW TN pack " + packs[0] + "," + packs[1], flops,
                                () -> plan.run(dWeight, 0, dOutput.buffer(), 0, input.buffer(), 0)));
                    }
                    // This session's changes against the plans before them, and the input gradient's pack alone.
                    GemmShape nn = new GemmShape(false, false, batch, in, out, false);
                    GemmPlan nnPlan = GemmPlan.of(nn, tuning);
                    Gemm nnBefore = own(owned, new Gemm(device, nn, nnPlan.withStreamPackRight(nn, false)));
                    candidates.add(new Candidate(label + " dX NN unstreamed pack", flops,
                            () -> nnBefore.run(dInput.buffer(), 0, dOutput.buffer(), 0, weight.buffer(), 0)));
                    for (boolean stream : new boolean[] {false, true}) {
                        if (!nnPlan.packRight()) {
                            break;
                        }
                        Buffer packed = own(owned, Buffer.allocate(device, nnPlan.packedRightFloats(nn)));
                        GemmPack pack = own(owned, new GemmPack(device, "gemm_pack_right",
                                nnPlan.withStreamPackRight(nn, stream).defines(nn), GemmGroups.of(device),
                                nnPlan.packGrid(nn, false), stream, packed));
                        candidates.add(new Candidate(label + " dX pack W" + (stream ? " streamed" : ""), 0,
                                () -> pack.pack(weight.buffer(), 0)));
                    }
                    GemmShape tn = new GemmShape(true, false, out, in, batch, false);
                    Gemm tnBefore = own(owned, new Gemm(device, tn, GemmPlan.of(tn, tuning).withColumnsFirst(false)));
                    candidates.add(new Candidate(label + " dW TN rows first", flops,
                            () -> tnBefore.run(dWeight, 0, dOutput.buffer(), 0, input.buffer(), 0)));
                    GemmShape nt = new GemmShape(false, true, batch, out, in, false);
                    Gemm swapped = own(owned, new Gemm(device, nt, GemmPlan.ntSwapped(nt, tuning)));
                    candidates.add(new Candidate(label + " fwd NT swapped", flops,
                            () -> swapped.run(output.buffer(), 0, input.buffer(), 0, weight.buffer(), 0)));
                    for (int rows : new int[] {8, 12}) {
                        GemmTuning fewer = new GemmTuning(rows, tuning.outerCols(), 4, 4, 16);
                        Gemm fewerRows = own(owned, new Gemm(device, nt, GemmPlan.ntSwapped(nt, fewer)));
                        candidates.add(new Candidate(label + " fwd NT swapped r" + rows, flops,
                                () -> fewerRows.run(output.buffer(), 0, input.buffer(), 0, weight.buffer(), 0)));
                    }
                    Gemm outer = own(owned, new Gemm(device, nt, GemmPlan.of(nt, tuning, false, true)));
                    candidates.add(new Candidate(label + " fwd NT by outer", flops,
                            () -> outer.run(output.buffer(), 0, input.buffer(), 0, weight.buffer(), 0)));
                }
                BiasActivation biasActivation = new BiasActivation(device, Activation.RELU, batch, out, 1,
                        ChannelLayout.imageMajor(out, 1));
                Tensor bias = dense.parameters().get(1).value();
                candidates.add(new Candidate(label + " bias+act", 0, () -> biasActivation.run(output.buffer(), 0,
                        output.buffer(), 0, bias.buffer())));
                BiasGradient biasGradient = new BiasGradient(device, batch, out, 1, ChannelLayout.imageMajor(out, 1));
                Buffer dBias = own(owned, Buffer.allocate(device, out));
                candidates.add(new Candidate(label + " bias grad", 0,
                        () -> biasGradient.run(dBias, dOutput.buffer(), 0, false)));
            }
            String filter = System.getProperty("filter");
            if (filter != null) {
                candidates.removeIf(candidate -> !candidate.name().matches(".*(" + filter + ").*"));
            }
            double[] least = AlternatingTrials.run(device,
                    candidates.stream().map(Candidate::run).toList(), TRIALS).millis();
            for (int i = 0; i < candidates.size(); i++) {
                Candidate candidate = candidates.get(i);
                System.out.printf("%-40s %8.3f ms %6.0f GFLOP/s%n", candidate.name(), least[i],
                        candidate.flops() / least[i] / 1e6);
            }
            for (int i = owned.size() - 1; i >= 0; i--) {
                try {
                    owned.get(i).close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static <T extends AutoCloseable> T own(List<AutoCloseable> all, T resource) {
        all.add(resource);
        return resource;
    }
}
