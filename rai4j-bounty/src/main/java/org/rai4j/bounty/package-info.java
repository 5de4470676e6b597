/**
 * Algorithmic bias bounties (Globus-Harris, Kearns, Roth, FAccT 2022): hunters submit a group g and a
 * model h better on g; {@link org.rai4j.bounty.BountyEngine} verifies the claim on a private holdout
 * ({@link org.rai4j.bounty.AcceptanceTest}, {@link org.rai4j.bounty.HoldoutGuard}) and folds accepted
 * pairs into a {@link org.rai4j.bounty.PointerDecisionList} with the repair step, logging everything
 * to a hash-chained {@link org.rai4j.bounty.AuditLog}. Groups are written in a safe predicate language
 * ({@link org.rai4j.bounty.GroupPredicate}) or as ONNX classifiers; {@link org.rai4j.bounty.CostSensitiveHunter}
 * is a built-in automated participant. Specification: {@code shared/specs/bias-bounty.md}.
 */
package org.rai4j.bounty;
