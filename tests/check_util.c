/* SPDX-License-Identifier: ISC */
/* Unit tests of the string helpers, the arena and the buffer. */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "check_suites.h"
#include "strmap.h"
#include "util.h"
#include "xjson.h"

START_TEST(edit_distance_counts_one_typo)
{
	ck_assert_uint_eq(edit_distance("AwsLoadBalancerController",
	    "AwsLoadBalancerControler", 3), 1);
	ck_assert_uint_eq(edit_distance("kitten", "sitting", 5), 3);
	ck_assert_uint_eq(edit_distance("", "abc", 5), 3);
	ck_assert_uint_eq(edit_distance("same", "same", 0), 0);
}
END_TEST

START_TEST(edit_distance_stops_beyond_max)
{
	ck_assert_uint_eq(edit_distance("abcdef", "uvwxyz", 2), 3);
	ck_assert_uint_eq(edit_distance("a", "abcdefgh", 2), 3);
}
END_TEST

/* The textbook full table, to check the bit-vector and banded ones. */
static size_t
full_distance(const char *a, const char *b)
{
	size_t	 la = strlen(a), lb = strlen(b), i, j, r, *d;

#define D(i, j)	d[(i) * (lb + 1) + (j)]
	d = malloc((la + 1) * (lb + 1) * sizeof(*d));
	ck_assert_ptr_nonnull(d);
	for (i = 0; i <= la; i++)
		D(i, 0) = i;
	for (j = 0; j <= lb; j++)
		D(0, j) = j;
	for (i = 1; i <= la; i++)
		for (j = 1; j <= lb; j++) {
			D(i, j) = D(i - 1, j - 1) + (a[i - 1] != b[j - 1]);
			if (D(i - 1, j) + 1 < D(i, j))
				D(i, j) = D(i - 1, j) + 1;
			if (D(i, j - 1) + 1 < D(i, j))
				D(i, j) = D(i, j - 1) + 1;
		}
	r = D(la, lb);
#undef D
	free(d);
	return r;
}

START_TEST(edit_distance_is_exact_with_common_ends)
{
	char		 a[24], b[24];
	size_t		 la, lb, i, max, want;
	unsigned int	 seed = 12345, n;

	/* Small alphabet and shared ends, where trimming must not err. */
	for (n = 0; n < 20000; n++) {
		la = rand_r(&seed) % 12;
		lb = rand_r(&seed) % 12;
		for (i = 0; i < la; i++)
			a[i] = "abx"[rand_r(&seed) % 3];
		for (i = 0; i < lb; i++)
			b[i] = "abx"[rand_r(&seed) % 3];
		a[la] = b[lb] = '\0';
		if (rand_r(&seed) % 2) {
			memmove(a + 4, a, la + 1);
			memmove(b + 4, b, lb + 1);
			memcpy(a, "sys:", 4);
			memcpy(b, "sys:", 4);
		}
		want = full_distance(a, b);
		for (max = 0; max <= 6; max++)
			ck_assert_uint_eq(edit_distance(a, b, max),
			    want <= max ? want : max + 1);
	}
}
END_TEST

/*
 * Subjects against patterns, as a trust's refusals compare them: an
 * alphabet wide enough that the bytes the shorter string lacks often
 * put the pair beyond max, bytes above 0x7f too (which the count takes
 * to be there), and that floor must never cut off a distance within
 * max.
 */
START_TEST(edit_distance_is_exact_when_bytes_are_lacking)
{
	char		 a[40], b[40];
	size_t		 la, lb, i, max, want;
	unsigned int	 seed = 777, n;
	static const char alpha[] = "0123456789:-*jobst\xe9\xff";

	for (n = 0; n < 20000; n++) {
		la = rand_r(&seed) % 16;
		lb = rand_r(&seed) % 16;
		for (i = 0; i < la; i++)
			a[i] = alpha[rand_r(&seed) % (sizeof(alpha) - 1)];
		for (i = 0; i < lb; i++)
			b[i] = i < la && rand_r(&seed) % 3 != 0 ? a[i] :
			    alpha[rand_r(&seed) % (sizeof(alpha) - 1)];
		a[la] = b[lb] = '\0';
		want = full_distance(a, b);
		for (max = 0; max <= 12; max++) {
			ck_assert_uint_eq(edit_distance(a, b, max),
			    want <= max ? want : max + 1);
			ck_assert_uint_eq(edit_distance(b, a, max),
			    want <= max ? want : max + 1);
		}
	}
	/* Lacks "*", five bytes shorter: six edits at least, in fact eight. */
	ck_assert_uint_eq(edit_distance("system:serviceaccount:batch-001:job-*",
	    "system:serviceaccount:batch-200:job-000017", 6), 7);
	ck_assert_uint_eq(edit_distance("system:serviceaccount:batch-001:job-*",
	    "system:serviceaccount:batch-200:job-000017", 8), 8);
}
END_TEST

