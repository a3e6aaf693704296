/*
 * explain.c: a classification result as one JSON object, so both SQL
 * wrappers print the same explanation byte for byte.
 *
 * {"category":"invalid-mailbox","hard":true,"signal":"rule",
 *  "rule":"mailbox.user-unknown","matched":"User unknown",
 *  "match_start":38,"match_length":12,"reply_code":550,
 *  "enhanced_code":"5.1.1","truncated":false}
 *
 * match_start is 1-based and counted in characters, like SQL's substr(), so
 * substr(diagnostic, match_start, match_length) is the matched text. The
 * quoted match is cut at BOUNCE_MATCH_QUOTE bytes; bytes that are not valid
 * UTF-8, and NUL, become U+FFFD so the JSON is always valid UTF-8. U+FFFD is
 * written as itself, not as an escape: PostgreSQL's jsonb refuses \u escapes
 * of non-ASCII characters in databases that are not UTF-8, while the raw
 * character converts wherever the input text came from.
 *
 * When the rules read the text without a sentence that lists possible
 * causes (classify.c), "set_aside" quotes the first such sentence, after
 * the match; the key is absent otherwise.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

#define BOUNCE_MATCH_QUOTE	256

#define REPLACEMENT "\xEF\xBF\xBD"	/* U+FFFD in UTF-8 */
#define PUTS(o, literal) put((o), (literal), sizeof(literal) - 1)

typedef struct out
{
	char	   *buf;
	size_t		size;
	size_t		len;			/* length needed so far */
} out;

static void
put(out *o, const char *s, size_t n)
{
	if (o->len < o->size)
	{
		size_t		room = o->size - o->len;

		memcpy(o->buf + o->len, s, n < room ? n : room);
	}
	o->len += n;
}

static void
putf(out *o, const char *fmt,...) __attribute__((format(printf, 2, 3)));

static void
putf(out *o, const char *fmt,...)
{
	char		tmp[64];
	int			n;
	va_list		ap;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0)
		put(o, tmp, (size_t) n < sizeof(tmp) ? (size_t) n : sizeof(tmp) - 1);
}

static void
put_json_string(out *o, const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *) text;
	size_t		i = 0;

	put(o, "\"", 1);
	while (i < n)
	{
		unsigned char c = s[i];
		size_t		k;

		if (c == '"' || c == '\\')
		{
			put(o, "\\", 1);
			put(o, (const char *) &s[i], 1);
			i++;
		}
		else if (c == 0)
		{
			PUTS(o, REPLACEMENT);
			i++;
		}
		else if (c < 0x20)
		{
			if (c == '\n')
				put(o, "\\n", 2);
			else if (c == '\r')
				put(o, "\\r", 2);
			else if (c == '\t')
				put(o, "\\t", 2);
			else
				putf(o, "\\u%04x", c);
			i++;
		}
		else if ((k = bounce_utf8_char(s + i, n - i)) > 0)
		{
			put(o, (const char *) &s[i], k);
			i += k;
		}
		else
		{
			PUTS(o, REPLACEMENT);
			i++;
		}
	}
	put(o, "\"", 1);
}

/*
 * A piece of the diagnostic as a JSON string, cut at BOUNCE_MATCH_QUOTE
 * bytes (at a character's boundary).
 */
static void
put_quote(out *o, const char *piece, size_t n)
{
	size_t		quote = n;

	if (quote > BOUNCE_MATCH_QUOTE)
	{
		quote = BOUNCE_MATCH_QUOTE;
		while (quote > 0 && ((unsigned char) piece[quote] & 0xC0) == 0x80)
			quote--;
	}
	put_json_string(o, piece, quote);
}

/* Characters before byte offset n: bytes that do not continue a sequence. */
static size_t
char_count(const char *text, size_t n)
{
	size_t		i,
				count = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char) text[i] & 0xC0) != 0x80)
			count++;
	return count;
}

size_t
bounce_explain_json(const bounce_result *r, const char *diagnostic,
					size_t diagnostic_len, char *buf, size_t bufsize)
{
	out			o = {buf, bufsize, 0};
	const char *name = bounce_category_name(r->category);

	PUTS(&o, "{\"category\":");
	put_json_string(&o, name ? name : "other", strlen(name ? name : "other"));
	putf(&o, ",\"hard\":%s", r->hard ? "true" : "false");
	PUTS(&o, ",\"signal\":");
	put_json_string(&o, bounce_signal_name(r->signal),
					strlen(bounce_signal_name(r->signal)));
	if (r->rule_id != NULL && diagnostic != NULL &&
		r->match_start + r->match_len <= diagnostic_len)
	{
		PUTS(&o, ",\"rule\":");
		put_json_string(&o, r->rule_id, strlen(r->rule_id));
		PUTS(&o, ",\"matched\":");
		put_quote(&o, diagnostic + r->match_start, r->match_len);
		putf(&o, ",\"match_start\":%zu",
			 char_count(diagnostic, r->match_start) + 1);
		putf(&o, ",\"match_length\":%zu",
			 char_count(diagnostic + r->match_start, r->match_len));
	}
	else
		PUTS(&o, ",\"rule\":null,\"matched\":null,\"match_start\":null,"
			"\"match_length\":null");
	/* only when a sentence was set aside, so other rows' objects keep */
	if (r->aside_len > 0 && diagnostic != NULL &&
		r->aside_start + r->aside_len <= diagnostic_len)
	{
		PUTS(&o, ",\"set_aside\":");
		put_quote(&o, diagnostic + r->aside_start, r->aside_len);
	}
	if (r->reply_code != 0)
		putf(&o, ",\"reply_code\":%d", r->reply_code);
	else
		PUTS(&o, ",\"reply_code\":null");
	if (r->enhanced[0] != 0)
		putf(&o, ",\"enhanced_code\":\"%d.%d.%d\"", r->enhanced[0],
			 r->enhanced[1], r->enhanced[2]);
	else
		PUTS(&o, ",\"enhanced_code\":null");
	putf(&o, ",\"truncated\":%s", r->truncated ? "true" : "false");
	PUTS(&o, "}");
	if (bufsize > 0)
		buf[o.len < bufsize ? o.len : bufsize - 1] = '\0';
	return o.len;
}
