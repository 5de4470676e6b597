/**
 * The {@code rai4j} command line: thin commands that parse options, call a library module and render
 * the result. No algorithm lives here.
 */
package org.rai4j.cli;