/*
 * Lengths around 64, where the bit-vector distance stops and the table
 * takes over, and past it; bytes above 0x7f too.
 */
START_TEST(edit_distance_is_exact_long_and_short)
{
	char		 a[160], b[160];
	const char	*alpha;
	size_t		 la, lb, i, max, want;
	unsigned int	 seed = 4242, n;
	static const size_t maxes[] = { 0, 1, 3, 8, 64, 200 };

	for (n = 0; n < 3000; n++) {
		la = (size_t)rand_r(&seed) % 150;
		lb = n % 3 == 0 ? la + (size_t)rand_r(&seed) % 5 :
		    (size_t)rand_r(&seed) % 150;
		if (lb > 150)
			lb = 150;
		alpha = n % 2 ? "ab" : "abcdefgh\xe9\xff";
		for (i = 0; i < la; i++)
			a[i] = alpha[rand_r(&seed) % strlen(alpha)];
		/* b: a with a few edits, or unrelated. */
		for (i = 0; i < lb; i++)
			b[i] = i < la && rand_r(&seed) % 8 != 0 ? a[i] :
			    alpha[rand_r(&seed) % strlen(alpha)];
		a[la] = b[lb] = '\0';
		want = full_distance(a, b);
		for (i = 0; i < sizeof(maxes) / sizeof(maxes[0]); i++) {
			max = maxes[i];
			ck_assert_uint_eq(edit_distance(a, b, max),
			    want <= max ? want : max + 1);
			ck_assert_uint_eq(edit_distance(b, a, max),
			    want <= max ? want : max + 1);
		}
	}
	/* 64 bytes exactly, all different, and one of them empty. */
	memset(a, 'x', 64);
	a[64] = '\0';
	memset(b, 'y', 64);
	b[64] = '\0';
	ck_assert_uint_eq(edit_distance(a, b, 100), 64);
	ck_assert_uint_eq(edit_distance(a, "", 100), 64);
	b[0] = 'x';
	ck_assert_uint_eq(edit_distance(a, b, 100), 63);
}
END_TEST

/*
 * The floor from the sets of bytes is never above the distance, and is
 * reached: a substitution of two bytes neither string holds twice.
 */
START_TEST(char_set_distance_is_a_floor)
{
	char		 a[40], b[40];
	size_t		 la, lb, i;
	unsigned int	 seed = 777, n;
	const char	*alpha;

	for (n = 0; n < 20000; n++) {
		la = (size_t)rand_r(&seed) % 30;
		lb = (size_t)rand_r(&seed) % 30;
		/* 70 bytes: some share a bit (byte & 63). */
		alpha = n % 2 ? "ab01" : "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:@!~%\x80\xc1";
		for (i = 0; i < la; i++)
			a[i] = alpha[rand_r(&seed) % strlen(alpha)];
		for (i = 0; i < lb; i++)
			b[i] = i < la && rand_r(&seed) % 4 != 0 ? a[i] :
			    alpha[rand_r(&seed) % strlen(alpha)];
		a[la] = b[lb] = '\0';
		ck_assert_uint_le(char_set_distance(char_set(a), char_set(b)),
		    full_distance(a, b));
	}
	ck_assert_uint_eq(char_set_distance(char_set("role-a"),
	    char_set("role-b")), 1);
	ck_assert_uint_eq(char_set_distance(char_set("abc"),
	    char_set("xyz")), 3);
	ck_assert_uint_eq(char_set_distance(char_set(""), char_set("")), 0);
	ck_assert_uint_eq(char_set_distance(char_set("a"), char_set("")), 1);
}
END_TEST

/*
 * Horspool finds what the plain search finds, the first occurrence:
 * random texts of a small alphabet, needles cut from them or made up,
 * every length from 0 to past the text's.
 */
