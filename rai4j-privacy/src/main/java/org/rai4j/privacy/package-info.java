/**
 * Differential privacy for model training: privacy accountants for the Poisson-subsampled Gaussian
 * mechanism ({@link org.rai4j.privacy.Rdp RDP}, {@link org.rai4j.privacy.Prv PRV},
 * {@link org.rai4j.privacy.Gdp GDP}), noise calibration ({@link org.rai4j.privacy.NoiseCalibration}),
 * an immutable {@link org.rai4j.privacy.PrivacyLedger}, a cryptographically secure Gaussian noise
 * source ({@link org.rai4j.privacy.GaussianNoise}) and DP-SGD with ghost-norm per-example clipping
 * ({@link org.rai4j.privacy.DpSgd}).
 *
 * <p>The accountants follow the definitions and conventions of Opacus (Meta) so that numbers agree with
 * that reference implementation: the same default RDP orders, the same RDP→(ε, δ) conversion (Balle et
 * al. 2020, Thm 21), the same PRV discretisation (Gopi, Lee and Wutschitz 2021), and the same bisection
 * for the noise multiplier.
 */
package org.rai4j.privacy;
