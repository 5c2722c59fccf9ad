package netc.spark;

import netc.runtime.cl.Device;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded Spark and one OpenCL device for every test class of this module (Spark takes seconds to
 * start): created by the first class that asks, closed when the whole run ends.
 */
final class LocalSpark implements BeforeAllCallback {
    private static Resources resources;

    private record Resources(JavaSparkContext spark, Device device)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            try (device) {
                spark.close();
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (LocalSpark.class) {
            if (resources == null) {
                resources = new Resources(SparkFixture.localSpark(), Device.open());
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(LocalSpark.class, resources);
            }
        }
    }

    static JavaSparkContext spark() {
        return resources.spark();
    }

    static Device device() {
        return resources.device();
    }
}
