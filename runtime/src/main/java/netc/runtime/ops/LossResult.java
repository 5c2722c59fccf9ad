package netc.runtime.ops;

/** One batch's mean loss and how many of its {@code count} examples were classified right. */
public record LossResult(float loss, int correct, int count) {}
