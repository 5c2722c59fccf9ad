package netc.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import netc.processor.model.NetworkPlan;
import netc.processor.model.NetworkSpec;

/** Writes {@code <Name>Trainer}: {@code fit} hands the model to the runtime's trainer, {@code main} runs d2l's recipe. */
final class TrainerWriter {
    private TrainerWriter() {}

    static TypeSpec trainer(NetworkPlan plan, Element origin) {
        NetworkSpec spec = plan.spec();
        ClassName model = ModelWriter.modelName(spec);
        TypeSpec.Builder trainer = TypeSpec.classBuilder(ClassName.get(spec.packageName(), spec.baseName() + "Trainer"))
                .addJavadoc("Trains {@link $T} on Fashion-MNIST.\n", model)
                .addAnnotation(ModelWriter.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("fit")
                        .addJavadoc("Builds the model on the chosen device, trains it and reports every epoch.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(TypeNames.TRAINING_REPORT)
                        .addParameter(TypeNames.TRAINING_OPTIONS, "options")
                        .addStatement("return $T.fit($T.FACTORY, $T.INFO, options)", TypeNames.TRAINER, model, model)
                        .build())
                .addMethod(MethodSpec.methodBuilder("main")
                        .addJavadoc("Trains with {@link $T#defaults()} and prints the last epoch.\n",
                                TypeNames.TRAINING_OPTIONS)
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addParameter(String[].class, "args")
                        .addStatement("$T report = fit($T.defaults())", TypeNames.TRAINING_REPORT,
                                TypeNames.TRAINING_OPTIONS)
                        .addStatement("$T.out.println(report.last())", System.class)
                        .build());
        if (origin != null) {
            trainer.addOriginatingElement(origin);
        }
        return trainer.build();
    }
}
