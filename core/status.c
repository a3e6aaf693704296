/*
 * status.c: find SMTP reply codes (RFC 5321) and enhanced status codes
 * (RFC 3463) in the shapes bounce tables hold them.
 *
 * A status column may hold "550", "5.1.1", "550 5.1.1", "550-5.1.1",
 * "Status: 5.1.1", "smtp; 550 5.1.1 text" or garbage; a diagnostic text
 * often starts with the codes too ("smtp; 550-5.1.1 The email account ...")
 * or carries them after a wrapper ("host x[192.0.2.1] said: 550 5.1.1 ...").
 *
 * A token is only taken as a code when it stands alone: an enhanced code is
 * class.subject.detail with class 2, 4 or 5, a subject of one digit 0 to 7
 * (the subjects RFC 3463 defines, so "Exim 4.92.3" is no code) and one to
 * three digits of detail, not glued to letters, digits or dots (so IP addresses and
 * version numbers are not codes); a reply code is three digits [245][0-5]d,
 * likewise delimited. Anything else is ignored, never an error.
 */
#include <string.h>

#include "internal.h"

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_alnum(unsigned char c)
{
	return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* A two-byte blank at i: U+00A0, or an escape standing for white space. */
static inline bool
wide_blank_at(const char *s, size_t len, size_t i)
{
	return bounce_nbsp_at((const unsigned char *) s, len, i) ||
		bounce_space_escape_at((const unsigned char *) s, len, i);
}

/* Does an escape standing for white space ("\\n") end just before at? */
static inline bool
after_escape(const char *s, size_t at)
{
	return at > 1 && bounce_space_escape_at((const unsigned char *) s, at, at - 2);
}

/* Bytes skipped before a label, after a reply code, before an enhanced code */
static inline bool
is_label_gap(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '#' ||
		c == '\'' || c == '"' || c == '[' || c == '(';
}

static inline bool
is_code_gap(unsigned char c)
{
	return c == ' ' || c == '-' || c == ':' || c == '#' || c == '\t';
}

static inline bool
is_enhanced_gap(unsigned char c)
{
	return c == ' ' || c == '-';
}

/* The offset past the bytes gap accepts and the two-byte blanks from i on. */
static inline size_t
skip_gap(const char *s, size_t len, size_t i, bool (*gap) (unsigned char))
{
	for (;;)
	{
		if (i < len && gap((unsigned char) s[i]))
			i++;
		else if (wide_blank_at(s, len, i))
			i += 2;
		else
			return i;
	}
}

/* Read 1..3 digits at s[*i]; returns -1 when there are none or too many. */
static int
read_part(const char *s, size_t len, size_t *i)
{
	int			value = 0;
	size_t		start = *i;

	while (*i < len && is_digit((unsigned char) s[*i]))
	{
		if (*i - start == 3)
			return -1;
		value = value * 10 + (s[*i] - '0');
		(*i)++;
	}
	return *i == start ? -1 : value;
}

/*
 * An enhanced status code starting at s[at]? Returns its length (0 if none)
 * and its three parts.
 */
static size_t
enhanced_at(const char *s, size_t len, size_t at, int enh[3])
{
	size_t		i = at;
	unsigned char c = (unsigned char) s[at];
	int			subject,
				detail;

	if (c != '2' && c != '4' && c != '5')
		return 0;
	if (at > 0 && (is_alnum((unsigned char) s[at - 1]) || s[at - 1] == '.') &&
		!after_escape(s, at))
		return 0;
	i++;
	if (i >= len || s[i] != '.')
		return 0;
	i++;
	if (i >= len || s[i] < '0' || s[i] > '7')
		return 0;
	subject = s[i++] - '0';
	if (i >= len || s[i] != '.')
		return 0;
	i++;
	if ((detail = read_part(s, len, &i)) < 0)
		return 0;
	/* "5.1.1.1" and "5.1.1a" are something else (an address, a version) */
	if (i < len && (is_alnum((unsigned char) s[i]) ||
					(s[i] == '.' && i + 1 < len &&
					 is_digit((unsigned char) s[i + 1]))))
		return 0;
	enh[0] = c - '0';
	enh[1] = subject;
	enh[2] = detail;
	return i - at;
}

/* A basic reply code starting at s[at]? Returns 3 (and the code) or 0. */
static size_t
reply_at(const char *s, size_t len, size_t at, int *reply)
{
	unsigned char c0,
				c1,
				c2;

	if (at + 3 > len)
		return 0;
	c0 = (unsigned char) s[at];
	c1 = (unsigned char) s[at + 1];
	c2 = (unsigned char) s[at + 2];
	if ((c0 != '2' && c0 != '4' && c0 != '5') || c1 < '0' || c1 > '5' ||
		!is_digit(c2))
		return 0;
	/* not part of a number, an address, an IP, or a negative number */
	if (at > 0)
	{
		unsigned char p = (unsigned char) s[at - 1];

		if ((is_alnum(p) || p == '.' || p == '-' || p == '+' || p == '_') &&
			!after_escape(s, at))
			return 0;
	}
	if (at + 3 < len)
	{
		unsigned char n = (unsigned char) s[at + 3];

		if (is_alnum(n) || n == '.' || n == '_' || n == '@')
			return 0;
	}
	*reply = (c0 - '0') * 100 + (c1 - '0') * 10 + (c2 - '0');
	return 3;
}

void
bounce_parse_status(const char *s, size_t len, bounce_codes *codes)
{
	size_t		i,
				n;
	int			enh[3];
	int			reply;

	if (s == NULL)
		return;
	if (len > BOUNCE_STATUS_LIMIT)
		len = BOUNCE_STATUS_LIMIT;
	for (i = 0; i < len && (codes->reply == 0 || codes->enh[0] == 0); i++)
	{
		if (codes->enh[0] == 0 && (n = enhanced_at(s, len, i, enh)) > 0)
		{
			memcpy(codes->enh, enh, sizeof(enh));
			i += n - 1;
		}
		else if (codes->reply == 0 && reply_at(s, len, i, &reply))
		{
			codes->reply = reply;
			i += 2;
		}
	}
}

/* Skip white space and the labels a DSN puts before codes. */
static size_t
skip_prefixes(const char *s, size_t len, size_t i)
{
	static const struct
	{
		const char *text;
		size_t		len;
	}			labels[] = {
#define LABEL(t) {t, sizeof(t) - 1}
		LABEL("diagnostic-code:"), LABEL("status:"), LABEL("smtp;"),
		LABEL("x-postfix;"), LABEL("x-unix;"), LABEL("x-local;"),
		LABEL("remote-mta:"), LABEL("smtp:"),
#undef LABEL
	};
	bool		again = true;

	while (again)
	{
		size_t		k;
		unsigned char first;

		again = false;
		i = skip_gap(s, len, i, is_label_gap);
		if (i >= len)
			break;
		/* every label starts with one of these: most texts stop here */
		first = bounce_fold((unsigned char) s[i]);
		if (first != 'd' && first != 's' && first != 'x' && first != 'r')
			break;
		for (k = 0; k < sizeof(labels) / sizeof(labels[0]); k++)
		{
			size_t		l = labels[k].len,
						j;

			if (len - i < l)
				continue;
			for (j = 0; j < l; j++)
				if (bounce_fold((unsigned char) s[i + j]) !=
					(unsigned char) labels[k].text[j])
					break;
			if (j == l)
			{
				i += l;
				again = true;
				break;
			}
		}
	}
	return i;
}

void
bounce_parse_leading(const char *s, size_t len, bounce_codes *codes)
{
	size_t		i;
	int			reply = 0;
	int			enh[3];

	if (s == NULL)
		return;
	if (len > BOUNCE_STATUS_LIMIT)
		len = BOUNCE_STATUS_LIMIT;
	i = skip_prefixes(s, len, 0);
	if (reply_at(s, len, i, &reply))
	{
		if (codes->reply == 0)
			codes->reply = reply;
		i += 3;
		i = skip_gap(s, len, i, is_code_gap);
	}
	if (i < len && enhanced_at(s, len, i, enh) && codes->enh[0] == 0)
		memcpy(codes->enh, enh, sizeof(enh));
}

/* Is s[at] preceded (across blanks) by a character that introduces a code? */
static bool
introduced(const char *s, size_t at)
{
	while (at > 0 && (s[at - 1] == ' ' || s[at - 1] == '\t' ||
					  (at > 1 && wide_blank_at(s, at, at - 2))))
		at -= s[at - 1] == ' ' || s[at - 1] == '\t' ? 1 : 2;
	if (at == 0)
		return true;
	switch (s[at - 1])
	{
		case ':':
		case ';':
		case '\'':
		case '"':
		case '(':
		case '[':
		case '=':
		case '\n':
		case '\r':
			return true;
	}
	return false;
}

void
bounce_parse_inside(const char *s, size_t len, bounce_codes *codes)
{
	size_t		i,
				n;
	int			enh[3];
	int			reply;

	if (s == NULL)
		return;
	if (len > BOUNCE_SCAN_LIMIT)
		len = BOUNCE_SCAN_LIMIT;
	for (i = bounce_next_code_start((const unsigned char *) s, len, 0);
		 i < len && (codes->reply == 0 || codes->enh[0] == 0);
		 i = bounce_next_code_start((const unsigned char *) s, len, i + 1))
	{
		if (codes->enh[0] == 0 && (n = enhanced_at(s, len, i, enh)) > 0)
		{
			memcpy(codes->enh, enh, sizeof(enh));
			i += n - 1;
			continue;
		}
		if (codes->reply == 0 && reply_at(s, len, i, &reply))
		{
			/* "550 5.1.1", "550-5.1.1", or "said: 550 ..." */
			size_t		j = skip_gap(s, len, i + 3, is_enhanced_gap);

			if (introduced(s, i) || (j < len && enhanced_at(s, len, j, enh)))
				codes->reply = reply;
			i += 2;
		}
	}
}

bool
bounce_next_enhanced(const char *s, size_t len, size_t *at, int enh[3])
{
	size_t		i,
				n;

	if (s == NULL)
		return false;
	if (len > BOUNCE_SCAN_LIMIT)
		len = BOUNCE_SCAN_LIMIT;
	for (i = bounce_next_code_start((const unsigned char *) s, len, *at);
		 i < len;
		 i = bounce_next_code_start((const unsigned char *) s, len, i + 1))
		if ((n = enhanced_at(s, len, i, enh)) > 0)
		{
			*at = i + n;
			return true;
		}
	*at = len;
	return false;
}
