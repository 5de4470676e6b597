/**
 * Implementation details of {@code org.rai4j.privacy}: log-space arithmetic, special functions, the
 * PRV grid and FFT composition, the AES-CTR keystream and the ziggurat Gaussian transform. Not API:
 * may change without notice.
 */
package org.rai4j.privacy.internal;
