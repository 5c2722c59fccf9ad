package netc.processor;

import com.google.auto.service.AutoService;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import netc.processor.check.LayerFieldRule;
import netc.processor.check.LocalNetworkRule;
import netc.processor.check.OrphanLayerRule;
import netc.processor.diag.Diagnostic;
import netc.processor.diag.Report;
import netc.processor.read.BlockLibrary;

/**
 * The netc annotation processor: checks every {@code @Network} class's shapes at javac time and
 * generates its model (and trainer, when the training module is on the class path). {@code @Block}
 * classes are checked too, once each, whether a network uses them or not. Option
 * {@code -Anetc.summary=true} prints each shape table as a note.
 */
@AutoService(Processor.class)
public final class NetworkProcessor extends AbstractProcessor {
    static final String SUMMARY_OPTION = "netc.summary";
    private static final String NETWORK = "netc.Network";
    private static final String BLOCK = "netc.Block";
    /** Annotations that mean something only on a field of a network or block class, besides the layers'. */
    private static final Set<String> PLACEMENTS = Set.of("netc.Branch", "netc.Shortcut");

    private final TakenClassNames taken = new TakenClassNames();
    private Optional<LocalNetworkRule> localNetworks = Optional.empty();

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        localNetworks = LocalNetworkRule.create(environment);
    }

    /**
     * "*", not just {@code netc.Network} and the layer annotations: javac runs a processor only for
     * annotations it finds on classes reachable from the top-level ones, so a file whose only
     * {@code @Network} sits on a local class would otherwise never reach {@link LocalNetworkRule}.
     * ({@code javac -Xlint} warns about listing other types beside "*".) Nothing is claimed, so other
     * processors still see every annotation.
     */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(SUMMARY_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        boolean printSummary = "true".equals(processingEnv.getOptions().get(SUMMARY_OPTION));
        taken.declare(round.getRootElements()); // all of the round's classes, before any network generates
        localNetworks.ifPresent(rule -> rule.check(round.getRootElements()));
        // Elements may change between rounds, so blocks are read afresh in each.
        BlockLibrary blocks = new BlockLibrary(processingEnv.getElementUtils());
        NetworkStep step = new NetworkStep(processingEnv.getElementUtils(), processingEnv.getFiler(),
                processingEnv.getMessager(), blocks, printSummary, taken);
        for (TypeElement annotation : annotations) {
            if (annotation.getQualifiedName().contentEquals(NETWORK)) {
                ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation)).forEach(step::process);
            }
        }
        for (TypeElement annotation : annotations) {
            String name = annotation.getQualifiedName().toString();
            if (name.equals(BLOCK)) {
                checkBlocks(annotation, round, blocks);
            } else if (LayerFieldRule.LAYER_ANNOTATIONS.contains(name) || PLACEMENTS.contains(name)) {
                checkPlacement(annotation, round);
            }
        }
        return false; // Other processors may read the same annotations.
    }

    /** Blocks no network uses are checked too; one already read for a network is not reported again. */
    private void checkBlocks(TypeElement annotation, RoundEnvironment round, BlockLibrary blocks) {
        Report report = new Report();
        for (TypeElement type : ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation))) {
            try {
                blocks.read(type, report);
            } catch (RuntimeException e) {
                report.error(Diagnostic.INTERNAL_ERROR, type, type.getSimpleName(), e);
            }
        }
        report.printTo(processingEnv.getMessager());
    }

    private void checkPlacement(TypeElement annotation, RoundEnvironment round) {
        Report report = new Report();
        for (Element element : round.getElementsAnnotatedWith(annotation)) {
            try {
                if (element.getKind() == ElementKind.FIELD || element.getKind() == ElementKind.ENUM_CONSTANT) {
                    OrphanLayerRule.check(element, annotation, report);
                }
            } catch (RuntimeException e) {
                report.error(Diagnostic.INTERNAL_ERROR, element, element.getSimpleName(), e);
            }
        }
        report.printTo(processingEnv.getMessager());
    }
}
