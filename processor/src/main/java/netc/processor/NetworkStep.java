package netc.processor;

import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import netc.processor.check.NameTable;
import netc.processor.check.ShapeChecker;
import netc.processor.codegen.ModelWriter;
import netc.processor.codegen.SummaryTable;
import netc.processor.diag.Diagnostic;
import netc.processor.diag.Report;
import netc.processor.graph.Graph;
import netc.processor.graph.GraphBuilder;
import netc.processor.model.NetworkPlan;
import netc.processor.model.NetworkSpec;
import netc.processor.model.Source;
import netc.processor.read.BlockLibrary;
import netc.processor.read.SpecReader;

/** Compiles one {@code @Network} class: read, expand, check, generate, report. Whatever happens stays with this class. */
final class NetworkStep {
    private final Elements elements;
    private final Filer filer;
    private final Messager messager;
    private final BlockLibrary blocks;
    private final boolean printSummary;

    NetworkStep(Elements elements, Filer filer, Messager messager, BlockLibrary blocks, boolean printSummary) {
        this.elements = elements;
        this.filer = filer;
        this.messager = messager;
        this.blocks = blocks;
        this.printSummary = printSummary;
    }

    void process(TypeElement type) {
        Report report = new Report();
        try {
            Optional<NetworkSpec> spec = SpecReader.read(type, elements, blocks, report);   // elements -> specs
            Optional<Graph> graph = spec.flatMap(s -> GraphBuilder.build(s, report));       // blocks expanded, args bound
            graph.ifPresent(g -> NameTable.check(g, report));                               // generated names stay distinct
            Optional<NetworkPlan> plan = graph.flatMap(g -> ShapeChecker.check(g, report));  // every shape, in order
            if (plan.isPresent() && report.isClean()) {
                ModelWriter.write(plan.get(), type, filer, ModelWriter.trainerAvailable(elements)); // never on errors
                if (printSummary) {
                    report.note(Diagnostic.SUMMARY, type, type.getSimpleName(), SummaryTable.render(plan.get()));
                }
            }
        } catch (Exception | StackOverflowError | LinkageError e) {
            // LinkageError: e.g. netc-dsl-api missing from the processor path, which must not read as a javac crash.
            // A processor crash would hide every other message of the build; say what broke instead.
            report.error(Diagnostic.INTERNAL_ERROR, new Source(type, null), type.getSimpleName(), e);
        }
        report.printTo(messager);
    }
}
