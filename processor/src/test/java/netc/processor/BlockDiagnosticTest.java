package netc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static netc.processor.Networks.compile;
import static netc.processor.Networks.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics of blocks and their uses: each one's id, that it is the only error, and the line javac
 * points at, which is the attribute (or use argument) whose value caused it.
 */
class BlockDiagnosticTest {

    private static Compilation expectOne(String id, String line, String body) {
        JavaFileObject file = source("Net", body);
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[netc." + id + "]").inFile(file).onLineContaining(line);
        return compilation;
    }

    /** A residual block whose second convolution's channels are written in the block: 32, not the argument. */
    private static final String RESIDUAL_WITH_WRONG_CHANNELS = """
            @Block(join = Join.ADD, activation = RELU)
            class Res {
                @Conv(out = Arg.ARG0, kernel = 3, padding = 1) Layer conv1;
                @BatchNorm Layer bn1;
                @Conv(out = 32, kernel = 3, padding = 1) Layer conv2;
            }
            """;

    @Test
    void wrongChannelsWrittenInAResidualBlockAreReportedThereNamingTheInstance() {
        Compilation compilation = expectOne("ShortcutMismatch", "@Conv(out = 32", RESIDUAL_WITH_WRONG_CHANNELS + """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Conv(out = 64, kernel = 3, padding = 1) Layer stem;
                    @Use(value = Res.class, args = {64}) Layer b3;
                    @Dense(out = 10) Layer fc;
                }
                """);
        assertThat(compilation).hadErrorContaining("[netc.ShortcutMismatch] b3.conv2: the body of Res yields 32×8×8"
                + " but its identity shortcut passes the block's input, 64×8×8, unchanged");
        assertThat(compilation).hadErrorContaining("(in Res, used at Net.b3 with args {64})");
    }

    @Test
    void aStrideThatBreaksTheIdentityShortcutIsReportedOnTheUsesArguments() {
        Compilation compilation = expectOne("ShortcutMismatch", "args = {64, 2}", """
                @Block(join = Join.ADD, activation = RELU)
                class Residual {
                    static final int CHANNELS = Arg.ARG0, STRIDE = Arg.ARG1;
                    @Conv(out = CHANNELS, kernel = 3, padding = 1, stride = STRIDE) Layer conv1;
                    @BatchNorm Layer bn1;
                    @Conv(out = CHANNELS, kernel = 3, padding = 1) Layer conv2;
                }
                @Network(channels = 64, height = 8, width = 8)
                class Net {
                    @Use(value = Residual.class, args = {64, 1}) Layer b2;
                    @Use(value = Residual.class,
                         args = {64, 2}) Layer b3;
                    @Dense(out = 10) Layer fc;
                }
                """);
        assertThat(compilation).hadErrorContaining("b3.conv1: the body of Residual yields 64×4×4 (b3.conv1:"
                + " floor((8 + 2·1 − 3) / 2) + 1 = 4) but its identity shortcut passes the block's input, 64×8×8,"
                + " unchanged");
        assertThat(compilation).hadErrorContaining("(in Residual, used at Net.b3 with args {64, 2})");
    }

