package org.rai4j.federated;

import org.rai4j.core.Preconditions;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Secure aggregation of Bonawitz et al. (CCS 2017), honest-but-curious version, for vectors in Z_{2^64}
 * (Java {@code long} arithmetic wraps modulo 2^64): the server learns only the sum of the surviving
 * clients' inputs.
 * <ol>
 *   <li>AdvertiseKeys: each client u makes two X25519 key pairs (c_u for encrypting shares, s_u for masks)
 *       and a 32-byte self-mask seed b_u;</li>
 *   <li>ShareKeys: u splits s_u^SK and b_u into t-of-n Shamir shares (prime field 2^521 − 1) and sends
 *       share v to v, encrypted with AES-256-GCM under SHA-256(KA(c_u^SK, c_v^PK)); the server relays them;
 *       U₂ = clients that completed;</li>
 *   <li>MaskedInputCollection: {@code y_u = x_u + PRG(b_u) + Σ_{v∈U₂, u<v} PRG(s_{u,v}) − Σ_{v∈U₂, u>v} PRG(s_{u,v})}
 *       with s_{u,v} = KA(s_u^SK, s_v^PK) and PRG = AES-256-CTR keystream under SHA-256(label ‖ seed);
 *       U₃ = clients whose y_u arrived;</li>
 *   <li>Unmasking: each survivor v sends, for u ∈ U₃, its share of b_u and, for u ∈ U₂ \ U₃, its share of
 *       s_u^SK; with at least t responders the server rebuilds them, removes the self masks of U₃ and the
 *       dangling pair masks of the drop-outs, and obtains Σ_{u∈U₃} x_u exactly (mod 2^64).</li>
 * </ol>
 * Keys come from a {@link SecureRandom}; only the JDK's providers are used. Fewer than t survivors abort
 * the round with {@link IllegalStateException}. This class runs all parties in one process (the simulator's
 * use); the messages it passes between them are exactly what would cross the network. Not thread-safe.
 */
public final class SecureAggregation {
    private static final BigInteger PRIME = BigInteger.ONE.shiftLeft(521).subtract(BigInteger.ONE);

    private final int threshold;
    private final SecureRandom random;
    private final Map<Integer, Party> parties = new TreeMap<>();
    private final Set<Integer> shared = new TreeSet<>();
    private final Map<Integer, long[]> masked = new TreeMap<>();
    private int length = -1;

    /**
     * @param ids       the clients of the round
     * @param threshold t: shares needed to reconstruct (2 ≤ t ≤ n)
     * @param random    key and share randomness
     */
    public SecureAggregation(int[] ids, int threshold, SecureRandom random) {
        Preconditions.checkArgument(ids.length >= 2, "secure aggregation needs at least 2 clients, got " + ids.length);
        Preconditions.checkArgument(threshold >= 2 && threshold <= ids.length,
                "threshold must be in [2, " + ids.length + "], got " + threshold);
        this.threshold = threshold;
        this.random = random;
        for (int id : ids) {
            parties.put(id, new Party(id, random));
        }
    }

    /** The threshold t the bulletin uses: ⌊2n/3⌋ + 1 (at least 2). */
    public static int defaultThreshold(int n) {
        return Math.max(2, Math.min(n, 2 * n / 3 + 1));
    }

    /** Stage 1: every client in {@code completing} sends its encrypted shares (others drop out before sharing). */
    public void shareKeys(Set<Integer> completing) {
        List<Integer> ids = new ArrayList<>(parties.keySet());
        for (int u : completing) {
            Party pu = party(u);
            BigInteger[] sShares = split(new BigInteger(1, pu.maskSecret()), ids.size());
            BigInteger[] bShares = split(new BigInteger(1, pu.selfSeed), ids.size());
            for (int i = 0; i < ids.size(); i++) {
                int v = ids.get(i);
                byte[] ct = pu.encryptFor(party(v), u, v, sShares[i], bShares[i], random);
                party(v).inbox.put(u, ct);
            }
            shared.add(u);
        }
        Preconditions.checkState(shared.size() >= threshold, "only " + shared.size() + " clients shared keys; the threshold is "
                + threshold + ": round aborted");
    }

