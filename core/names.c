/*
 * names.c: category names and descriptions, name lookup, version, errors.
 */
#include <string.h>

#include "internal.h"

#ifndef BOUNCE_VERSION
#error "BOUNCE_VERSION must be defined by the build (from bounce.control)"
#endif

typedef struct category_info
{
	const char *name;
	bool		hard;
	const char *description;
} category_info;

static const category_info categories[BOUNCE_CATEGORY_COUNT] = {
#define CATEGORY(id, name, hard, description) {name, hard, description},
#include "categories.def"
};

/* The seed document's heading spellings, accepted on input only. */
static const struct
{
	const char *alias;
	bounce_category category;
}			aliases[] = {
	{"greylisting", BOUNCE_GREYLISTING_ISSUES},
	{"routing-errors", BOUNCE_ROUTING_ISSUES},
};

const char *
bounce_version(void)
{
	return BOUNCE_VERSION;
}

const char *
bounce_category_name(bounce_category category)
{
	if ((unsigned) category >= BOUNCE_CATEGORY_COUNT)
		return NULL;
	return categories[category].name;
}

const char *
bounce_category_description(bounce_category category)
{
	if ((unsigned) category >= BOUNCE_CATEGORY_COUNT)
		return NULL;
	return categories[category].description;
}

bool
bounce_category_is_hard(bounce_category category)
{
	return (unsigned) category < BOUNCE_CATEGORY_COUNT &&
		categories[category].hard;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		c == '\v' || c == '\f';
}

/* ASCII case-insensitive equality of a byte range and a lower-case name. */
static bool
same_name(const char *s, size_t len, const char *name)
{
	size_t		i;

	if (strlen(name) != len)
		return false;
	for (i = 0; i < len; i++)
	{
		char		c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char) (c - 'A' + 'a');
		if (c != name[i])
			return false;
	}
	return true;
}

bool
bounce_category_from_name(const char *name, size_t len,
						  bounce_category *category)
{
	size_t		i;

	if (name == NULL)
		return false;
	while (len > 0 && is_space(*name))
	{
		name++;
		len--;
	}
	while (len > 0 && is_space(name[len - 1]))
		len--;
	for (i = 0; i < BOUNCE_CATEGORY_COUNT; i++)
	{
		if (same_name(name, len, categories[i].name))
		{
			if (category)
				*category = (bounce_category) i;
			return true;
		}
	}
	for (i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
	{
		if (same_name(name, len, aliases[i].alias))
		{
			if (category)
				*category = aliases[i].category;
			return true;
		}
	}
	return false;
}

const char *
bounce_signal_name(bounce_signal signal)
{
	switch (signal)
	{
		case BOUNCE_SIGNAL_RULE:
			return "rule";
		case BOUNCE_SIGNAL_ENHANCED:
			return "enhanced";
		case BOUNCE_SIGNAL_REPLY:
			return "reply";
		case BOUNCE_SIGNAL_CUSTOM:
			return "custom";
		case BOUNCE_SIGNAL_NONE:
			break;
	}
	return "none";
}

const char *
bounce_strerror(int code)
{
	switch (code)
	{
		case BOUNCE_OK:
			return "success";
		case BOUNCE_NULL_INPUT:
			return "both inputs are NULL";
		case BOUNCE_ENOMEM:
			return "out of memory";
		case BOUNCE_ERULES:
			return "the rule set failed to compile";
		case BOUNCE_EINVAL:
			return "invalid argument";
	}
	return "unknown error";
}