START_TEST(mem_find_long_finds_the_first_occurrence)
{
	char		 hay[300], needle[80];
	unsigned int	 seed = 99, n;
	size_t		 hlen, nlen, i, at;
	int		 found = 0;

	for (n = 0; n < 20000; n++) {
		hlen = (size_t)rand_r(&seed) % sizeof(hay);
		for (i = 0; i < hlen; i++)
			hay[i] = "ab\"x"[rand_r(&seed) % 4];
		nlen = (size_t)rand_r(&seed) % sizeof(needle);
		if (hlen > 0 && rand_r(&seed) % 2) {
			at = (size_t)rand_r(&seed) % hlen;
			if (nlen > hlen - at)
				nlen = hlen - at;
			memcpy(needle, hay + at, nlen);
		} else
			for (i = 0; i < nlen; i++)
				needle[i] = "ab\"x"[rand_r(&seed) % 4];
		ck_assert_ptr_eq(mem_find_long(hay, hlen, needle, nlen),
		    mem_find(hay, hlen, needle, nlen));
		found += nlen >= 4 && mem_find(hay, hlen, needle, nlen) != NULL;
	}
	/* Not a test of needles never found. */
	ck_assert_int_gt(found, 2000);
}
END_TEST

START_TEST(strip_scheme_removes_https_only_at_start)
{
	ck_assert_str_eq(strip_scheme("https://oidc.eks/id/X"), "oidc.eks/id/X");
	ck_assert_str_eq(strip_scheme("HTTP://a"), "a");
	ck_assert_str_eq(strip_scheme("oidc.eks/https://"), "oidc.eks/https://");
}
END_TEST

START_TEST(arena_printf_and_large_blocks)
{
	struct arena	 a = ARENA_INIT;
	char		*big;
	const char	*s;

	s = arena_printf(&a, "%s-%d", "role", 7);
	ck_assert_str_eq(s, "role-7");
	big = arena_alloc(&a, 1 << 20);
	ck_assert_int_eq(big[(1 << 20) - 1], 0);
	/* The small block stays current after a large allocation. */
	ck_assert_str_eq(arena_strdup(&a, "x"), "x");
	ck_assert_str_eq(s, "role-7");
	arena_release(&a);
}
END_TEST

/* Formats of %s only are joined by hand: as printf would write them. */
/*
 * Blocks of 64 KiB, then of 2 MiB: six megabytes of small structs and
 * strings, each aligned (structs) and zeroed, the strings intact, the
 * total counting each rounded to 16 as before.
 */
START_TEST(arena_blocks_grow_to_huge_pages)
{
	static const unsigned char zero[200];
	struct arena	 a = ARENA_INIT;
	char		*s[64], w[32];
	unsigned char	*p;
	size_t		 i, n = 6 * 1024 * 1024 / 208, want = 0;

	for (i = 0; i < n; i++) {
		p = arena_alloc(&a, 200);
		ck_assert_uint_eq((uintptr_t)p % _Alignof(max_align_t), 0);
		ck_assert_int_eq(memcmp(p, zero, sizeof(zero)), 0);
		memset(p, 0xff, 200);
		want += 208;
		if (i % 512 == 0 && i / 512 < 64) {
			s[i / 512] = arena_printf(&a, "s%zu", i);
			want += 16;
		}
	}
	for (i = 0; i < 64 && i * 512 < n; i++) {
		snprintf(w, sizeof(w), "s%zu", i * 512);
		ck_assert_str_eq(s[i], w);
	}
	ck_assert_uint_eq(a.total, want);
	arena_release(&a);
}
END_TEST

/*
 * A tree made in an arena is the tree cJSON makes with malloc(3), and
 * an error is found at the same place; what cJSON makes afterwards, out
 * of a parse, is malloc(3)'s again, freed by cJSON_Delete() (the
 * sanitizers and valgrind check that no pointer goes to the wrong one).
 */