    /** Stage 2: client u (which must have shared keys) sends its masked input; returns what the server sees. */
    public long[] maskedInput(int u, long[] x) {
        Preconditions.checkState(shared.contains(u), "client " + u + " did not complete key sharing");
        if (length < 0) {
            length = x.length;
        }
        Preconditions.checkArgument(x.length == length, "all inputs must have length " + length + ", got " + x.length);
        Party pu = party(u);
        long[] y = x.clone();
        addPrg(y, prgKey("self", pu.selfSeed), 1);
        for (int v : shared) {
            if (v == u) {
                continue;
            }
            byte[] s = pu.agree(party(v).maskKeys.getPublic());
            addPrg(y, prgKey("pair", s), u < v ? 1 : -1);
        }
        masked.put(u, y.clone());
        return y;
    }

    /**
     * Stage 3: unmasking with the shares of {@code responders} (survivors that answer); returns Σ_{u∈U₃} x_u.
     *
     * @throws IllegalStateException when fewer than t clients respond
     */
    public long[] unmask(Set<Integer> responders) {
        Preconditions.checkState(!masked.isEmpty(), "no masked input arrived");
        List<Integer> answering = new ArrayList<>();
        for (int v : responders) {
            if (masked.containsKey(v)) {
                answering.add(v);
            }
        }
        Preconditions.checkState(answering.size() >= threshold, "only " + answering.size()
                + " survivors answered the unmasking request; the threshold is " + threshold + ": round aborted");
        long[] z = new long[length];
        for (long[] y : masked.values()) {
            for (int i = 0; i < length; i++) {
                z[i] += y[i];
            }
        }
        List<Integer> ids = new ArrayList<>(parties.keySet());
        for (int u : shared) {
            // each responder decrypts the share u sent it and reveals exactly one of the two parts
            boolean survived = masked.containsKey(u);
            BigInteger[] xs = new BigInteger[threshold];
            BigInteger[] ys = new BigInteger[threshold];
            for (int j = 0; j < threshold; j++) {
                int v = answering.get(j);
                BigInteger[] pair = party(v).decryptFrom(party(u), u, v);
                xs[j] = BigInteger.valueOf(ids.indexOf(v) + 1);
                ys[j] = survived ? pair[1] : pair[0];
            }
            byte[] secret = fixed(reconstruct(xs, ys), 32);
            if (survived) {
                addPrg(z, prgKey("self", secret), -1);
            } else {
                PrivateKey sk = privateKey(secret);
                for (int v : masked.keySet()) {
                    byte[] s = agree(sk, party(v).maskKeys.getPublic());
                    // y_v carries +PRG(s_uv) when v < u and −PRG(s_uv) when v > u: remove it
                    addPrg(z, prgKey("pair", s), v < u ? -1 : 1);
                }
            }
        }
        return z;
    }

    private Party party(int id) {
        Party p = parties.get(id);
        Preconditions.checkArgument(p != null, "client " + id + " is not in this round");
        return p;
    }

    private BigInteger[] split(BigInteger secret, int n) {
        BigInteger[] coef = new BigInteger[threshold];
        coef[0] = secret;
        for (int i = 1; i < threshold; i++) {
            coef[i] = new BigInteger(PRIME.bitLength() + 64, random).mod(PRIME);
        }
        BigInteger[] shares = new BigInteger[n];
        for (int x = 1; x <= n; x++) {
            BigInteger bx = BigInteger.valueOf(x);
            BigInteger y = BigInteger.ZERO;
            for (int i = threshold - 1; i >= 0; i--) {
                y = y.multiply(bx).add(coef[i]).mod(PRIME);
            }
            shares[x - 1] = y;
        }
        return shares;
    }

    /** Lagrange interpolation at 0. */
    static BigInteger reconstruct(BigInteger[] xs, BigInteger[] ys) {
        BigInteger s = BigInteger.ZERO;
        for (int j = 0; j < xs.length; j++) {
            BigInteger num = BigInteger.ONE;
            BigInteger den = BigInteger.ONE;
            for (int m = 0; m < xs.length; m++) {
                if (m != j) {
                    num = num.multiply(xs[m].negate()).mod(PRIME);
                    den = den.multiply(xs[j].subtract(xs[m])).mod(PRIME);
                }
            }
            s = s.add(ys[j].multiply(num).multiply(den.modInverse(PRIME))).mod(PRIME);
        }
        return s;
    }

