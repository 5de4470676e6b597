/**
 * Privacy audits: measured leakage next to the theoretical ε. Membership-inference attacks (loss
 * threshold, LiRA), their metrics with intervals (AUC, TPR at a low FPR, balanced accuracy), and empirical
 * lower bounds on ε — from an attack's TPR/FPR by Clopper–Pearson ({@link org.rai4j.privacy.audit.EmpiricalEpsilon})
 * and from one training run with canaries ({@link org.rai4j.privacy.audit.OneRunAudit}, Steinke, Nasr and
 * Jagielski 2023).
 *
 * <p>A lower bound is a statement at a confidence level: a correct DP-SGD implementation gives an empirical
 * ε above its theoretical ε with probability at most the stated β. When the measured bound is far below
 * the theoretical one, the attack is weak or the analysis is loose; both are possible and the audit cannot
 * say which.
 */
package org.rai4j.privacy.audit;
