/*
 * utf8.c: UTF-8 validity, as pcre2 defines it.
 *
 * The rules are matched with pcre2's UTF mode and its validity check turned
 * off, which is only safe on valid UTF-8, so the classifier checks texts
 * itself (one pass, ASCII runs skipped sixteen bytes at a time) and repairs
 * the rare invalid one into the matcher's buffer. The explanation uses the
 * same test to quote matched text as valid JSON.
 */
#include <string.h>

#include "internal.h"

size_t
bounce_utf8_char(const unsigned char *s, size_t n)
{
	size_t		need,
				i;
	unsigned	cp;

	if (n == 0)
		return 0;
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		need = 2, cp = s[0] & 0x1Fu;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		need = 3, cp = s[0] & 0x0Fu;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		need = 4, cp = s[0] & 0x07u;
	else
		return 0;				/* continuation byte, C0/C1, F5..FF */
	if (n < need)
		return 0;
	for (i = 1; i < need; i++)
	{
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3Fu);
	}
	/* overlong forms, surrogates, beyond U+10FFFF */
	if ((need == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
		(need == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	return need;
}

size_t
bounce_utf8_first_invalid(const unsigned char *s, size_t n, bool *ascii)
{
	size_t		i = 0;

	if (ascii)
		*ascii = true;
	while (i < n)
	{
		size_t		k;

		/* skip ASCII sixteen bytes at a time, then eight */
		if (i + 16 <= n)
		{
			uint64_t	w[2];

			memcpy(w, s + i, sizeof(w));
			if (((w[0] | w[1]) & 0x8080808080808080ull) == 0)
			{
				i += 16;
				continue;
			}
		}
		if (i + 8 <= n)
		{
			uint64_t	w;

			memcpy(&w, s + i, sizeof(w));
			if ((w & 0x8080808080808080ull) == 0)
			{
				i += 8;
				continue;
			}
		}
		if (s[i] < 0x80)
		{
			i++;
			continue;
		}
		if (ascii)
			*ascii = false;
		if ((k = bounce_utf8_char(s + i, n - i)) == 0)
			return i;
		i += k;
	}
	return n;
}

void
bounce_utf8_repair(const unsigned char *s, size_t n, unsigned char *out)
{
	size_t		i = 0;

	while (i < n)
	{
		size_t		k = bounce_utf8_char(s + i, n - i);

		if (k == 0)
		{
			out[i++] = '?';		/* same length: offsets stay valid */
			continue;
		}
		memcpy(out + i, s + i, k);
		i += k;
	}
}
