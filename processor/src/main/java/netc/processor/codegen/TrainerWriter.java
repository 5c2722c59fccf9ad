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
        ClassName model = Names.model(spec);
        TypeSpec.Builder trainer = TypeSpec.classBuilder(Names.trainer(spec))
                .addJavadoc("Trains {@link $T} on the data its options name. Any other data set: pass it to\n"
                        + "{@code Trainer.fit($T.FACTORY, $T.INFO, options, train, test, out)}.\n\n"
                        + "<p>From the shell: {@code netc train $L}.\n", model, model, model, spec.binaryName())
                .addAnnotation(ModelWriter.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder(Names.FIT)
                        .addJavadoc("Builds the model on the chosen device, trains it and reports every epoch.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(TypeNames.TRAINING_REPORT)
                        .addParameter(TypeNames.TRAINING_OPTIONS, Names.OPTIONS)
                        .addStatement("return $T.fit($T.$L, $T.$L, $L)", TypeNames.TRAINER, model, Names.FACTORY,
                                model, Names.INFO, Names.OPTIONS)
                        .build());
        if (origin != null) {
            trainer.addOriginatingElement(origin);
        }
        return trainer.build();
    }
}
