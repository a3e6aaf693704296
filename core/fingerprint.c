/*
 * fingerprint.c: one text per kind of bounce, for finding missing rules.
 *
 *   "550 5.1.1 <j.doe@example.com>: Recipient address rejected: User
 *    unknown in virtual mailbox table (queue 4Xk2Lq9Tz81Pw)"
 *   -> "550 5.1.1 <{email}>: recipient address rejected: user unknown in
 *       virtual mailbox table (queue {id})"
 *
 * The text is cut into tokens at white space and at the punctuation that
 * surrounds values (<>()[]{},;="'), and each token is replaced when it is
 * one of the things that differ between two bounces of the same kind: an
 * e-mail address, a URL, an IP address, a host name, a long identifier, a
 * short quoted value, digits. Reply codes (550) and enhanced status codes
 * (5.1.1) stay, since they tell kinds apart. Letters are lower-cased and
 * white space collapsed, so GROUP BY on the fingerprint counts kinds.
 */
#include <string.h>

#include "internal.h"

typedef struct fp_out
{
	char	   *buf;
	size_t		size;
	size_t		len;
} fp_out;

static void
emit(fp_out *o, const char *s, size_t n)
{
	size_t		i;

	for (i = 0; i < n && o->len < BOUNCE_FINGERPRINT_MAX; i++)
	{
		if (o->len + 1 < o->size)
			o->buf[o->len] = s[i];
		o->len++;
	}
}

