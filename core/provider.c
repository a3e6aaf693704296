/*
 * provider.c: which provider or filter a diagnostic gives away.
 *
 * The provider patterns (core/providers.rules) are compiled once per
 * process on first use, like the built-in rules, by the same engine; the
 * first pattern that matches names the provider.
 */
#include <pthread.h>
#include <string.h>

#include "internal.h"

static pthread_mutex_t provider_lock = PTHREAD_MUTEX_INITIALIZER;
static bounce_ruleset *providers;

static const bounce_ruleset *
provider_ruleset(int *err)
{
	return bounce_ruleset_once(&providers, &provider_lock,
							   bounce_provider_specs,
							   bounce_provider_spec_count, err);
}

int
bounce_provider(bounce_matcher *matcher, const char *text, size_t len,
				const char **name)
{
	const bounce_ruleset *set;
	bounce_codectx ctx;
	bounce_subject subject;
	long		rule = -1;
	size_t		start,
				mlen;
	bool		limit_hit = false;
	int			rc;

	if (name == NULL || matcher == NULL)
		return BOUNCE_EINVAL;
	*name = NULL;
	if (text == NULL || len == 0)
		return BOUNCE_OK;
	if ((set = provider_ruleset(&rc)) == NULL)
		return rc;
	if ((rc = bounce_matcher_reserve(matcher, set)) != BOUNCE_OK)
		return rc;
	if (len > BOUNCE_SCAN_LIMIT)
		len = BOUNCE_SCAN_LIMIT;
	memset(&ctx, 0, sizeof(ctx));
	ctx.text = text;
	ctx.text_len = len;
	/* host names and signatures: the text as written, only made UTF-8 */
	if ((rc = bounce_matcher_subject(matcher, text, len, false,
									 &subject)) != BOUNCE_OK ||
		(rc = bounce_ruleset_match(set, matcher, &subject, &ctx, true, false,
								   &rule, &start, &mlen, &limit_hit)) != BOUNCE_OK)
		return rc;
	if (rule >= 0)
		*name = bounce_ruleset_spec(set, (size_t) rule)->id;
	return BOUNCE_OK;
}
