/*
 * classify.c: the contract's decision order.
 *
 *   1. A text rule that recognises the diagnostic decides (rules in
 *      precedence order, first match wins; see core/rules/). A sentence
 *      that lists possible causes is read past: the rules read the text
 *      without it (an "aside" rule finds it).
 *   2. Otherwise a 521 or 556 reply decides invalid-domain (RFC 7504: the
 *      host or domain accepts no mail), even next to an enhanced code.
 *   3. Otherwise the enhanced status code, by RFC 3463 subject and detail:
 *      the status argument's, then the text's, in order, while those
 *      before say too little (X.0.0, X.5.x, ...): qmail's
 *      "554 5.4.0 <host #4.4.1>" is decided by its 4.4.1. A code of the
 *      text that decides is the one reported, and the hard flag follows it.
 *   4. Otherwise the basic reply code, where it says enough (552, 421, 451).
 *   5. Otherwise "other".
 *
 * A bounce is hard when its category is invalid-mailbox or invalid-domain
 * and no code marks it transient (a 4xx reply or a 4.x.x status).
 */
#include <string.h>

#include "internal.h"

/*
 * Sentences set aside in one text at most ("aside" rules: a hedge that lists
 * possible causes, a quoted greeting's warning); past them such rules are
 * off. Each costs a scan.
 */
#define ASIDE_LIMIT 4

/* The RFC 3463 mapping of the contract; -1 when the code says too little. */
static int
category_of_enhanced(const int enh[3])
{
	int			subject = enh[1],
				detail = enh[2];

	if (enh[0] != 4 && enh[0] != 5)
		return -1;
	switch (subject)
	{
		case 1:
			if (detail == 1 || detail == 3 || detail == 10)
				return BOUNCE_INVALID_MAILBOX;
			if (detail == 2)
				return BOUNCE_INVALID_DOMAIN;
			if (detail == 6)
				return BOUNCE_INACTIVE_MAILBOX;
			if (detail == 7 || detail == 8)
				return BOUNCE_POLICY_RELATED;	/* the sender address */
			return -1;
		case 2:
			if (detail == 1)
				return BOUNCE_INACTIVE_MAILBOX;
			if (detail == 2)
				return BOUNCE_FULL_MAILBOX;
			if (detail == 3)
				return BOUNCE_POLICY_RELATED;	/* message length */
			return -1;
		case 3:
			return detail == 4 ? BOUNCE_POLICY_RELATED
				: BOUNCE_RECIPIENT_SERVER_ERROR;
		case 4:
			/* 5.4.1 alone: Microsoft's unknown recipient, Exchange's relay
			 * denial; only the transient 4.4.1/4.4.2 mean no connection */
			if ((detail == 1 || detail == 2) && enh[0] == 4)
				return BOUNCE_CONNECTION_ERROR;
			if (detail == 3 || detail == 4 || detail == 6)
				return BOUNCE_ROUTING_ISSUES;
			if (detail == 5)
				return BOUNCE_RECIPIENT_SERVER_ERROR;
			if (detail == 7)
				return BOUNCE_MESSAGE_EXPIRED;
			return -1;
		case 6:
			return BOUNCE_POLICY_RELATED;
		case 7:
			if (detail >= 20 && detail <= 26)
				return BOUNCE_DMARC_ISSUES;
			return BOUNCE_POLICY_RELATED;
	}
	return -1;
}

static int
category_of_reply(int reply)
{
	switch (reply)
	{
		case 552:
			return BOUNCE_FULL_MAILBOX;
		case 421:
		case 451:
			return BOUNCE_RECIPIENT_SERVER_ERROR;
	}
	return -1;
}

static bool
accepts_no_mail(int reply)
{
	return reply == 521 || reply == 556;
}

void
bounce_codectx_complete(bounce_codectx *ctx)
{
	if (ctx->inside_done)
		return;
	ctx->inside_done = true;
	bounce_parse_inside(ctx->text, ctx->text_len, &ctx->codes);
}

static bool
is_transient(bounce_codectx *ctx)
{
	bounce_codectx_complete(ctx);
	return ctx->codes.reply / 100 == 4 || ctx->codes.enh[0] == 4;
}

/* No code decides a category by itself (the condition "nocode"). */
static bool
decides_nothing(bounce_codectx *ctx)
{
	const bounce_codes *c = &ctx->codes;

	bounce_codectx_complete(ctx);
	return category_of_enhanced(c->enh) < 0 &&
		category_of_reply(c->reply) < 0 && !accepts_no_mail(c->reply);
}

