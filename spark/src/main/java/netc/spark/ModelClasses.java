package netc.spark;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import netc.runtime.model.ModelFactory;

/** Finds a generated model's {@code FACTORY} by class name, in the class loader Spark gives a task. */
final class ModelClasses {
    private ModelClasses() {}

    /**
     * The factory of {@code modelClass}; a class the loader cannot see is named with the fix, since on a
     * cluster it means the network was left out of the job's jar.
     */
    static ModelFactory factory(String modelClass, ClassLoader loader) {
        Class<?> model;
        try {
            model = Class.forName(modelClass, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("the network's model class " + modelClass + " is not on this executor's"
                    + " class path: put the compiled network (and the " + simpleName(modelClass) + " netc generated"
                    + " beside it) in the jar you pass to spark-submit, or list its jar in --jars.");
        }
        try {
            Field field = model.getField("FACTORY");
            if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof ModelFactory factory) {
                return factory;
            }
        } catch (NoSuchFieldException | IllegalAccessException e) {
            // reported below
        }
        throw new IllegalStateException(modelClass + " has no public static ModelFactory FACTORY: it is not a model"
                + " netc generated, or another netc version generated it; rebuild the network with this one.");
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
