package netc.processor.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.util.Elements;
import netc.processor.model.NetworkPlan;
import netc.processor.model.NetworkSpec;

/**
 * Writes {@code <Name>Model} and, when the training module is on the class path, {@code <Name>Trainer}
 * for a checked network, each marked {@code @Generated} (without a date, so builds are reproducible) and
 * tied to the network class as originating element, so incremental builds regenerate them when it changes.
 */
public final class ModelWriter {
    static final String GENERATOR = "netc.processor.NetworkProcessor";

    private ModelWriter() {}

    /** Whether {@code <Name>Trainer} can be written: an application that only predicts lacks the trainer. */
    public static boolean trainerAvailable(Elements elements) {
        return elements.getTypeElement(TypeNames.TRAINER.canonicalName()) != null;
    }

    public static void write(NetworkPlan plan, Element origin, Filer filer, boolean withTrainer) throws IOException {
        for (JavaFile file : files(plan, origin, withTrainer)) {
            file.writeTo(filer);
        }
    }

    /** The generated sources, unwritten (the golden tests compare them as text). */
    public static List<JavaFile> files(NetworkPlan plan, Element origin, boolean withTrainer) {
        String packageName = plan.spec().packageName();
        List<JavaFile> files = new ArrayList<>(List.of(javaFile(packageName, model(plan, origin))));
        if (withTrainer) {
            files.add(javaFile(packageName, TrainerWriter.trainer(plan, origin)));
        }
        return files;
    }

    static AnnotationSpec generated() {
        return AnnotationSpec.builder(TypeNames.GENERATED).addMember("value", "$S", GENERATOR).build();
    }

    private static TypeSpec model(NetworkPlan plan, Element origin) {
        NetworkSpec spec = plan.spec();
        ClassName name = Names.model(spec);
        Identifiers names = new Identifiers(plan);
        GradientPlan gradients = GradientPlan.of(plan);
        MemoryPlan memory = MemoryPlan.of(plan, gradients, names);
        TypeSpec.Builder model = TypeSpec.classBuilder(name)
                .addJavadoc(ModelJavadoc.of(plan, names, memory))
                .addAnnotation(generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(TypeNames.COMPILED_MODEL)
                .addField(InfoWriter.info(plan, names, memory))
                .addField(FieldSpec.builder(TypeNames.MODEL_FACTORY, Names.FACTORY,
                                Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("Builds the model for a device and a batch size.\n")
                        .initializer("$T::new", name)
                        .build())
                .addFields(MemberWriter.fields(plan, names, gradients, memory))
                .addMethod(MemberWriter.constructor(plan, names, gradients, memory))
                .addMethods(PassWriter.methods(plan, names, gradients));
        if (origin != null) {
            model.addOriginatingElement(origin);
        }
        return model.build();
    }

    /**
     * java.lang types are imported like any other ({@code import java.lang.Override;}): a class of the
     * network's package named {@code Override} would otherwise win over java.lang's, and the generated
     * code would not compile. A single-type import wins over both.
     */
    private static JavaFile javaFile(String packageName, TypeSpec type) {
        return JavaFile.builder(packageName, type).skipJavaLangImports(false).indent("    ").build();
    }
}