bool
bounce_when_holds(bounce_when when, bounce_codectx *ctx)
{
	const bounce_codes *c = &ctx->codes;

	switch (when)
	{
		case BOUNCE_WHEN_ANY:
			return true;
		case BOUNCE_WHEN_TRANSIENT:
			return is_transient(ctx);
		case BOUNCE_WHEN_PERMANENT:
			return !is_transient(ctx);
		case BOUNCE_WHEN_GREYCODE:
			bounce_codectx_complete(ctx);
			if (c->reply == 0 && c->enh[0] == 0)
				return false;
			if (c->reply != 0 && c->reply != 450 && c->reply != 451)
				return false;
			return c->enh[0] == 0 ||
				(c->enh[0] == 4 && c->enh[1] == 7 && c->enh[2] == 1);
		case BOUNCE_WHEN_X41:
			bounce_codectx_complete(ctx);
			return c->enh[0] != 0 && c->enh[1] == 4 && c->enh[2] == 1;
		case BOUNCE_WHEN_NOX41:
			bounce_codectx_complete(ctx);
			return !(c->enh[0] != 0 && c->enh[1] == 4 && c->enh[2] == 1);
		case BOUNCE_WHEN_DBEBCODE:
			bounce_codectx_complete(ctx);
			return c->enh[0] != 0 &&
				((c->enh[1] == 4 && c->enh[2] == 1) ||
				 (c->enh[0] == 5 && c->enh[1] == 7 && c->enh[2] == 504));
		case BOUNCE_WHEN_SENDERCODE:
			bounce_codectx_complete(ctx);
			return c->enh[0] != 0 && c->enh[1] == 1 &&
				(c->enh[2] == 7 || c->enh[2] == 8);
		case BOUNCE_WHEN_NOMAILBOXCODE:
			{
				int			category;

				bounce_codectx_complete(ctx);
				category = category_of_enhanced(c->enh);
				return !((c->enh[1] == 1 || c->enh[1] == 2) &&
						 (category == BOUNCE_INVALID_MAILBOX ||
						  category == BOUNCE_INVALID_DOMAIN ||
						  category == BOUNCE_INACTIVE_MAILBOX ||
						  category == BOUNCE_FULL_MAILBOX));
			}
		case BOUNCE_WHEN_NOCODE:
			return decides_nothing(ctx);
		case BOUNCE_WHEN_TEMPORNOCODE:
			return is_transient(ctx) || decides_nothing(ctx);
		case BOUNCE_WHEN_ASIDE:
			return ctx->asides < ASIDE_LIMIT;
		case BOUNCE_WHEN_COUNT:
			break;
	}
	return false;
}

int
bounce_set_aside(bounce_matcher *matcher, bounce_subject *subject,
				 bounce_codectx *ctx, size_t start, size_t len)
{
	int			rc = bounce_matcher_blank(matcher, subject, start, len);

	if (rc == BOUNCE_OK)
		ctx->asides++;
	return rc;
}

/*
 * Decide from the codes alone (steps 2 to 5). status_codes are the status
 * argument's own; the context's codes are those merged with the text's.
 */
static void
decide_by_codes(const bounce_codes *status_codes, bounce_codectx *ctx,
				bounce_result *r)
{
	bounce_codes text_codes;
	int			category,
				enh[3];
	size_t		at;

	bounce_codectx_complete(ctx);
	/* the text's own reply code counts only without one in the status */
	memset(&text_codes, 0, sizeof(text_codes));
	if (status_codes->reply == 0)
	{
		bounce_parse_leading(ctx->text, ctx->text_len, &text_codes);
		bounce_parse_inside(ctx->text, ctx->text_len, &text_codes);
	}
	if (accepts_no_mail(status_codes->reply) ||
		(status_codes->reply == 0 && accepts_no_mail(text_codes.reply)))
	{
		r->category = BOUNCE_INVALID_DOMAIN;
		r->signal = BOUNCE_SIGNAL_REPLY;
		return;
	}
	if ((category = category_of_enhanced(status_codes->enh)) >= 0)
	{
		r->category = (bounce_category) category;
		r->signal = BOUNCE_SIGNAL_ENHANCED;
		return;
	}
	/* the text's codes in order: the first that says enough, reported */
	for (at = 0; bounce_next_enhanced(ctx->text, ctx->text_len, &at, enh);)
		if ((category = category_of_enhanced(enh)) >= 0)
		{
			r->category = (bounce_category) category;
			r->signal = BOUNCE_SIGNAL_ENHANCED;
			memcpy(r->enhanced, enh, sizeof(r->enhanced));
			return;
		}
	if ((category = category_of_reply(ctx->codes.reply)) >= 0)
	{
		r->category = (bounce_category) category;
		r->signal = BOUNCE_SIGNAL_REPLY;
		return;
	}
	r->category = BOUNCE_OTHER;
	r->signal = BOUNCE_SIGNAL_NONE;
}

