/*
 * fuzz_split.c: libFuzzer harness that lets the fuzzer choose how an input
 * becomes the two arguments, including the shapes the SQL wrappers create,
 * and fuzzes the category-name lookup against an oracle written here.
 *
 * Input layout:
 *   byte 0   flags
 *              0x01  status absent (NULL)
 *              0x02  diagnostic absent (NULL)
 *              0x04  integer status: up to 8 status bytes, little-endian,
 *                    as a signed 64-bit number written in decimal (what
 *                    the SQLite wrapper does with an INTEGER), then as a
 *                    32-bit one (PostgreSQL's int4 overloads)
 *              0x08  long diagnostic: the diagnostic bytes repeated up to
 *                    BOUNCE_SCAN_LIMIT - 128 + byte 1 bytes, so that the
 *                    64 KiB cut falls anywhere, inside a character too
 *              0x10  with 0x08: up to 4 * BOUNCE_SCAN_LIMIT + byte 1
 *              0x20  also check prefilter/reference parity
 *              0x40  status length is byte 2 * 64 (longer than the
 *                    BOUNCE_STATUS_LIMIT examined)
 *   byte 1   length adjustment (see 0x08)
 *   byte 2   status length (capped by what is left)
 *   rest     status bytes, then diagnostic bytes
 *
 * Name lookup: the bytes after the header are given to
 * bounce_category_from_name and the answer compared with this file's own
 * reading of the documented rule (ASCII case-insensitive, surrounding
 * white space ignored, the 15 names and the aliases "greylisting" and
 * "routing-errors"); and the name of each result, with its letters' case
 * flipped and white space added as the input bytes say, must look up the
 * same category.
 */
#include <inttypes.h>

#include "fuzz_check.h"

int			LLVMFuzzerInitialize(int *argc, char ***argv);
int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_init("fuzz_split");
	return 0;
}

/* ---- the name oracle ---- */

static int
oracle_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
		c == '\f';
}

static int
oracle_equal(const uint8_t *s, size_t n, const char *name)
{
	size_t		i;

	if (strlen(name) != n)
		return 0;
	for (i = 0; i < n; i++)
	{
		unsigned char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char) (c + 32);
		if (c != (unsigned char) name[i])
			return 0;
	}
	return 1;
}

/* The category the documented rule gives s, or -1. */
static int
oracle_lookup(const uint8_t *s, size_t n)
{
	int			i;

	while (n > 0 && oracle_space(s[0]))
		s++, n--;
	while (n > 0 && oracle_space(s[n - 1]))
		n--;
	for (i = 0; i < BOUNCE_CATEGORY_COUNT; i++)
		if (oracle_equal(s, n, bounce_category_name((bounce_category) i)))
			return i;
	if (oracle_equal(s, n, "greylisting"))
		return BOUNCE_GREYLISTING_ISSUES;
	if (oracle_equal(s, n, "routing-errors"))
		return BOUNCE_ROUTING_ISSUES;
	return -1;
}

static void
check_name(const uint8_t *s, size_t n)
{
	char	   *copy = fuzz_copy(s, n, 0);
	bounce_category c = BOUNCE_CATEGORY_COUNT;
	int			want = oracle_lookup(s, n);
	int			found = bounce_category_from_name(copy, n, &c);

	FUZZ_ASSERT(found == (want >= 0), NULL);
	FUZZ_ASSERT(!found || (int) c == want, NULL);
	FUZZ_ASSERT(found == bounce_category_from_name(copy, n, NULL), NULL);
	free(copy);
}

/* The result's name, case and white space varied by the input's bytes. */
static void
check_name_round_trip(bounce_category category, const uint8_t *noise,
					  size_t nnoise)
{
	static const char spaces[] = " \t\n\r\v\f";
	const char *name = bounce_category_name(category);
	char		buf[96];
	size_t		len = 0,
				i,
				k = 0;
	bounce_category back;

	FUZZ_ASSERT(name != NULL, NULL);
	for (i = 0; i < 8 && k < nnoise && (noise[k] & 1); i++, k++)
		buf[len++] = spaces[noise[k] % 6];
	for (i = 0; name[i]; i++)
	{
		char		c = name[i];

		if (k < nnoise && (noise[k++] & 2) && c >= 'a' && c <= 'z')
			c = (char) (c - 32);
		buf[len++] = c;
	}
	for (i = 0; i < 8 && k < nnoise && (noise[k] & 1); i++, k++)
		buf[len++] = spaces[noise[k] % 6];
	FUZZ_ASSERT(bounce_category_from_name(buf, len, &back), NULL);
	FUZZ_ASSERT(back == category, NULL);
}

/* ---- the harness ---- */

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t		flags,
				adjust;
	size_t		slen,
				dlen,
				rest;
	const uint8_t *body;
	char	   *status = NULL,
			   *diag = NULL;
	char		number[32];
	bounce_result r;
	int			parity;

	if (size < 3)
		return 0;
	flags = data[0];
	adjust = data[1];
	slen = (flags & 0x40) ? (size_t) data[2] * 64 : data[2];
	body = data + 3;
	rest = size - 3;
	if (slen > rest)
		slen = rest;
	dlen = rest - slen;

	check_name(body, rest);

	if (!(flags & 0x01))
	{
		if (flags & 0x04)
		{
			uint64_t	u = 0;
			size_t		i;
			int			len;

			for (i = 0; i < slen && i < 8; i++)
				u |= (uint64_t) body[i] << (8 * i);
			len = snprintf(number, sizeof(number), "%" PRId64, (int64_t) u);
			status = fuzz_copy((const uint8_t *) number, (size_t) len, 0);
			fuzz_classify_checked(matcher, builtin, status, (size_t) len,
								  NULL, 0, 0, adjust, &r);
			free(status);
			len = snprintf(number, sizeof(number), "%" PRId32, (int32_t) (uint32_t) u);
			status = fuzz_copy((const uint8_t *) number, (size_t) len, 0);
			slen = (size_t) len;
		}
		else
			status = fuzz_copy(body, slen, 0);
	}
	if (!(flags & 0x02))
	{
		const uint8_t *src = body + (rest - dlen);

		if ((flags & 0x08) && dlen > 0)
		{
			size_t		want = (flags & 0x10) ? 4 * (size_t) BOUNCE_SCAN_LIMIT + adjust
				: (size_t) BOUNCE_SCAN_LIMIT - 128 + adjust;
			size_t		i;

			diag = malloc(want);
			if (diag == NULL)
				abort();
			for (i = 0; i < want; i++)
				diag[i] = (char) src[i % dlen];
			dlen = want;
		}
		else
			diag = fuzz_copy(src, dlen, 0);
	}

	/* parity on long texts is slow (every rule over 64 KiB): on request */
	parity = (flags & 0x20) || !(flags & 0x08);
	if (status == NULL)
		slen = 0;
	if (diag == NULL)
		dlen = 0;
	if (diag != NULL)
		fuzz_check_parsers(diag, dlen);
	fuzz_classify_checked(matcher, builtin, status, slen, diag, dlen, parity,
						  adjust, &r);
	if (status != NULL || diag != NULL)
		check_name_round_trip(r.category, body, rest);
	free(status);
	free(diag);
	return 0;
}