START_TEST(xjson_parse_in_makes_the_tree_in_the_arena)
{
	static const char	 ok[] = "{\"Roles\":[{\"RoleName\":\"a\\u00e9\","
				    "\"N\":1.5,\"T\":true,\"Z\":null,\"L\":[[],{}]}]}";
	static const char	 bad[] = "{\"Roles\":[{\"RoleName\":\"a\",}]}";
	struct arena		 a = ARENA_INIT;
	const char		*e1, *e2;
	cJSON			*t, *u, *o;
	char			*p1, *p2;

	t = xjson_parse_in(&a, ok, sizeof(ok) - 1, &e1);
	u = xjson_parse(ok, sizeof(ok) - 1, &e2);
	ck_assert_ptr_nonnull(t);
	ck_assert_ptr_nonnull(u);
	ck_assert_ptr_eq(e1, e2);
	ck_assert_uint_gt(a.total, 0);
	p1 = cJSON_PrintUnformatted(t);
	p2 = cJSON_PrintUnformatted(u);
	ck_assert_str_eq(p1, p2);
	cJSON_free(p1);
	cJSON_free(p2);
	cJSON_Delete(u);
	ck_assert_ptr_null(xjson_parse_in(&a, bad, sizeof(bad) - 1, &e1));
	ck_assert_ptr_null(xjson_parse(bad, sizeof(bad) - 1, &e2));
	ck_assert_ptr_eq(e1, e2);
	o = cJSON_CreateObject();
	ck_assert_ptr_nonnull(cJSON_AddStringToObject(o, "k", "v"));
	arena_release(&a);
	ck_assert_str_eq(cJSON_GetObjectItem(o, "k")->valuestring, "v");
	cJSON_Delete(o);
}
END_TEST

START_TEST(arena_printf_joins_strings_as_printf)
{
	struct arena	 a = ARENA_INIT;
	char		 want[256];

	snprintf(want, sizeof(want), "%s/%s", "ns", "name");
	ck_assert_str_eq(arena_printf(&a, "%s/%s", "ns", "name"), want);
	ck_assert_str_eq(arena_printf(&a, "system:serviceaccount:%s:%s",
	    "a", ""), "system:serviceaccount:a:");
	ck_assert_str_eq(arena_printf(&a, "%s", ""), "");
	ck_assert_str_eq(arena_printf(&a, "plain"), "plain");
	ck_assert_str_eq(arena_printf(&a, "%s%s%s", "\303\251", "%s", "x"),
	    "\303\251%sx");
	/* Anything else still goes to vsnprintf. */
	ck_assert_str_eq(arena_printf(&a, "%s-%d %%", "r", 7), "r-7 %");
	ck_assert_str_eq(arena_printf(&a, "%.2s|%5s", "abc", "d"),
	    "ab|    d");
	arena_release(&a);
}
END_TEST

/* What a worker's arena holds outlives it once adopted. */
START_TEST(arena_adopt_keeps_both)
{
	struct arena	 a = ARENA_INIT, w = ARENA_INIT, e = ARENA_INIT;
	const char	*s, *t, *u;
	size_t		 total;

	s = arena_strdup(&a, "main");
	t = arena_strdup(&w, "worker");
	(void)arena_alloc(&w, 1 << 20);
	u = arena_strdup(&w, "after");
	total = a.total + w.total;
	arena_adopt(&a, &w);
	ck_assert_ptr_null(w.head);
	ck_assert_uint_eq(w.total, 0);
	ck_assert_uint_eq(a.total, total);
	/* The main arena's block stays current: the next string is in it. */
	ck_assert_str_eq(arena_strdup(&a, "next"), "next");
	ck_assert_str_eq(s, "main");
	ck_assert_str_eq(t, "worker");
	ck_assert_str_eq(u, "after");
	/* Into an empty arena, and from one. */
	arena_adopt(&e, &a);
	arena_adopt(&e, &w);
	ck_assert_ptr_null(a.head);
	ck_assert_uint_eq(e.total, total + 16);
	ck_assert_str_eq(t, "worker");
	arena_release(&e);
}
END_TEST

START_TEST(buf_grows_and_detaches)
{
	struct buf	 b = BUF_INIT;
	char		*p;
	size_t		 len, i;

	ck_assert_str_eq(b.buf, "");
	for (i = 0; i < 1000; i++)
		buf_addc(&b, 'x');
	buf_addf(&b, "%d", 42);
	ck_assert_uint_eq(b.len, 1002);
	p = buf_detach(&b, &len);
	ck_assert_uint_eq(len, 1002);
	ck_assert_str_eq(p + 1000, "42");
	ck_assert_str_eq(b.buf, "");
	free(p);
}
END_TEST

/*
 * A buffer for a file read whole: made once at its size, at an address
 * huge pages can back, what it held kept, and growing on from there.
 */
