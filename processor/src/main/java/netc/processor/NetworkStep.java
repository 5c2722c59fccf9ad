package netc.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.Messager;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import netc.processor.check.NameRule;
import netc.processor.check.ShapeChecker;
import netc.processor.codegen.ModelWriter;
import netc.processor.codegen.Names;
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
    private final TakenClassNames taken;
    private final boolean withTrainer;

    NetworkStep(Elements elements, Filer filer, Messager messager, BlockLibrary blocks, boolean printSummary,
                TakenClassNames taken) {
        this.elements = elements;
        this.filer = filer;
        this.messager = messager;
        this.blocks = blocks;
        this.printSummary = printSummary;
        this.taken = taken;
        this.withTrainer = ModelWriter.trainerAvailable(elements);
    }

    void process(TypeElement type) {
        Report report = new Report();
        try {
            Optional<NetworkSpec> spec = SpecReader.read(type, elements, blocks, report);  // elements -> specs
            Optional<Graph> graph = spec.flatMap(s -> GraphBuilder.build(s, report));      // blocks expanded
            graph.ifPresent(g -> NameRule.check(g, report));                               // names stay distinct
            spec.ifPresent(s -> checkGeneratedClassesAreFree(s, type, report));            // ... and classes too
            Optional<NetworkPlan> plan = graph.flatMap(g -> ShapeChecker.check(g, report)); // every shape, in order
            if (plan.isPresent() && report.isClean()) {
                write(plan.get(), type, report);                                             // never on errors
                if (printSummary && report.isClean()) {
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

    /** What netc generates for the network, each with what a message calls it. */
    private List<Map.Entry<String, ClassName>> generatedClasses(NetworkSpec spec) {
        List<Map.Entry<String, ClassName>> classes = new ArrayList<>();
        classes.add(Map.entry("model", Names.model(spec)));
        if (withTrainer) {
            classes.add(Map.entry("trainer", Names.trainer(spec)));
        }
        return classes;
    }

    private void checkGeneratedClassesAreFree(NetworkSpec spec, TypeElement type, Report report) {
        for (Map.Entry<String, ClassName> entry : generatedClasses(spec)) {
            ClassName generated = entry.getValue();
            String holder = taken.holder(generated.canonicalName());
            if (holder != null) {
                report.error(Diagnostic.GENERATED_CLASS_EXISTS, type, spec.simpleName(),
                        "the class " + generated.canonicalName(), holder, spec.simpleName());
            }
        }
    }

    private void write(NetworkPlan plan, TypeElement type, Report report) throws java.io.IOException {
        NetworkSpec spec = plan.spec();
        try {
            ModelWriter.write(plan, type, filer, withTrainer);
        } catch (FilerException e) {
            // A name taken in a way TakenClassNames cannot see (a class on the source path); the Filer knows which.
            report.error(Diagnostic.GENERATED_CLASS_EXISTS, type, spec.simpleName(), "its model and trainer classes",
                    "another class of this compilation (" + e.getMessage() + ")", spec.simpleName());
            return;
        }
        for (Map.Entry<String, ClassName> generated : generatedClasses(spec)) {
            taken.generate(generated.getValue().canonicalName(), generated.getKey(),
                    type.getQualifiedName().toString());
        }
    }
}
