package netc.spark;

import java.util.ArrayList;
import java.util.List;
import netc.data.ImageDataset;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/** Turns the training sets netc reads into Spark RDDs, one partition per worker. */
public final class SparkDatasets {
    private SparkDatasets() {}

    /**
     * {@code data}'s examples in order, split into {@code partitions} contiguous parts of equal size (±1).
     * The RDD is checkpointed locally (kept by the executors) once computed, so that later jobs no longer
     * ship the driver's copy of the examples with every task.
     */
    public static JavaRDD<LabelledExample> partition(JavaSparkContext spark, ImageDataset data, int partitions) {
        List<LabelledExample> examples = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            examples.add(LabelledExample.of(data, i));
        }
        JavaRDD<LabelledExample> rdd = spark.parallelize(examples, partitions).setName(data.name());
        rdd.rdd().localCheckpoint();
        return rdd;
    }
}