START_TEST(buf_grows_huge_at_once)
{
	struct buf	 b = BUF_INIT;
	char		*p;
	size_t		 len, i;

	buf_grow_huge(&b, 0);
	ck_assert_str_eq(b.buf, "");
	buf_adds(&b, "head");
	buf_grow_huge(&b, 3 * 1024 * 1024);
	ck_assert_uint_eq((uintptr_t)b.buf % BUF_HUGE, 0);
	ck_assert_uint_ge(b.cap, 4 + 3 * 1024 * 1024 + 1);
	ck_assert_str_eq(b.buf, "head");
	p = b.buf;
	for (i = 0; i < 3 * 1024 * 1024; i++)
		buf_addc(&b, 'x');
	ck_assert_ptr_eq(b.buf, p);
	/* Room already there: nothing moves. */
	buf_grow_huge(&b, 0);
	ck_assert_ptr_eq(b.buf, p);
	buf_adds(&b, "tail");
	ck_assert_uint_eq(b.len, 4 + 3 * 1024 * 1024 + 4);
	ck_assert_str_eq(b.buf + b.len - 4, "tail");
	p = buf_detach(&b, &len);
	ck_assert_uint_eq(len, 4 + 3 * 1024 * 1024 + 4);
	free(p);
}
END_TEST

START_TEST(path_tidy_takes_out_dot_and_dotdot)
{
	struct arena	 a = ARENA_INIT;
	static const char *const cases[][2] = {
		{ "a/b/../c", "a/c" }, { "./a//b/", "a/b" }, { "a/..", "." },
		{ "../x", "../x" }, { "a/../../x", "../x" },
		{ "../../a/b/..", "../../a" }, { "/a/../..", "/" },
		{ "/", "/" }, { "", "." }, { "cfg/../examples/x.tf",
		"examples/x.tf" }
	};
	size_t	 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		ck_assert_str_eq(path_tidy(&a, cases[i][0]), cases[i][1]);
	arena_release(&a);
}
END_TEST

START_TEST(strmap_keeps_order_and_last)
{
	struct arena	 a = ARENA_INIT;
	struct strmap	 m;
	const struct strmap_val *v;
	char		 key[16];
	int		 x[3], i;

	strmap_init(&m);
	ck_assert_ptr_null(strmap_get(&m, "k"));
	ck_assert_ptr_null(strmap_last(&m, "k"));
	for (i = 0; i < 3; i++)
		strmap_add(&m, &a, "k", &x[i]);
	/* Enough other keys that the table grows under the chain. */
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "o%d", i);
		strmap_add(&m, &a, key, NULL);
	}
	v = strmap_get(&m, "k");
	for (i = 0; i < 3; i++, v = v->next)
		ck_assert_ptr_eq(v->v, &x[i]);
	ck_assert_ptr_null(v);
	ck_assert_ptr_eq(strmap_last(&m, "k")->v, &x[2]);
	ck_assert_ptr_null(strmap_last(&m, "o1000"));
	strmap_release(&m);
	arena_release(&a);
}
END_TEST

/*
 * near_list_find() against edit_distance() on each string in turn, the
 * first nearest kept: lists with a long shared start (as the subjects
 * of a trust have), duplicates, NULL entries, a want shorter than the
 * start or equal to a string, and strings past the bit-vector's word
 * and past the kept depths (where it scans as before).
 */
