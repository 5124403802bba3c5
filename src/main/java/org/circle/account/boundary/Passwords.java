package org.circle.account.boundary;

/** Password length bounds: long enough to resist guessing, short enough to bound hashing work. */
final class Passwords {
    static final int MIN = 10;
    static final int MAX = 200;

    private Passwords() { }
}
