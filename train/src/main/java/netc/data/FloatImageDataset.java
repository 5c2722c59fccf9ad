package netc.data;

import java.util.List;

/** Images a program holds as floats in [0, 1], CHW per image, used as given (not copied). */
final class FloatImageDataset extends LabelledImages {
    private final float[][] images;

    FloatImageDataset(String name, int channels, int height, int width, List<String> classNames, int[] labels,
                      float[][] images) {
        super(name, channels, height, width, classNames, labels);
        this.images = images;
    }

    @Override
    public void readImage(int index, float[] target, int offset) {
        System.arraycopy(images[index], 0, target, offset, images[index].length);
    }
}
