package org.rai4j.bounty;

/**
 * One repair made after an accepted update (spec §1.4): the group introduced by submission
 * {@code groupOwner} had drifted above its best error, so a pointer node {@code node} now sends it
 * back to node {@code target}, where it was best; overall error fell by {@code weightedImprovement}
 * (= (E_cur(g) − E_best(g))/n).
 *
 * @param groupOwner          id of the submission that introduced the group
 * @param group               the group's description
 * @param node                the new pointer node (the head of the new version)
 * @param target              the node it points to
 * @param errorReduction      E_cur(g) − E_best(g), in loss units (an error count for 0-1 loss)
 * @param weightedImprovement errorReduction / n
 */
public record Repair(String groupOwner, String group, int node, int target, double errorReduction, double weightedImprovement) {}
