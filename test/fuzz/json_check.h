/*
 * json_check.h: a strict JSON checker (RFC 8259 grammar, valid UTF-8 in
 * strings) for the core's explanation object, shared by the fuzz harnesses
 * (fuzz_check.h) and the bad-input matrix (matrix/core_matrix.c).
 *
 * json_explanation(text, n, &at, &len) is true when text is exactly one
 * object with the explanation's ten keys in order (and "set_aside" after
 * "match_length", which only some have) and scalar values; at and len
 * then give the raw value of "category".
 */
#ifndef BOUNCE_JSON_CHECK_H
#define BOUNCE_JSON_CHECK_H

#include <string.h>

#include "../../core/internal.h"

typedef struct json_in
{
	const unsigned char *s;
	size_t		n;
	size_t		i;
} json_in;

static inline void
json_ws(json_in *j)
{
	while (j->i < j->n && (j->s[j->i] == ' ' || j->s[j->i] == '\t' ||
						   j->s[j->i] == '\n' || j->s[j->i] == '\r'))
		j->i++;
}

static inline int
json_hex(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

/* A string at j->i; its raw contents (escapes not decoded) in *start, *len. */
static inline int
json_string(json_in *j, size_t *start, size_t *len)
{
	if (j->i >= j->n || j->s[j->i] != '"')
		return 0;
	j->i++;
	*start = j->i;
	while (j->i < j->n)
	{
		unsigned char c = j->s[j->i];
		size_t		k;

		if (c == '"')
		{
			*len = j->i - *start;
			j->i++;
			return 1;
		}
		if (c < 0x20)
			return 0;			/* control characters must be escaped */
		if (c == '\\')
		{
			if (++j->i >= j->n)
				return 0;
			c = j->s[j->i];
			if (c == 'u')
			{
				int			h;

				for (h = 1; h <= 4; h++)
					if (j->i + h >= j->n || !json_hex(j->s[j->i + h]))
						return 0;
				j->i += 5;
				continue;
			}
			if (!strchr("\"\\/bfnrt", c))
				return 0;
			j->i++;
			continue;
		}
		if ((k = bounce_utf8_char(j->s + j->i, j->n - j->i)) == 0)
			return 0;			/* invalid UTF-8 */
		j->i += k;
	}
	return 0;
}

static inline int
json_number(json_in *j)
{
	size_t		start = j->i;

	if (j->i < j->n && j->s[j->i] == '-')
		j->i++;
	if (j->i < j->n && j->s[j->i] == '0')
		j->i++;
	else if (j->i < j->n && j->s[j->i] >= '1' && j->s[j->i] <= '9')
		while (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9')
			j->i++;
	else
		return 0;
	return j->i > start;		/* the explanation has integers only */
}

static inline int
json_literal(json_in *j, const char *word)
{
	size_t		l = strlen(word);

	if (j->n - j->i < l || memcmp(j->s + j->i, word, l) != 0)
		return 0;
	j->i += l;
	return 1;
}

/*
 * The explanation: one object whose keys are exactly these, in this
 * order (OPTIONAL_KEY present or not), with scalar values. *category_at,
 * *category_len: the raw string value of "category".
 */
#define OPTIONAL_KEY "set_aside"
static inline int
json_explanation(const char *text, size_t n, size_t *category_at,
				 size_t *category_len)
{
	static const char *const keys[] = {
		"category", "hard", "signal", "rule", "matched", "match_start",
		"match_length", OPTIONAL_KEY, "reply_code", "enhanced_code",
		"truncated",
	};
	json_in		j = {(const unsigned char *) text, n, 0};
	size_t		k;

	json_ws(&j);
	if (j.i >= j.n || j.s[j.i++] != '{')
		return 0;
	for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
	{
		size_t		at,
					len;
		int			ok;

		json_ws(&j);
		if (k > 0)
		{
			if (j.i >= j.n || j.s[j.i++] != ',')
				return 0;
			json_ws(&j);
		}
		if (!json_string(&j, &at, &len))
			return 0;
		if (strcmp(keys[k], OPTIONAL_KEY) == 0 &&
			!(len == strlen(keys[k]) && memcmp(j.s + at, keys[k], len) == 0))
			k++;				/* absent: the key read is the next one */
		if (len != strlen(keys[k]) || memcmp(j.s + at, keys[k], len) != 0)
			return 0;
		json_ws(&j);
		if (j.i >= j.n || j.s[j.i++] != ':')
			return 0;
		json_ws(&j);
		if (j.i >= j.n)
			return 0;
		switch (j.s[j.i])
		{
			case '"':
				ok = json_string(&j, &at, &len);
				if (k == 0)
				{
					*category_at = at;
					*category_len = len;
				}
				break;
			case 't':
				ok = json_literal(&j, "true");
				break;
			case 'f':
				ok = json_literal(&j, "false");
				break;
			case 'n':
				ok = json_literal(&j, "null");
				break;
			default:
				ok = json_number(&j);
		}
		if (!ok)
			return 0;
	}
	json_ws(&j);
	if (j.i >= j.n || j.s[j.i++] != '}')
		return 0;
	json_ws(&j);
	return j.i == j.n;
}

#endif							/* BOUNCE_JSON_CHECK_H */
