package netc.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import netc.processor.model.NetworkPlan;
import netc.processor.model.NetworkSpec;

/**
 * Writes {@code <Name>Trainer}: {@code fit} hands the model to the runtime's trainer. No {@code main}:
 * a good recipe depends on the network, so running from the shell is {@code netc train}'s job.
 */
final class TrainerWriter {
    private TrainerWriter() {}

    static TypeSpec trainer(NetworkPlan plan, Element origin) {
        NetworkSpec spec = plan.spec();
        ClassName model = ModelWriter.modelName(spec);
        TypeSpec.Builder trainer = TypeSpec.classBuilder(ClassName.get(spec.packageName(), spec.baseName() + "Trainer"))
                .addJavadoc("Trains {@link $T} on Fashion-MNIST.\n\n<p>From the shell: {@code netc train $L}.\n", model,
                        spec.binaryName())
                .addAnnotation(ModelWriter.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("fit")
                        .addJavadoc("Builds the model on the chosen device, trains it and reports every epoch.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(TypeNames.TRAINING_REPORT)
                        .addParameter(TypeNames.TRAINING_OPTIONS, "options")
                        .addStatement("return $T.fit($T.FACTORY, $T.INFO, options)", TypeNames.TRAINER, model, model)
                        .build());
        if (origin != null) {
            trainer.addOriginatingElement(origin);
        }
        return trainer.build();
    }
}