START_TEST(near_list_finds_what_the_scan_finds)
{
	static const char alpha[] = "0123456789:-*jobs\xe9";
	char		 buf[64][700], want[700];
	const char	*v[64];
	struct near_list l;
	size_t		 n, i, j, len, pre, max, d, got, gd, wd;
	unsigned int	 seed = 4242, round;

	for (round = 0; round < 3000; round++) {
		n = 1 + rand_r(&seed) % 40;
		pre = rand_r(&seed) % 3 == 0 ? 0 : 22 + rand_r(&seed) % 8;
		for (i = 0; i < n; i++) {
			memcpy(buf[i], "system:serviceaccount:batch-0", pre);
			len = round % 50 == 0 ? 40 + rand_r(&seed) % 600 :
			    rand_r(&seed) % 14;
			for (j = 0; j < len; j++)
				buf[i][pre + j] =
				    alpha[rand_r(&seed) % (sizeof(alpha) - 1)];
			buf[i][pre + len] = '\0';
			v[i] = buf[i];
			if (i > 0 && rand_r(&seed) % 8 == 0)
				v[i] = v[rand_r(&seed) % i];
			else if (rand_r(&seed) % 16 == 0)
				v[i] = NULL;
		}
		if (rand_r(&seed) % 6 == 0 && v[0] != NULL)
			snprintf(want, sizeof(want), "%s", v[0]);
		else {
			memcpy(want, "system:serviceaccount:batch-0", pre);
			len = round % 70 == 0 ? 60 + rand_r(&seed) % 40 :
			    rand_r(&seed) % 18;
			for (j = 0; j < len; j++)
				want[pre + j] =
				    alpha[rand_r(&seed) % (sizeof(alpha) - 1)];
			want[pre + len] = '\0';
			if (rand_r(&seed) % 10 == 0)
				want[rand_r(&seed) % (pre + 1)] = '\0';
		}
		near_list_init(&l, v, n);
		for (max = 0; max <= 70; max += 1 + max / 4) {
			/* The scan bind.c did before. */
			wd = 0;
			got = (size_t)-1;
			for (i = 0, d = max; i < n; i++) {
				if (v[i] == NULL)
					continue;
				if ((gd = edit_distance(v[i], want, d)) <= d) {
					got = i;
					wd = gd;
					if (gd == 0)
						break;
					d = gd - 1;
				}
			}
			gd = (size_t)-7;
			i = near_list_find(&l, want, max, &gd);
			ck_assert_uint_eq(i, got);
			if (got != (size_t)-1)
				ck_assert_uint_eq(gd, wd);
		}
		near_list_release(&l);
	}
	near_list_init(&l, v, 0);
	ck_assert_uint_eq(near_list_find(&l, "x", 5, &d), (size_t)-1);
	near_list_release(&l);
}
END_TEST

/*
 * Keys queued through strmap_ahead_add() land as strmap_add_kept()
 * puts them, the values under a key in the order added, across the
 * table's growth and the queue's wrap.
 */
START_TEST(strmap_ahead_adds_in_order)
{
	struct arena		 a = ARENA_INIT;
	struct strmap		 m, ref;
	struct strmap_ahead	 q;
	const struct strmap_val	*v, *w;
	static char		 keys[3000][16];
	int			 i, x[3000];

	strmap_init(&m);
	strmap_init(&ref);
	strmap_ahead_init(&q, &m, &a);
	for (i = 0; i < 3000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%d", i % 700);
		strmap_ahead_add(&q, keys[i], &x[i]);
		strmap_add_kept(&ref, &a, keys[i], &x[i]);
	}
	strmap_ahead_flush(&q);
	for (i = 0; i < 700; i++) {
		v = strmap_get(&m, keys[i]);
		w = strmap_get(&ref, keys[i]);
		for (; v != NULL && w != NULL; v = v->next, w = w->next)
			ck_assert_ptr_eq(v->v, w->v);
		ck_assert_ptr_null(v);
		ck_assert_ptr_null(w);
	}
	ck_assert_ptr_null(strmap_get(&m, "k700"));
	strmap_release(&m);
	strmap_release(&ref);
	arena_release(&a);
}
END_TEST

Suite *
util_suite(void)
{
	Suite	*s = suite_create("util");
	TCase	*tc = tcase_create("util");

	tcase_add_test(tc, edit_distance_counts_one_typo);
	tcase_add_test(tc, edit_distance_stops_beyond_max);
	tcase_add_test(tc, edit_distance_is_exact_with_common_ends);
	tcase_add_test(tc, edit_distance_is_exact_long_and_short);
	tcase_add_test(tc, edit_distance_is_exact_when_bytes_are_lacking);
	tcase_add_test(tc, char_set_distance_is_a_floor);
	tcase_add_test(tc, mem_find_long_finds_the_first_occurrence);
	tcase_add_test(tc, strip_scheme_removes_https_only_at_start);
	tcase_add_test(tc, arena_printf_and_large_blocks);
	tcase_add_test(tc, arena_printf_joins_strings_as_printf);
	tcase_add_test(tc, arena_adopt_keeps_both);
	tcase_add_test(tc, arena_blocks_grow_to_huge_pages);
	tcase_add_test(tc, xjson_parse_in_makes_the_tree_in_the_arena);
	tcase_add_test(tc, buf_grows_and_detaches);
	tcase_add_test(tc, buf_grows_huge_at_once);
	tcase_add_test(tc, path_tidy_takes_out_dot_and_dotdot);
	tcase_add_test(tc, strmap_keeps_order_and_last);
	tcase_add_test(tc, strmap_ahead_adds_in_order);
	tcase_add_test(tc, near_list_finds_what_the_scan_finds);
	suite_add_tcase(s, tc);
	return s;
}
