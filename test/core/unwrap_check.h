/*
 * unwrap_check.h: what must hold of an unwrapped copy (core/unwrap.c),
 * for the unit tests and the fuzzers alike.
 */
#ifndef BOUNCE_UNWRAP_CHECK_H
#define BOUNCE_UNWRAP_CHECK_H

#include <string.h>

#include "../../core/internal.h"

/*
 * The copy out (len bytes) of t (n bytes), as bounce_unwrap wrote it with
 * ns stretches: no longer than t (shorter unless only underscores became
 * spaces), stretches within bounds, the first at 0, each further one later
 * in both; every byte of the copy the byte its offset names in t, a space
 * standing for white space (U+00A0's first byte too, an escape's '\\' or
 * "&nbsp;"'s '&') or an underscore, "'" for an apostrophe's first byte, '"'
 * for a typographic double quote's, or
 * the character an escape ('\\') or an HTML entity ('&') stands for,
 * offsets increasing;
 * and valid UTF-8 if t is. Returns NULL, or what does not hold.
 */
static const char *
unwrap_check(const unsigned char *t, size_t n, const unsigned char *out,
			 size_t len, const bounce_stretch *stretches, size_t ns)
{
	size_t		i,
				prev = 0;

	if (!(len <= n && ns >= 1 && ns <= n / 2 + 1) ||
		(len == n && (ns != 1 || memchr(t, '_', n) == NULL)))
		return "length or stretch count";
	if (stretches[0].view != 0 || stretches[0].text != 0)
		return "first stretch not at 0";
	for (i = 1; i < ns; i++)
		if (stretches[i].view <= stretches[i - 1].view ||
			stretches[i].text <= stretches[i - 1].text)
			return "stretches not increasing";
	for (i = 0; i < len; i++)
	{
		size_t		at = bounce_unwrap_offset(stretches, ns, i);

		if (at >= n || (i > 0 && at <= prev))
			return "offsets out of the text or not increasing";
		if (out[i] != t[at] &&
			!(out[i] == ' ' && (t[at] == ' ' || (t[at] >= '\t' && t[at] <= '\r') ||
								t[at] == 0xC2 || t[at] == '_' ||
								t[at] == '\\' || t[at] == '&')) &&
			!(out[i] == '\'' && (t[at] == 0xE2 || t[at] == 0xCA)) &&
			!(out[i] == '"' && t[at] == 0xE2) &&
			!((t[at] == '\\' || t[at] == '&') && strchr("<>&\"'/\\", out[i]) != NULL &&
			  out[i] != '\0'))
			return "a byte of the copy is not the text's";
		prev = at;
	}
	/* the rules run without pcre2's UTF check: valid in, valid out */
	if (bounce_utf8_first_invalid(t, n, NULL) == n &&
		bounce_utf8_first_invalid(out, len, NULL) != len)
		return "valid UTF-8 made invalid";
	return NULL;
}

#endif							/* BOUNCE_UNWRAP_CHECK_H */