    @Test
    void anOptionalShortcutExistsOnlyWhereTheShapeChanges() throws java.io.IOException {
        Compilation compilation = compile(source("Net", """
                @Block(join = Join.ADD, activation = RELU)
                class Residual {
                    @Conv(out = Arg.ARG0, kernel = 3, padding = 1, stride = Arg.ARG1) Layer conv1;
                    @Conv(out = Arg.ARG0, kernel = 3, padding = 1) Layer conv2;
                    @Shortcut(optional = true) @Conv(out = Arg.ARG0, kernel = 1, stride = Arg.ARG1) Layer conv3;
                }
                @Network(channels = 4, height = 8, width = 8)
                class Net {
                    @Use(value = Residual.class, args = {4, 1}) Layer same;
                    @Use(value = Residual.class, args = {8, 2}) Layer down;
                    @Dense(out = 10) Layer fc;
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        String model = compilation.generatedSourceFile("test.NetModel").orElseThrow().getCharContent(false).toString();
        assertThat(compilation).generatedSourceFile("test.NetModel").contentsAsUtf8String()
                .contains("down_conv3 = own(new Conv2d(device, \"down.conv3\", batchSize, 4, 8, 8, 8, 1, 2, 0,");
        org.junit.jupiter.api.Assertions.assertFalse(model.contains("same_conv3"), "same keeps the identity");
    }

    @Test
    void aShortcutLayerThatDisagreesWithTheBodyIsReportedOnItsAttribute() {
        expectOne("AddShapes", "@Conv(out = 16", """
                @Block(join = Join.ADD)
                class Projected {
                    @Conv(out = 32, kernel = 3, padding = 1) Layer conv1;
                    @Shortcut @Conv(out = 16, kernel = 1) Layer conv3;
                }
                @Network(channels = 4, height = 8, width = 8)
                class Net {
                    @Use(Projected.class) Layer b;
                    @Dense(out = 10) Layer fc;
                }
                """);
    }

    @Test
    void concatenatedBranchesOfDifferentHeightAreReportedWhereOneChangedIt() {
        Compilation compilation = expectOne("ConcatSizes", "@Conv(out = 8, kernel = 3)", """
                @Block(join = Join.CONCAT)
                class Mixed {
                    @Branch(0) @Conv(out = 4, kernel = 1) Layer p1;
                    @Branch(1) @Conv(out = 4, kernel = 1) Layer p2_1;
                    @Branch(1) @Conv(out = 8, kernel = 3) Layer p2_2;
                    @Branch(2) @MaxPool(kernel = 3, stride = 1, padding = 1) Layer p3;
                }
                @Network(channels = 4, height = 12, width = 12)
                class Net {
                    @Use(Mixed.class) Layer m;
                    @Dense(out = 10) Layer fc;
                }
                """);
        assertThat(compilation).hadErrorContaining("[netc.ConcatSizes] m.p2_2: Mixed concatenates on channels, which"
                + " needs equal height and width, but m.p2_2 yields 8×10×10 while m.p1 yields 4×12×12 (m.p2_2:"
                + " floor((12 + 2·0 − 3) / 1) + 1 = 10); change m.p2_2 so that it yields 12×12");
    }

    @Test
    void aDenseStepWhoseBodyShrinksTheImageIsReportedOnTheStride() {
        expectOne("ConcatSizes", "stride = 2", """
                @Block(join = Join.CONCAT_INPUT)
                class Grow {
                    @BatchNorm Layer bn;
                    @Conv(out = 8, kernel = 3, padding = 1, stride = 2) Layer conv;
                }
                @Network(channels = 4, height = 8, width = 8)
                class Net {
                    @Use(Grow.class) Layer g;
                    @Dense(out = 10) Layer fc;
                }
                """);
    }

    @Test
    void wrongArgumentCountNamesTheBlocksPlaceholders() {
        Compilation compilation = expectOne("UseArgCount", "args = {64}", """
                @Block
                class Pair {
                    static final int CHANNELS = Arg.ARG0, STRIDE = Arg.ARG1;
                    @Conv(out = CHANNELS, kernel = 3, stride = STRIDE) Layer conv;
                }
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Use(value = Pair.class, args = {64}) Layer p;
                }
                """);
        assertThat(compilation).hadErrorContaining("[netc.UseArgCount] p: Pair takes 2 arguments (CHANNELS (ARG0),"
                + " STRIDE (ARG1)) but this @Use passes 1; write args = {CHANNELS (ARG0), STRIDE (ARG1)}");
    }

    @Test
    void argumentsToABlockWithoutPlaceholders() {
        expectOne("UseArgCount", "args = {1}", """
                @Block
                class Plain {
                    @ReLU Layer relu;
                }
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Use(value = Plain.class, args = {1}) Layer p;
                }
                """);
    }

    @Test
    void aBlockThatContainsItselfIsReportedWhereTheCycleCloses() {
        Compilation compilation = expectOne("BlockCycle", "@Use(Outer.class) Layer back", """
                @Block
                class Outer {
                    @Use(Inner.class) Layer inner;
                }
                @Block
                class Inner {
                    @ReLU Layer relu;
                    @Use(Outer.class) Layer back;
                }
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Use(Outer.class) Layer outer;
                }
                """);
        assertThat(compilation).hadErrorContaining("(Outer → Inner → Outer)");
    }

    @Test
    void aPlaceholderInANetworkHasNothingToBindIt() {
        expectOne("PlaceholderOutsideBlock", "out = Arg.ARG0", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Conv(out = Arg.ARG0, kernel = 3) Layer conv;
                    @Dense(out = 10) Layer fc;
                }
                """);
    }

    @Test
    void aPlaceholderInANetworksUseHasNothingToBindIt() {
        expectOne("PlaceholderOutsideBlock", "args = {Arg.ARG1}", """
                @Block
                class One {
                    @Conv(out = Arg.ARG0, kernel = 1) Layer conv;
                }
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Use(value = One.class, args = {Arg.ARG1}) Layer one;
                }
                """);
    }

    @Test
    void repeatBelowOne() {
        expectOne("NonPositive", "repeat = 0", """
                @Block
                class One {
                    @ReLU Layer relu;
                }
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Use(value = One.class, repeat = 0) Layer one;
                }
                """);
    }

    @Test
    void repeatFromAnArgumentBelowOneIsReportedOnThatArgument() {
        expectOne("NonPositive", "args = {0}", """
                @Block
                class One {
                    @ReLU Layer relu;
                }
                @Block
                class Many {
                    @Use(value = One.class, repeat = Arg.ARG0) Layer net;
                }
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Use(value = Many.class, args = {0}) Layer many;
                }
                """);
    }

    @Test
    void useOfAClassThatIsNotABlock() {
        expectOne("UseNotBlock", "@Use(String.class)", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Use(String.class) Layer s;
                }
                """);
    }

    @Test
    void branchInANetwork() {
        expectOne("BranchOutsideConcat", "@Branch(0)", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Branch(0) @Dense(out = 10) Layer fc;
                }
                """);
    }

    @Test
    void branchInAnAddBlock() {
        expectOne("BranchOutsideConcat", "@Branch(1)", """
                @Block(join = Join.ADD)
                class Res {
                    @Branch(1) @Conv(out = 1, kernel = 1) Layer conv;
                }
                """);
    }

    @Test
    void concatMemberWithoutBranch() {
        expectOne("BranchMissing", "Layer loose", """
                @Block(join = Join.CONCAT)
                class Mixed {
                    @Branch(0) @Conv(out = 1, kernel = 1) Layer a;
                    @Conv(out = 1, kernel = 1) Layer loose;
                }
                """);
    }

    @Test
    void negativeBranch() {
        expectOne("NegativeBranch", "@Branch(-1)", """
                @Block(join = Join.CONCAT)
                class Mixed {
                    @Branch(-1) @Conv(out = 1, kernel = 1) Layer a;
                }
                """);
    }

    @Test
    void shortcutInAChain() {
        expectOne("ShortcutOutsideAdd", "@Shortcut", """
                @Block
                class Chain {
                    @Conv(out = 1, kernel = 1) Layer a;
                    @Shortcut @Conv(out = 1, kernel = 1) Layer b;
                }
                """);
    }

    @Test
    void shortcutInANetwork() {
        expectOne("ShortcutOutsideAdd", "@Shortcut", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Shortcut @Dense(out = 10) Layer fc;
                }
                """);
    }

    @Test
    void optionalAndRequiredShortcutLayersMixed() {
        expectOne("ShortcutMixed", "optional = false", """
                @Block(join = Join.ADD)
                class Res {
                    @Conv(out = 2, kernel = 1) Layer body;
                    @Shortcut(optional = true) @Conv(out = 2, kernel = 1) Layer a;
                    @Shortcut(optional = false) @BatchNorm Layer b;
                }
                """);
    }

    @Test
    void addBlockWithoutABody() {
        expectOne("NoBody", "@Block", """
                @Block(join = Join.ADD)
                class Res {
                    @Shortcut @Conv(out = 2, kernel = 1) Layer a;
                }
                """);
    }

    @Test
    void blockWithoutLayers() {
        expectOne("EmptyBlock", "@Block", """
                @Block
                class Empty {
                    int notALayer;
                }
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Use(Empty.class) Layer e;
                }
                """);
    }

    @Test
    void useInAPlainClass() {
        expectOne("LayerOutsideNetwork", "@Use", """
                @Block
                class One {
                    @ReLU Layer relu;
                }
                class NotANetwork {
                    @Use(One.class) Layer one;
                }
                """);
    }

    @Test
    void aMistakeWrittenInABlockUsedTwiceIsReportedOnce() {
        Compilation compilation = expectOne("NonPositive", "kernel = 0", """
                @Block
                class Bad {
                    @Conv(out = 2, kernel = 0) Layer conv;
                }
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Use(Bad.class) Layer first;
                    @Use(Bad.class) Layer second;
                    @Dense(out = 10) Layer fc;
                }
                """);
        assertThat(compilation).hadErrorContaining("first.conv: @Conv(kernel = 0) but kernel must be at least 1");
    }

    @Test
    void anArgumentOutOfRangeIsReportedOnTheArgument() {
        Compilation compilation = expectOne("NonPositive", "args = {0}", """
                @Block
                class Conv1 {
                    @Conv(out = Arg.ARG0, kernel = 1) Layer conv;
                }
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Use(value = Conv1.class, args = {0}) Layer c;
                }
                """);
        assertThat(compilation).hadErrorContaining("c.conv: @Conv(out = 0) but out must be at least 1; write out = 1"
                + " or more (in Conv1, used at Net.c with args {0})");
    }

    @Test
    void aRepeatTooLargeToExpandIsReportedInsteadOfExpanded() {
        expectOne("NetworkTooLarge", "repeat = 2000000000", """
                @Block
                class One {
                    @ReLU Layer relu;
                }
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Use(value = One.class, repeat = 2000000000) Layer many;
                }
                """);
    }
}
