/**
 * How figures become words for a person reading a summary: counts with their noun in the right
 * number. Pure functions, no terminal, no locale beyond English.
 */
package io.lifeboat.text;
