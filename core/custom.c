/*
 * custom.c: users' own rules, tried before the built-in ones.
 *
 * A user rule is an id, a pcre2 pattern and a category. They are compiled
 * by the same engine as the built-in rules (literal prefilter, branches,
 * phrases), into a rule set that owns copies of every string, so callers
 * may free their definitions. Patterns are checked on the way in: empty,
 * too long, holding a NUL byte (C strings could not carry the rest), or
 * rejected by pcre2, with a message naming the rule.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct bounce_rules
{
	bounce_rule_spec *specs;
	size_t		count;
	bounce_ruleset *set;
};

/* Why a pattern cannot be a rule, or NULL when it may be compiled. */
static const char *
pattern_problem(const char *pattern, size_t len)
{
	if (pattern == NULL || len == 0)
		return "empty pattern";
	if (len > BOUNCE_PATTERN_MAX)
		return "pattern longer than 4096 bytes";
	if (memchr(pattern, '\0', len) != NULL)
		return "pattern contains a NUL byte";
	return NULL;
}

static char *
copy_string(const char *s, size_t len)
{
	char	   *copy = malloc(len + 1);

	if (copy != NULL)
	{
		memcpy(copy, s, len);
		copy[len] = '\0';
	}
	return copy;
}

void
bounce_rules_free(bounce_rules *rules)
{
	size_t		i;

	if (rules == NULL)
		return;
	bounce_ruleset_free(rules->set);
	for (i = 0; i < rules->count; i++)
	{
		free((char *) rules->specs[i].id);
		free((char *) rules->specs[i].pattern);
	}
	free(rules->specs);
	free(rules);
}

int
bounce_rules_compile(const bounce_rule_def *defs, size_t count,
					 bounce_rules **out, char *errbuf, size_t errlen)
{
	bounce_rules *rules;
	const bounce_ruleset *builtin;
	size_t		i;
	int			err;

	if (errbuf != NULL && errlen > 0)
		errbuf[0] = '\0';
	if (out == NULL || (defs == NULL && count > 0))
		return BOUNCE_EINVAL;
	*out = NULL;
	rules = calloc(1, sizeof(*rules));
	if (rules == NULL)
		return BOUNCE_ENOMEM;
	rules->specs = calloc(count ? count : 1, sizeof(bounce_rule_spec));
	if (rules->specs == NULL)
	{
		free(rules);
		return BOUNCE_ENOMEM;
	}
	for (i = 0; i < count; i++)
	{
		const bounce_rule_def *d = &defs[i];
		const char *id = d->id ? d->id : "";
		const char *problem = pattern_problem(d->pattern, d->pattern_len);
		bounce_rule_spec *spec = &rules->specs[i];

		if (problem == NULL && (unsigned) d->category >= BOUNCE_CATEGORY_COUNT)
			problem = "unknown category";
		if (problem != NULL)
		{
			if (errbuf != NULL && errlen > 0)
				snprintf(errbuf, errlen, "rule \"%s\": %s", id, problem);
			rules->count = i;
			bounce_rules_free(rules);
			return BOUNCE_ERULES;
		}
		spec->id = copy_string(id, strlen(id));
		spec->pattern = copy_string(d->pattern, d->pattern_len);
		rules->count = i + 1;
		if (spec->id == NULL || spec->pattern == NULL)
		{
			bounce_rules_free(rules);
			return BOUNCE_ENOMEM;
		}
		spec->category = d->category;
		spec->when = BOUNCE_WHEN_ANY;
		spec->origin = NULL;
	}
	/* over the built-in rules, which are tried next: one scan for both */
	builtin = bounce_builtin_ruleset(&err);
	rules->set = builtin == NULL ? NULL :
		bounce_ruleset_compile_over(rules->specs, count, builtin, &err,
									errbuf, errlen);
	if (rules->set == NULL)
	{
		bounce_rules_free(rules);
		return err;
	}
	*out = rules;
	return BOUNCE_OK;
}

int
bounce_pattern_check(const char *pattern, size_t len,
					 char *errbuf, size_t errlen)
{
	const char *problem = pattern_problem(pattern, len);
	char	   *copy;
	int			rc;

	if (errbuf != NULL && errlen > 0)
		errbuf[0] = '\0';
	if (problem != NULL)
	{
		if (errbuf != NULL && errlen > 0)
			snprintf(errbuf, errlen, "%s", problem);
		return BOUNCE_ERULES;
	}
	if ((copy = copy_string(pattern, len)) == NULL)
		return BOUNCE_ENOMEM;
	rc = bounce_pattern_compiles(copy, errbuf, errlen);
	free(copy);
	return rc;
}

int
bounce_classify_custom(bounce_matcher *matcher, const bounce_rules *rules,
					   const char *status, size_t status_len,
					   const char *diagnostic, size_t diagnostic_len,
					   bounce_result *result)
{
	int			err;
	const bounce_ruleset *builtin;

	if (matcher == NULL || result == NULL)
		return BOUNCE_EINVAL;
	builtin = bounce_builtin_ruleset(&err);
	if (builtin == NULL)
	{
		memset(result, 0, sizeof(*result));
		result->category = BOUNCE_OTHER;
		return err;
	}
	return bounce_classify_sets(rules ? rules->set : NULL, builtin, true,
								matcher, status, status_len, diagnostic,
								diagnostic_len, result);
}
