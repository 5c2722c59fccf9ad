package netc.processor;

import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import netc.processor.check.NameRule;
import netc.processor.check.ShapeChecker;
import netc.processor.codegen.ModelWriter;
import netc.processor.codegen.SummaryTable;
import netc.processor.diag.Diagnostic;
import netc.processor.diag.Report;
import netc.processor.model.NetworkPlan;
import netc.processor.model.NetworkSpec;
import netc.processor.model.Source;
import netc.processor.read.SpecReader;

/** Compiles one {@code @Network} class: read, check, generate, report. Whatever happens stays with this class. */
final class NetworkStep {
    private final Elements elements;
    private final Filer filer;
    private final Messager messager;
    private final boolean printSummary;

    NetworkStep(Elements elements, Filer filer, Messager messager, boolean printSummary) {
        this.elements = elements;
        this.filer = filer;
        this.messager = messager;
        this.printSummary = printSummary;
    }

    void process(TypeElement type) {
        Report report = new Report();
        try {
            Optional<NetworkSpec> spec = SpecReader.read(type, elements, report);   // elements -> records, with element rules
            Optional<NetworkPlan> plan = spec.flatMap(s -> ShapeChecker.check(s, report)); // every shape, in order
            spec.ifPresent(s -> NameRule.check(s, report));                          // generated names stay distinct
            if (plan.isPresent() && report.isClean()) {
                ModelWriter.write(plan.get(), type, filer);                            // never runs on a network with errors
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
