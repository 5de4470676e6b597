/**
 * Models rai4j trains itself, deterministically: L2-regularised logistic regression (Newton–Raphson),
 * and the feature encoding that turns a {@link org.rai4j.core.Table} into a design matrix.
 */
package org.rai4j.learn;
