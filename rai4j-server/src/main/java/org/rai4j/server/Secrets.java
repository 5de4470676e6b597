package org.rai4j.server;

import org.rai4j.core.Hashing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets (session ids, API tokens, CSRF tokens, passwords) and their hashes at rest. */
final class Secrets {
    private final SecureRandom random = new SecureRandom();

    /** 256 random bits, URL-safe Base64 without padding. */
    String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A readable random password of 20 characters (about 119 bits). */
    String password() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** A short random id for submissions ({@code s-} + 16 hex digits). */
    String id(String prefix) {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return prefix + Hashing.hex(b);
    }

    /** SHA-256 of a token (what the database stores). */
    static String hash(String token) {
        return Hashing.sha256(token);
    }

    /** Constant-time comparison of two strings. */
    static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