    private static byte[] fixed(BigInteger v, int len) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[len];
        int copy = Math.min(len, raw.length);
        System.arraycopy(raw, raw.length - copy, out, len - copy, copy);
        return out;
    }

    static byte[] sha256(String label, byte[] data) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("rai4j-secagg-" + label).getBytes(StandardCharsets.US_ASCII));
            md.update((byte) 0);
            return md.digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static byte[] prgKey(String label, byte[] seed) {
        return sha256(label, seed);
    }

    /** y += sign · AES-256-CTR(key, IV 0) keystream read as big-endian longs. */
    static void addPrg(long[] y, byte[] key, int sign) {
        try {
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
            ByteBuffer stream = ByteBuffer.wrap(aes.doFinal(new byte[8 * y.length]));
            for (int i = 0; i < y.length; i++) {
                y[i] += sign * stream.getLong();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR unavailable", e);
        }
    }

    private static byte[] agree(PrivateKey mine, PublicKey theirs) {
        try {
            KeyAgreement ka = KeyAgreement.getInstance("XDH");
            ka.init(mine);
            ka.doPhase(theirs, true);
            return ka.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 key agreement failed", e);
        }
    }

    private static PrivateKey privateKey(byte[] scalar) {
        try {
            return KeyFactory.getInstance("XDH").generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("bad X25519 private key", e);
        }
    }

    /** One client's keys, seed and received (encrypted) shares. */
    private static final class Party {
        final int id;
        final KeyPair encKeys;
        final KeyPair maskKeys;
        final byte[] selfSeed = new byte[32];
        final Map<Integer, byte[]> inbox = new HashMap<>();

        Party(int id, SecureRandom random) {
            this.id = id;
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("X25519");
                g.initialize(NamedParameterSpec.X25519, random);
                encKeys = g.generateKeyPair();
                maskKeys = g.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("X25519 unavailable", e);
            }
            random.nextBytes(selfSeed);
        }

        byte[] maskSecret() {
            return ((XECPrivateKey) maskKeys.getPrivate()).getScalar().orElseThrow();
        }

        byte[] agree(PublicKey theirs) {
            return SecureAggregation.agree(maskKeys.getPrivate(), theirs);
        }

        private static byte[] aad(int u, int v) {
            return ByteBuffer.allocate(8).putInt(u).putInt(v).array();
        }

        byte[] encryptFor(Party to, int u, int v, BigInteger sShare, BigInteger bShare, SecureRandom random) {
            try {
                byte[] key = sha256("enc", SecureAggregation.agree(encKeys.getPrivate(), to.encKeys.getPublic()));
                byte[] nonce = new byte[12];
                random.nextBytes(nonce);
                Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
                gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
                gcm.updateAAD(aad(u, v));
                byte[] plain = ByteBuffer.allocate(2 * 66).put(fixed(sShare, 66)).put(fixed(bShare, 66)).array();
                byte[] ct = gcm.doFinal(plain);
                return ByteBuffer.allocate(12 + ct.length).put(nonce).put(ct).array();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM failed", e);
            }
        }

        /** The (s-share, b-share) that client u sent to this party v. */
        BigInteger[] decryptFrom(Party from, int u, int v) {
            byte[] msg = inbox.get(u);
            Preconditions.checkState(msg != null, "client " + v + " holds no share from " + u);
            try {
                byte[] key = sha256("enc", SecureAggregation.agree(encKeys.getPrivate(), from.encKeys.getPublic()));
                Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
                gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, Arrays.copyOf(msg, 12)));
                gcm.updateAAD(aad(u, v));
                byte[] plain = gcm.doFinal(msg, 12, msg.length - 12);
                return new BigInteger[] {new BigInteger(1, Arrays.copyOfRange(plain, 0, 66)),
                        new BigInteger(1, Arrays.copyOfRange(plain, 66, 132))};
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("share from " + u + " to " + v + " failed authentication", e);
            }
        }
    }
}
