package netc.processor.check;

import java.util.List;
import netc.Join;
import netc.processor.diag.Diagnostic;
import netc.processor.diag.Report;
import netc.processor.model.Container;
import netc.processor.model.MemberSpec;
import netc.processor.model.Placement;
import netc.processor.model.Source;

/**
 * Checks where members sit in their class's join: {@code @Branch} only in a {@code CONCAT} block, and on
 * every member there; {@code @Shortcut} only in an {@code ADD} block, all alike, and never on every
 * member; and that a block has members at all. Returns whether the class can be expanded.
 */
public final class PlacementRule {
    private PlacementRule() {}

    public static boolean check(List<MemberSpec> members, Container container, Source at, Report report) {
        if (members.isEmpty()) {
            if (!container.network()) {
                report.error(Diagnostic.EMPTY_BLOCK, at, container.name());
            }
            return false; // a network without layers is reported where it is read
        }
        boolean ok = true;
        Placement firstShortcut = null;
        String firstShortcutName = null;
        for (MemberSpec member : members) {
            Placement placement = member.placement();
            if (placement.branched()) {
                if (container.join() != Join.CONCAT || container.network()) {
                    report.error(Diagnostic.BRANCH_OUTSIDE_CONCAT, placement.source(), member.name(),
                            container.described());
                    ok = false;
                } else if (placement.branch() < 0) {
                    report.error(Diagnostic.NEGATIVE_BRANCH, placement.source(), member.name(), placement.branch());
                    ok = false;
                }
            } else if (container.join() == Join.CONCAT && !container.network()) {
                report.error(Diagnostic.BRANCH_MISSING, member.source(), member.name());
                ok = false;
            }
            if (placement.shortcut()) {
                if (container.join() != Join.ADD || container.network()) {
                    report.error(Diagnostic.SHORTCUT_OUTSIDE_ADD, placement.source(), member.name(),
                            container.described());
                    ok = false;
                } else if (firstShortcut == null) {
                    firstShortcut = placement;
                    firstShortcutName = member.name();
                } else if (placement.optional() != firstShortcut.optional()) {
                    report.error(Diagnostic.SHORTCUT_MIXED, placement.source().at("optional"), member.name(),
                            placement.optional(), firstShortcutName, firstShortcut.optional(), container.name());
                    ok = false;
                }
            }
        }
        if (container.join() == Join.ADD && !container.network()
                && members.stream().allMatch(member -> member.placement().shortcut())) {
            report.error(Diagnostic.NO_BODY, at, container.name());
            ok = false;
        }
        return ok;
    }
}