static bool
is_delim(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
		c == '\f' || c == '<' || c == '>' || c == '(' || c == ')' ||
		c == '[' || c == ']' || c == '{' || c == '}' || c == ',' ||
		c == ';' || c == '=' || c == '"' || c == '\'';
}

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_alpha(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* "550", "5.1.1", "4.7.28", "550-5.1.1": a code that tells kinds apart. */
static bool
is_code(const unsigned char *t, size_t n)
{
	size_t		i = 0,
				parts = 1,
				digits = 0;
	bool		reply = n >= 3 && (t[0] == '2' || t[0] == '4' || t[0] == '5') &&
		is_digit(t[1]) && is_digit(t[2]);

	if (reply && n == 3)
		return true;
	if (reply && n > 4 && t[3] == '-')
		return is_code(t + 4, n - 4);	/* 550-5.1.1 */
	if (n < 5 || (t[0] != '2' && t[0] != '4' && t[0] != '5') || t[1] != '.')
		return false;
	for (i = 0; i < n; i++)
	{
		if (is_digit(t[i]))
		{
			if (++digits > 3)
				return false;
		}
		else if (t[i] == '.' && digits > 0)
		{
			parts++;
			digits = 0;
		}
		else
			return false;
	}
	return parts == 3 && digits > 0;
}

static bool
is_ipv4(const unsigned char *t, size_t n)
{
	size_t		i,
				dots = 0,
				digits = 0;

	for (i = 0; i < n; i++)
	{
		if (is_digit(t[i]))
		{
			if (++digits > 3)
				return false;
		}
		else if (t[i] == '.' && digits > 0)
		{
			dots++;
			digits = 0;
		}
		else
			return false;
	}
	return dots == 3 && digits > 0;
}

static bool
is_ipv6(const unsigned char *t, size_t n)
{
	size_t		i,
				colons = 0;

	for (i = 0; i < n; i++)
	{
		if (t[i] == ':')
			colons++;
		else if (!is_digit(t[i]) && !((t[i] | 0x20) >= 'a' && (t[i] | 0x20) <= 'f')
				 && t[i] != '.')
			return false;
	}
	return colons >= 2;
}

/* "mx1.example.com", "example.co.jp": letters on both sides of a dot. */
static bool
is_host(const unsigned char *t, size_t n)
{
	size_t		i;
	bool		dot = false;

	for (i = 1; i + 1 < n; i++)
		if (t[i] == '.' && (is_alpha(t[i - 1]) || is_digit(t[i - 1])) &&
			is_alpha(t[i + 1]))
			dot = true;
	for (i = 0; i < n; i++)
		if (!is_alpha(t[i]) && !is_digit(t[i]) && t[i] != '.' && t[i] != '-' &&
			t[i] != '_')
			return false;
	return dot && is_alpha(t[n - 1]);
}

/* A long run of letters and digits mixed: a queue id, a hash, a token. */
static bool
is_long_id(const unsigned char *t, size_t n)
{
	size_t		i,
				digits = 0;

	if (n < 12)
		return false;
	for (i = 0; i < n; i++)
	{
		if (is_digit(t[i]))
			digits++;
		else if (!is_alpha(t[i]) && t[i] != '-' && t[i] != '_' && t[i] != '.' &&
				 t[i] != '+' && t[i] != '/' && t[i] != ':')
			return false;
	}
	return digits > 0;
}

/* "http://", "https://" or "www." at t (case-insensitive). */
static bool
is_url_start(const unsigned char *t, size_t n)
{
	static const char *const starts[] = {"http://", "https://", "www."};
	size_t		k,
				j;

	for (k = 0; k < 3; k++)
	{
		size_t		l = strlen(starts[k]);

		if (n <= l)
			continue;
		for (j = 0; j < l; j++)
			if ((t[j] | (t[j] >= 'A' && t[j] <= 'Z' ? 0x20 : 0)) !=
				(unsigned char) starts[k][j])
				break;
		if (j == l)
			return true;
	}
	return false;
}

static void
emit_token(fp_out *o, const unsigned char *t, size_t n)
{
	size_t		i;

	/* sentence punctuation is not part of the value */
	while (n > 0 && (t[n - 1] == '.' || t[n - 1] == ':' || t[n - 1] == '!' ||
					 t[n - 1] == '?'))
		n--;
	if (n == 0)
		;
	else if (memchr(t, '@', n) != NULL)
		emit(o, "{email}", 7);
	else if (is_code(t, n))
		emit(o, (const char *) t, n);
	else if (is_ipv4(t, n) || is_ipv6(t, n))
		emit(o, "{ip}", 4);
	else if (is_host(t, n))
		emit(o, "{host}", 6);
	else if (is_long_id(t, n))
		emit(o, "{id}", 4);
	else
	{
		/* lower-case, and each run of digits becomes one # */
		for (i = 0; i < n; i++)
		{
			char		c = (char) t[i];

			if (is_digit(t[i]))
			{
				while (i + 1 < n && is_digit(t[i + 1]))
					i++;
				c = '#';
			}
			else if (c >= 'A' && c <= 'Z')
				c = (char) (c - 'A' + 'a');
			emit(o, &c, 1);
		}
	}
}

size_t
bounce_fingerprint(const char *text, size_t len, char *buf, size_t bufsize)
{
	char		work[BOUNCE_FINGERPRINT_MAX + 1];
	fp_out		o = {work, sizeof(work), 0};
	const unsigned char *t = (const unsigned char *) text;
	size_t		i = 0;
	bool		space = false;

	if (text == NULL)
		len = 0;
	if (len > BOUNCE_SCAN_LIMIT)
		len = BOUNCE_SCAN_LIMIT;
	while (i < len && o.len < BOUNCE_FINGERPRINT_MAX)
	{
		unsigned char c = t[i];

		if (c == ' ' || (c >= '\t' && c <= '\r'))
		{
			space = o.len > 0;
			i++;
			continue;
		}
		if (space)
		{
			emit(&o, " ", 1);
			space = false;
		}
		if ((c == '"' || c == '\'') && i + 1 < len)
		{
			/* a short quoted value without spaces: "kijitora", 'x.y' */
			size_t		j = i + 1;

			while (j < len && j - i <= 40 && t[j] != c && t[j] != ' ' &&
				   t[j] != '\n')
				j++;
			if (j < len && t[j] == c && j > i + 1 && j - i <= 40)
			{
				emit(&o, "{q}", 3);
				i = j + 1;
				continue;
			}
		}
		if (is_url_start(t + i, len - i))
		{
			/* a URL runs to the next space or closing bracket or quote */
			while (i < len && t[i] != ' ' && !(t[i] >= '\t' && t[i] <= '\r') &&
				   t[i] != '>' && t[i] != ')' && t[i] != ']' && t[i] != '"' &&
				   t[i] != '\'')
				i++;
			emit(&o, "{url}", 5);
			continue;
		}
		if (is_delim(c))
		{
			emit(&o, (const char *) &t[i], 1);
			i++;
			continue;
		}
		{
			size_t		start = i,
						end;

			while (i < len && !is_delim(t[i]))
				i++;
			end = i;
			emit_token(&o, t + start, end - start);
			/* the sentence punctuation emit_token set aside */
			while (end > start && (t[end - 1] == '.' || t[end - 1] == ':' ||
								   t[end - 1] == '!' || t[end - 1] == '?'))
				end--;
			if (end < i)
				emit(&o, (const char *) t + end, i - end);
		}
	}
	/* a cut at the length limit must not split a UTF-8 character */
	if (o.len == BOUNCE_FINGERPRINT_MAX)
	{
		size_t		k = o.len;

		while (k > 0 && o.len - k < 3 &&
			   ((unsigned char) work[k - 1] & 0xC0) == 0x80)
			k--;
		if (k > 0 && (unsigned char) work[k - 1] >= 0xC0 &&
			bounce_utf8_char((const unsigned char *) work + k - 1,
							 o.len - (k - 1)) == 0)
			o.len = k - 1;
	}
	if (bufsize > 0)
	{
		size_t		n = o.len < bufsize ? o.len : bufsize - 1;

		memcpy(buf, work, n);
		buf[n] = '\0';
	}
	return o.len;
}
