import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Writes the example's data: small pictures of three shapes (circle, cross, square) in random colours,
 * places and sizes on a dark, noisy background. An image folder of 16×16 RGB PNGs (train/ and test/,
 * one sub-folder per class) and a CSV file of 10×10 grey images (a label column and 100 pixel columns,
 * with a header row). Seeded: running it again writes the same files.
 *
 * <pre>java tools/GenerateShapes.java data</pre>
 */
public class GenerateShapes {
    static final List<String> CLASSES = List.of("circle", "cross", "square");

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "data");
        Random random = new Random(2026);
        for (String split : List.of("train", "test")) {
            int perClass = split.equals("train") ? 40 : 10;
            for (String shape : CLASSES) {
                Path folder = Files.createDirectories(data.resolve("shapes").resolve(split).resolve(shape));
                for (int i = 0; i < perClass; i++) {
                    ImageIO.write(draw(shape, 16, true, random), "png", folder.resolve(shape + "-" + i + ".png").toFile());
                }
            }
        }
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(data.resolve("shapes.csv")))) {
            StringBuilder header = new StringBuilder("label");
            for (int p = 0; p < 10 * 10; p++) {
                header.append(",p").append(p);
            }
            csv.println(header);
            for (int i = 0; i < 30; i++) {
                for (String shape : CLASSES) {
                    BufferedImage image = draw(shape, 10, false, random);
                    StringBuilder row = new StringBuilder(shape);
                    for (int y = 0; y < 10; y++) {
                        for (int x = 0; x < 10; x++) {
                            row.append(',').append(image.getRaster().getSample(x, y, 0));
                        }
                    }
                    csv.println(row);
                }
            }
        }
    }

    static BufferedImage draw(String shape, int size, boolean colour, Random random) {
        BufferedImage image = new BufferedImage(size, size, colour ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(random.nextInt(40), random.nextInt(40), random.nextInt(40)));
        g.fillRect(0, 0, size, size);
        g.setColor(Color.getHSBColor(random.nextFloat(), 0.5f + 0.5f * random.nextFloat(), 0.8f + 0.2f * random.nextFloat()));
        g.setStroke(new BasicStroke(size / 12f));
        int extent = size / 2 + random.nextInt(size / 4 + 1);
        int left = random.nextInt(size - extent + 1);
        int top = random.nextInt(size - extent + 1);
        switch (shape) {
            case "circle" -> g.drawOval(left, top, extent - 1, extent - 1);
            case "square" -> g.drawRect(left, top, extent - 1, extent - 1);
            default -> {
                g.drawLine(left, top, left + extent - 1, top + extent - 1);
                g.drawLine(left, top + extent - 1, left + extent - 1, top);
            }
        }
        g.dispose();
        return image;
    }
}
