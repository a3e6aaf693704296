/*
 * utf8.c: UTF-8 validity, as pcre2 defines it.
 *
 * The rules are matched with pcre2's UTF mode and its validity check turned
 * off, which is only safe on valid UTF-8, so the classifier checks texts
 * itself (one pass, ASCII runs skipped sixteen bytes at a time) and repairs
 * the rare invalid one into the matcher's buffer, reading each byte that is
 * not UTF-8 as the Windows-1252 character it is in the texts of servers
 * that do not speak UTF-8 ("bo\xEEte pleine" is "boîte pleine"). The
 * explanation uses the same test to quote matched text as valid JSON.
 */
#include <string.h>

#include "internal.h"

size_t
bounce_utf8_decode(const unsigned char *s, size_t n, unsigned *cp_out)
{
	size_t		need,
				i;
	unsigned	cp;

	if (n == 0)
		return 0;
	if (s[0] < 0x80)
	{
		*cp_out = s[0];
		return 1;
	}
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
	*cp_out = cp;
	return need;
}

size_t
bounce_utf8_char(const unsigned char *s, size_t n)
{
	unsigned	cp;

	return bounce_utf8_decode(s, n, &cp);
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

/*
 * What a byte that is not UTF-8 stands for. Servers that do not speak UTF-8
 * mostly write Windows-1252 (or Latin-1, its subset): its upper half is
 * U+00A0..U+00FF, and 0x80..0x9F are the punctuation below; the five bytes
 * it leaves undefined read as the C1 controls of the same number, as the
 * WHATWG encoding standard (and so every browser) reads them.
 */
static const uint16_t cp1252_80_9f[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178
};

int
bounce_utf8_encode(unsigned cp, unsigned char *out)
{
	if (cp < 0x80)
	{
		out[0] = (unsigned char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		out[0] = (unsigned char) (0xC0 | (cp >> 6));
		out[1] = (unsigned char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		out[0] = (unsigned char) (0xE0 | (cp >> 12));
		out[1] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
		out[2] = (unsigned char) (0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (unsigned char) (0xF0 | (cp >> 18));
	out[1] = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
	out[2] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
	out[3] = (unsigned char) (0x80 | (cp & 0x3F));
	return 4;
}

size_t
bounce_utf8_repair(const unsigned char *s, size_t n, unsigned char *out,
				   bounce_stretch *stretches, size_t *nstretches)
{
	size_t		i = 0,
				o = 0,
				ns = 0;
	bool		in_stretch = false;	/* valid bytes extend the last stretch */

	while (i < n)
	{
		size_t		k = bounce_utf8_char(s + i, n - i),
					j;
		unsigned	cp;

		if (k > 0)
		{
			if (!in_stretch)
			{
				stretches[ns].view = (uint32_t) o;
				stretches[ns++].text = (uint32_t) i;
				in_stretch = true;
			}
			memcpy(out + o, s + i, k);
			o += k;
			i += k;
			continue;
		}
		/* every byte of the character maps to the one byte it came from */
		cp = s[i] < 0xA0 ? cp1252_80_9f[s[i] - 0x80] : s[i];
		k = (size_t) bounce_utf8_encode(cp, out + o);
		for (j = 0; j < k; j++)
		{
			stretches[ns].view = (uint32_t) (o + j);
			stretches[ns++].text = (uint32_t) i;
		}
		o += k;
		i++;
		in_stretch = false;
	}
	*nstretches = ns;
	return o;
}
