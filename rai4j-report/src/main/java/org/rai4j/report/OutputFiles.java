package org.rai4j.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The files one run writes — the one output writer of rai4j. Used in three steps:
 * <ol>
 *   <li>{@link #input} names every file the run reads, and {@link #declare} names every file it will write,
 *       <em>before</em> the work starts; {@code declare} checks at once that the file can be written: its
 *       folder exists or can be created and is writable, it is not a directory, not one of the inputs (same
 *       real file, through any link or spelling) and not declared twice;</li>
 *   <li>{@link #put} gives a declared file its content once the work is done;</li>
 *   <li>{@link #commit} writes every file to a temporary sibling, and only when all are written moves them
 *       into place: a run leaves all its outputs or none (a file that existed before is restored when a
 *       later move fails).</li>
 * </ol>
 * Files get the normal permissions of a new file (0666 minus the umask, e.g. 0644 with umask 022), like
 * any tool's output. Every failure is an {@link OutputFileException} whose message names the file as
 * given and the reason, e.g. {@code cannot write report.html: its parent 'x' is a file}; temporary names
 * never appear. Not thread-safe: one instance per run.
 */
public final class OutputFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Path> inputs = new LinkedHashMap<>();
    private final Map<Path, Declared> declared = new LinkedHashMap<>();

    private record Declared(String option, Path given, Path absolute, String content) {}

    /** A new, empty set of outputs. */
    public OutputFiles() {}

    /**
     * Records a file the run reads, so that no output may overwrite it.
     *
     * @param option how the user named it (e.g. {@code --data}), for messages
     * @param file   the input file; ignored when {@code null}
     * @return this
     */
    public OutputFiles input(String option, Path file) {
        if (file != null) {
            inputs.put(option + "\u0000" + inputs.size(), file);
        }
        return this;
    }

    /**
     * Declares a file the run will write, checking now that it can be written.
     *
     * @param option how the user named it (e.g. {@code --json}), for messages
     * @param file   the output file as given
     * @return {@code file}
     * @throws OutputFileException when it cannot be written, saying why
     */
    public Path declare(String option, Path file) throws OutputFileException {
        Objects.requireNonNull(file, "file");
        Path abs = file.toAbsolutePath().normalize();
        String name = name(file);
        if (Files.isDirectory(abs)) {
            throw new OutputFileException("cannot write " + name + ": '" + file + "' is a directory");
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(abs)) {
            throw new OutputFileException("cannot write " + name + ": '" + file + "' exists and is not a regular file");
        }
        checkFolder(file, abs, name);
        for (Map.Entry<String, Path> in : inputs.entrySet()) {
            if (sameFile(in.getValue(), abs)) {
                String inOption = in.getKey().substring(0, in.getKey().indexOf('\u0000'));
                throw new OutputFileException("cannot write " + name + ": it is the input given with " + inOption
                        + "; choose another file for " + option);
            }
        }
        for (Declared d : declared.values()) {
            if (d.absolute().equals(abs) || sameFile(d.absolute(), abs)) {
                throw new OutputFileException("cannot write " + name + " for " + option + ": " + d.option()
                        + " writes the same file; give them different names");
            }
        }
        declared.put(abs, new Declared(option, file, abs, null));
        return file;
    }

    /**
     * Gives a declared file its content (UTF-8). Nothing is written before {@link #commit}.
     *
     * @throws IllegalStateException when {@code file} was not declared
     */
    public void put(Path file, String content) {
        Objects.requireNonNull(content, "content");
        Path abs = file.toAbsolutePath().normalize();
        Declared d = declared.get(abs);
        if (d == null) {
            throw new IllegalStateException("output " + file + " was not declared before the work started");
        }
        declared.put(abs, new Declared(d.option(), d.given(), abs, content));
    }

    /** Whether {@code file} was declared. */
    public boolean isDeclared(Path file) {
        return declared.containsKey(file.toAbsolutePath().normalize());
    }

    /**
     * Writes every file that was given content, all or none: first each to a temporary sibling, then
     * each moved into place. Declared files without content are left alone.
     *
     * @throws OutputFileException when any file cannot be written; then none of them was changed
     */
    public void commit() throws OutputFileException {
        List<Declared> todo = new ArrayList<>();
        for (Declared d : declared.values()) {
            if (d.content() != null) {
                todo.add(d);
            }
        }
        List<Path> temps = new ArrayList<>();
        try {
            for (Declared d : todo) {
                temps.add(writeTemporary(d));
            }
            moveAll(todo, temps);
        } finally {
            for (Path t : temps) {
                deleteQuietly(t);
            }
        }
        for (Declared d : todo) {
            declared.put(d.absolute(), new Declared(d.option(), d.given(), d.absolute(), null));
        }
    }

    /**
     * Writes one file atomically, after the same checks as {@link #declare} (with no inputs known).
     *
     * @param option how the user named it, for messages
     */
    public static void write(String option, Path file, String content) throws OutputFileException {
        OutputFiles one = new OutputFiles();
        one.declare(option, file);
        one.put(file, content);
        one.commit();
    }

    private static void checkFolder(Path given, Path abs, String name) throws OutputFileException {
        Path parent = abs.getParent();
        if (parent == null) {
            throw new OutputFileException("cannot write " + name + ": it has no folder");
        }
        Path existing = parent;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new OutputFileException("cannot write " + name + ": no part of its folder '" + shown(given, parent) + "' exists");
        }
        if (!Files.isDirectory(existing)) {
            if (existing.equals(parent)) {
                throw new OutputFileException("cannot write " + name + ": its parent '" + shown(given, parent) + "' is a file");
            }
            throw new OutputFileException("cannot write " + name + ": its folder '" + shown(given, parent)
                    + "' cannot be created because '" + existing + "' is a file");
        }
        if (!Files.isWritable(existing)) {
            throw new OutputFileException("cannot write " + name + ": "
                    + (existing.equals(parent) ? "its folder '" + shown(given, parent) + "'" : "folder '" + existing + "'")
                    + " is not writable");
        }
    }

    /** The parent as the user spelled it when they gave one, else the absolute folder. */
    private static String shown(Path given, Path absParent) {
        Path p = given.getParent();
        return p == null ? absParent.toString() : p.toString();
    }

    private static String name(Path file) {
        Path n = file.getFileName();
        return n == null ? file.toString() : n.toString();
    }

    private static boolean sameFile(Path input, Path output) {
        try {
            if (!Files.exists(input) || !Files.exists(output)) {
                return input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize());
            }
            return Files.isSameFile(input, output);
        } catch (IOException e) {
            return false;
        }
    }

    private static Path writeTemporary(Declared d) throws OutputFileException {
        Path dir = d.absolute().getParent();
        String name = name(d.given());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new OutputFileException("cannot write " + name + ": cannot create its folder '" + dir + "': " + reason(e), e);
        }
        Path tmp = dir.resolve("." + name + ".rai4j-" + HexFormat.of().toHexDigits(RANDOM.nextLong()) + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(d.content().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
            ch.force(true);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new OutputFileException("cannot write " + name + ": " + reason(e), e);
        }
        return tmp;
    }

    private static void moveAll(List<Declared> todo, List<Path> temps) throws OutputFileException {
        List<Path> backups = new ArrayList<>();
        int moved = 0;
        try {
            for (int i = 0; i < todo.size(); i++) {
                Path target = todo.get(i).absolute();
                Path backup = null;
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    backup = target.resolveSibling(temps.get(i).getFileName() + ".old");
                    move(target, backup);
                }
                backups.add(backup);
                move(temps.get(i), target);
                moved++;
            }
        } catch (IOException e) {
            Declared failed = todo.get(moved);
            for (int j = backups.size() - 1; j >= 0; j--) {
                Path target = todo.get(j).absolute();
                try {
                    if (j < moved) {
                        Files.deleteIfExists(target);
                    }
                    if (backups.get(j) != null) {
                        move(backups.get(j), target);
                    }
                } catch (IOException restore) {
                    e.addSuppressed(restore);
                }
            }
            throw new OutputFileException("cannot write " + name(failed.given()) + ": " + reason(e)
                    + (todo.size() > 1 ? "; none of this run's outputs were written" : ""), e);
        }
        for (Path b : backups) {
            if (b != null) {
                deleteQuietly(b);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Why the file system refused, without naming the temporary file. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "its folder no longer exists";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "another file appeared in its place while writing";
        }
        if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            return "a folder is in its place";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "a file is in the way of its folder";
        }
        if (e instanceof FileSystemException fse) {
            return fse.getReason() != null ? fse.getReason().toLowerCase(java.util.Locale.ROOT)
                    : "the file system refused (" + e.getClass().getSimpleName() + ")";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: a leftover hidden temporary file is harmless
        }
    }
}
