package org.circle.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Ann", "Jean-Luc", "O'Brien", "Zoë", "李", "محمد", "Ann 2", "🙂", "👩‍🔬", "❤️", "Dr. Who"})
    void ordinaryNamesPass(String name) {
        assertEquals(java.util.Optional.empty(), Names.problem(name), name);
    }

    /** The blank-looking names the attack used, alone and hidden inside a real name. */
    @ParameterizedTest
    @ValueSource(strings = {"\u3164", "\u00A0", "\u200B", "\u061C", "\u00AD", "\u2060", "\uFEFF", "\uDB40\uDC41", "\u115F", "\uFFA0",
            "\u034F", "\u180E", "\u2003", "\u3000"})
    void invisibleCharactersAreRefused(String hidden) {
        assertTrue(Names.problem(hidden).isPresent(), "alone: U+" + Integer.toHexString(hidden.codePointAt(0)));
        assertTrue(Names.problem("An" + hidden + "n").isPresent(), "inside a name: U+" + Integer.toHexString(hidden.codePointAt(0)));
    }

    @Test
    void aNameNeedsSomethingToRead() {
        assertTrue(Names.problem("").isPresent());
        assertTrue(Names.problem("   ").isPresent());
        assertTrue(Names.problem("...").isPresent(), "punctuation alone is not a name");
        assertTrue(Names.problem("a".repeat(81)).isPresent());
        assertFalse(Names.problem("a".repeat(80)).isPresent());
        assertTrue(Names.problem("Ann\u202Eeno").isPresent(), "a bidirectional override");
    }

    @Test
    void namesThatReadTheSameAreTheSame() {
        List<String> facilitators = List.of("Lead", "Sam Okafor");
        assertTrue(Names.readsAs("lead", facilitators));
        assertTrue(Names.readsAs("  LEAD ", facilitators));
        assertTrue(Names.readsAs("Ｌｅａｄ", facilitators), "full-width letters");
        assertTrue(Names.readsAs("Sam  Okafor", facilitators), "doubled space");
        assertTrue(Names.readsAs("ﬁ", List.of("fi")), "a ligature");
        assertFalse(Names.readsAs("Leah", facilitators));
        assertFalse(Names.readsAs("Sam", facilitators), "a first name alone is someone else's to use");
    }
}