int
bounce_classify_sets(const bounce_ruleset *custom, const bounce_ruleset *set,
					 bool use_prefilter, bounce_matcher *matcher,
					 const char *status, size_t status_len,
					 const char *diagnostic, size_t diagnostic_len,
					 bounce_result *r)
{
	/* the caller's own rules come first, then the built-in ones */
	const bounce_ruleset *sets[2] = {custom, set};
	static const bounce_signal set_signal[2] = {BOUNCE_SIGNAL_CUSTOM,
	BOUNCE_SIGNAL_RULE};
	bounce_codes status_codes;
	bounce_codectx ctx;
	bounce_subject subject;
	long		rule = -1;
	int			rc,
				k;

	if (matcher == NULL || r == NULL || set == NULL)
		return BOUNCE_EINVAL;
	memset(r, 0, sizeof(*r));
	r->category = BOUNCE_OTHER;
	if (status == NULL && diagnostic == NULL)
		return BOUNCE_NULL_INPUT;
	if ((rc = bounce_matcher_reserve(matcher, set)) != BOUNCE_OK ||
		(custom != NULL &&
		 (rc = bounce_matcher_reserve(matcher, custom)) != BOUNCE_OK))
		return rc;

	memset(&status_codes, 0, sizeof(status_codes));
	bounce_parse_status(status, status_len, &status_codes);
	memset(&ctx, 0, sizeof(ctx));
	ctx.codes = status_codes;
	ctx.text = diagnostic;
	ctx.text_len = diagnostic ? diagnostic_len : 0;
	if (ctx.text_len > BOUNCE_SCAN_LIMIT)
	{
		ctx.text_len = BOUNCE_SCAN_LIMIT;
		r->truncated = true;
	}
	bounce_parse_leading(ctx.text, ctx.text_len, &ctx.codes);
	/* the rules read the text unwrapped (codes come from the text itself) */
	if ((rc = bounce_matcher_subject(matcher, ctx.text, ctx.text_len, true,
									 &subject)) != BOUNCE_OK)
		return rc;

	for (k = 0; k < 2 && rule < 0; k++)
	{
		const bounce_rule_spec *spec;

		if (sets[k] == NULL)
			continue;
		/* a custom set's scan found the built-in set's candidates too */
		rc = bounce_ruleset_match(sets[k], matcher, &subject, &ctx,
								  use_prefilter, k == 1 && custom != NULL,
								  &rule, &r->match_start, &r->match_len,
								  &r->limit_hit);
		if (rc != BOUNCE_OK)
			return rc;
		if (rule < 0)
			continue;
		spec = bounce_ruleset_spec(sets[k], (size_t) rule);
		if (spec->when == BOUNCE_WHEN_ASIDE)
		{
			/*
			 * A sentence that lists possible causes ("This could be because
			 * the address does not exist, or the inbox is full") names none
			 * of them, a greeting's warning against spam quoted before the
			 * reply none at all: every rule reads the text again without
			 * it. A few of them at most, so a text made of them costs a few
			 * scans.
			 */
			if ((rc = bounce_set_aside(matcher, &subject, &ctx, r->match_start,
									   r->match_len)) != BOUNCE_OK)
				return rc;
			if (r->aside_len == 0)
			{
				r->aside_start = r->match_start;
				r->aside_len = r->match_len;
				bounce_subject_span(&subject, &r->aside_start, &r->aside_len);
			}
			r->match_start = r->match_len = 0;
			rule = -1;
			k = -1;
			continue;
		}
		/* the match in the caller's text */
		bounce_subject_span(&subject, &r->match_start, &r->match_len);
		r->category = spec->category;
		r->signal = set_signal[k];
		r->rule_id = spec->id;
	}
	if (rule < 0)
		decide_by_codes(&status_codes, &ctx, r);

	bounce_codectx_complete(&ctx);
	r->reply_code = ctx.codes.reply;
	/* the code that decided, when one of the text's did */
	if (r->enhanced[0] == 0)
		memcpy(r->enhanced, ctx.codes.enh, sizeof(r->enhanced));
	/* soft when the reply or the reported enhanced code is a 4xx one */
	r->hard = bounce_category_is_hard(r->category) &&
		r->reply_code / 100 != 4 && r->enhanced[0] != 4;
	return BOUNCE_OK;
}

int
bounce_classify_with(const bounce_ruleset *set, bool use_prefilter,
					 bounce_matcher *matcher,
					 const char *status, size_t status_len,
					 const char *diagnostic, size_t diagnostic_len,
					 bounce_result *r)
{
	return bounce_classify_sets(NULL, set, use_prefilter, matcher, status,
								status_len, diagnostic, diagnostic_len, r);
}

int
bounce_init(void)
{
	int			err;

	return bounce_builtin_ruleset(&err) ? BOUNCE_OK : err;
}

int
bounce_classify(bounce_matcher *matcher,
				const char *status, size_t status_len,
				const char *diagnostic, size_t diagnostic_len,
				bounce_result *result)
{
	/* the built-in rules alone: no caller's rules before them */
	return bounce_classify_custom(matcher, NULL, status, status_len,
								  diagnostic, diagnostic_len, result);
}
