package netc.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes random network classes for {@link RandomNetworkTest}: chains of every layer kind and uses of
 * blocks of every join (a residual with an optional projection, two branches concatenated, a repeated
 * dense step), each network with its own block classes. Valid ones are built with the test's own shape
 * bookkeeping (not the processor's); broken ones get one mistake that is wrong whatever the rest;
 * strange ones get extreme values where anything may happen except a crash.
 */
final class RandomNetworks {
    /** What a generated network is meant to be. */
    enum Kind { VALID, BROKEN, STRANGE }

    record Generated(String name, Kind kind, String source) {}

    private static final String[] ACTIVATIONS = {"NONE", "RELU", "SIGMOID", "TANH"};
    private static final String[] EXTREMES = {"-2147483648", "-1", "0", "1", "2147483647", "65536", "46341"};

    private final Random random;

    RandomNetworks(long seed) {
        this.random = new Random(seed);
    }

    Generated next(String name, Kind kind) {
        long channels = 1 + random.nextInt(3);
        long height = 1 + random.nextInt(40);
        long width = 1 + random.nextInt(40);
        String header = "@Network(channels = " + channels + ", height = " + height + ", width = " + width + ")";
        boolean flat = false;
        List<String> fields = new ArrayList<>();
        List<String> blocks = new ArrayList<>();
        int layers = 1 + random.nextInt(8);
        for (int i = 0; i < layers; i++) {
            String field = "l" + i;
            int choice = random.nextInt(flat ? 2 : 4);
            if (random.nextInt(3) == 0) {
                // Layers that keep the shape, or make it flat, and blocks: their own bookkeeping.
                int extra = random.nextInt(flat ? 2 : 7);
                if (extra == 0) {
                    fields.add("@BatchNorm Layer " + field + ";");
                } else if (extra == 1) {
                    fields.add("@" + List.of("ReLU", "Sigmoid", "Tanh").get(random.nextInt(3)) + " Layer " + field + ";");
                } else if (extra == 2) {
                    fields.add("@GlobalAvgPool Layer " + field + ";");
                    height = width = 1;
                } else if (extra == 3) {
                    fields.add("@Flatten Layer " + field + ";");
                    channels = channels * height * width;
                    height = width = 1;
                    flat = true;
                } else if (extra == 4) {
                    int out = 1 + random.nextInt(6);
                    int stride = 1 + random.nextInt(2);
                    blocks.add(residual(name + "Res" + i));
                    fields.add("@Use(value = " + name + "Res" + i + ".class, args = {" + out + ", " + stride
                            + "}) Layer " + field + ";");
                    channels = out;
                    height = Math.floorDiv(height - 1, stride) + 1;
                    width = Math.floorDiv(width - 1, stride) + 1;
                } else if (extra == 5) {
                    int a = 1 + random.nextInt(4);
                    int b = 1 + random.nextInt(4);
                    blocks.add(mixed(name + "Mix" + i));
                    fields.add("@Use(value = " + name + "Mix" + i + ".class, args = {" + a + ", " + b + "}) Layer "
                            + field + ";");
                    channels = a + b;
                } else {
                    int growth = 1 + random.nextInt(3);
                    int repeat = 1 + random.nextInt(3);
                    blocks.add(grow(name + "Grow" + i));
                    fields.add("@Use(value = " + name + "Grow" + i + ".class, args = {" + growth + "}, repeat = "
                            + repeat + ") Layer " + field + ";");
                    channels += (long) growth * repeat;
                }
                continue;
            }
            if (choice == 0) {
                int out = 1 + random.nextInt(20);
                long values = channels * height * width;
                String in = random.nextBoolean() ? "in = " + values + ", " : "";
                fields.add("@Dense(" + in + "out = " + out + activation() + ") Layer " + field + ";");
                channels = out;
                height = width = 1;
                flat = true;
            } else if (choice == 1) {
                fields.add("@Dropout(" + random.nextInt(10) / 10.0 + ") Layer " + field + ";");
            } else {
                int padding = random.nextInt(3);
                int kernel = 1 + random.nextInt((int) Math.min(height, width) + 2 * padding);
                int stride = 1 + random.nextInt(3);
                if (choice == 2) {
                    int out = 1 + random.nextInt(8);
                    fields.add("@Conv(out = " + out + ", kernel = " + kernel + ", stride = " + stride
                            + ", padding = " + padding + activation() + ") Layer " + field + ";");
                    channels = out;
                } else {
                    padding = Math.min(padding, kernel / 2);
                    int poolStride = random.nextInt(3); // 0: equal to the kernel
                    String type = random.nextBoolean() ? "MaxPool" : "AvgPool";
                    fields.add("@" + type + "(kernel = " + kernel + ", stride = " + poolStride
                            + ", padding = " + padding + ") Layer " + field + ";");
                    stride = poolStride == 0 ? kernel : poolStride;
                }
                height = Math.floorDiv(height + 2L * padding - kernel, stride) + 1;
                width = Math.floorDiv(width + 2L * padding - kernel, stride) + 1;
            }
        }
        if (kind == Kind.BROKEN) {
            breakOne(fields);
        } else if (kind == Kind.STRANGE) {
            int index = random.nextInt(fields.size());
            fields.set(index, fields.get(index).replaceAll("= \\d+", "= " + extreme()));
        }
        if (kind == Kind.STRANGE && random.nextInt(4) == 0) {
            header = "@Network(channels = " + extreme() + ", height = " + extreme() + ", width = " + extreme() + ")";
        }
        return new Generated(name, kind, String.join("", blocks) + header + "\nclass " + name + " {\n    "
                + String.join("\n    ", fields) + "\n}\n");
    }

    /** d2l's Residual: arguments channels and stride; a 1×1 projection only where the shape changes. */
    private static String residual(String name) {
        return """
                @Block(join = Join.ADD, activation = RELU)
                class %s {
                    @Conv(out = Arg.ARG0, kernel = 3, padding = 1, stride = Arg.ARG1) Layer conv1;
                    @BatchNorm Layer bn1;
                    @ReLU Layer relu;
                    @Conv(out = Arg.ARG0, kernel = 3, padding = 1) Layer conv2;
                    @BatchNorm Layer bn2;
                    @Shortcut(optional = true) @Conv(out = Arg.ARG0, kernel = 1, stride = Arg.ARG1) Layer conv3;
                }
                """.formatted(name);
    }

    /** Two branches, as an Inception block: a 1×1 convolution, and a max pooling before another. */
    private static String mixed(String name) {
        return """
                @Block(join = Join.CONCAT)
                class %s {
                    @Branch(0) @Conv(out = Arg.ARG0, kernel = 1, activation = RELU) Layer a;
                    @Branch(1) @MaxPool(kernel = 3, stride = 1, padding = 1) Layer b1;
                    @Branch(1) @Conv(out = Arg.ARG1, kernel = 1) Layer b2;
                }
                """.formatted(name);
    }

    /** One step of a dense block: the input, then the body's channels. */
    private static String grow(String name) {
        return """
                @Block(join = Join.CONCAT_INPUT)
                class %s {
                    @BatchNorm Layer bn;
                    @Tanh Layer tanh;
                    @Conv(out = Arg.ARG0, kernel = 3, padding = 1) Layer conv;
                }
                """.formatted(name);
    }

    private void breakOne(List<String> fields) {
        int index = random.nextInt(fields.size());
        String field = fields.get(index);
        switch (random.nextInt(10)) {
            case 0 -> fields.set(index, field.replaceFirst(" Layer ", " static Layer "));
            case 1 -> fields.set(index, field.replace("Layer l", "Object l"));
            case 2 -> fields.set(index, (field.startsWith("@Dropout") ? "@Dense(out = 1) " : "@Dropout(0.5) ") + field);
            case 3 -> fields.add(index, "Layer forgotten;");
            case 4 -> fields.add("@Dropout(" + (random.nextBoolean() ? "1.0" : "Double.NaN") + ") Layer bad;");
            case 5 -> fields.add("@Conv(out = 2, kernel = " + (random.nextBoolean() ? 0 : -3) + ") Layer bad;");
            case 6 -> fields.add("@Dense(out = " + -random.nextInt(3) + ") Layer bad;");
            case 8 -> fields.set(index, "@Branch(0) " + field);
            case 9 -> fields.add(field.contains("@Use(") ? field.replaceFirst("args = \\{[^}]*}", "args = {}")
                    .replace("Layer l", "Layer bad") : "@Conv(out = Arg.ARG0, kernel = 1) Layer bad;");
            default -> {
                fields.add("@Dense(out = 3) Layer flat;");
                fields.add("@MaxPool(kernel = 1) Layer bad;");
            }
        }
    }

    private String activation() {
        String activation = ACTIVATIONS[random.nextInt(ACTIVATIONS.length)];
        return activation.equals("NONE") && random.nextBoolean() ? "" : ", activation = " + activation;
    }

    private String extreme() {
        return EXTREMES[random.nextInt(EXTREMES.length)];
    }
}
