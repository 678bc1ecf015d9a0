/* SPDX-License-Identifier: ISC */
/*
 * Terraform's number functions (abs, ceil, floor, min, max), alltrue
 * and anytrue, and its hashes and base64 (md5, sha1, sha256, written
 * from RFC 1321, FIPS 180-4; base64 from RFC 4648).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xalloc.h"

#include "tf_fn.h"

static void		 md5(const unsigned char *, size_t, unsigned char *);
static void		 sha1(const unsigned char *, size_t, unsigned char *);
static void		 sha256(const unsigned char *, size_t,
			    unsigned char *);
static struct tfv	*hex(struct tf_ev *, const unsigned char *, size_t);
static unsigned char	*md_pad(const unsigned char *, size_t, size_t *,
			    int);

struct tfv *
tf_fn_abs(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*e;
	double		 d;

	if ((e = tff_get_num(ev, c, 0, &d)) != NULL)
		return e;
	return tfv_num(ev, fabs(d));
}

/* ceil() and floor(), never -0, which Terraform's numbers have not. */
struct tfv *
tf_fn_ceil(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*e;
	double		 d;

	if ((e = tff_get_num(ev, c, 0, &d)) != NULL)
		return e;
	return tfv_num(ev, ceil(d) + 0.0);
}

struct tfv *
tf_fn_floor(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*e;
	double		 d;

	if ((e = tff_get_num(ev, c, 0, &d)) != NULL)
		return e;
	return tfv_num(ev, floor(d) + 0.0);
}

struct tfv *
tf_fn_min(struct tf_ev *ev, const struct tf_call *c)
{
	struct tfv	*e;
	double		 d, r = 0;
	size_t		 i;
	int		 max = c->name[1] == 'a';

	for (i = 0; i < c->nargs; i++) {
		if ((e = tff_get_num(ev, c, i, &d)) != NULL)
			return e;
		if (i == 0 || (max ? d > r : d < r))
			r = d;
	}
	return tfv_num(ev, r);
}

struct tfv *
tf_fn_max(struct tf_ev *ev, const struct tf_call *c)
{
	return tf_fn_min(ev, c);
}

/*
 * alltrue() and anytrue(), as Terraform: a known false (true) decides
 * even when other elements are unknown; a null counts as false.
 */
struct tfv *
tf_fn_alltrue(struct tf_ev *ev, const struct tf_call *c)
{
	const struct tfv	*l = c->args[0], *unk = NULL;
	size_t			 i;
	int			 any = c->name[1] == 'n', b;

	if (l->kind == TFV_UNKNOWN)
		return tff_unknown_of(ev, c->args[0]);
	if (l->kind != TFV_LIST)
		return tff_bad(ev, c, 0, "a list of bools");
	for (i = 0; i < l->n; i++) {
		if (l->v[i]->kind == TFV_UNKNOWN) {
			if (unk == NULL)
				unk = l->v[i];
			continue;
		}
		if (l->v[i]->kind == TFV_NULL) {
			if (!any)
				return tfv_bool(ev, 0);
			continue;
		}
		if (tfv_to_bool(l->v[i], &b) == -1)
			return tf_error(ev, c->at, "%s: argument 1 must be a "
			    "list of bools; element %zu is %s", c->name, i,
			    tff_a_kind(l->v[i]));
		if (b == any)
			return tfv_bool(ev, any);
	}
	if (unk != NULL)
		return tff_unknown_of(ev, (struct tfv *)unk);
	return tfv_bool(ev, !any);
}

struct tfv *
tf_fn_anytrue(struct tf_ev *ev, const struct tf_call *c)
{
	return tf_fn_alltrue(ev, c);
}

/* sensitive() and nonsensitive(): irsalint keeps no marks. */
struct tfv *
tf_fn_identity(struct tf_ev *ev, const struct tf_call *c)
{
	(void)ev;
	return c->args[0];
}

/* ---- hashes and base64 ---- */

static struct tfv *
hex(struct tf_ev *ev, const unsigned char *d, size_t n)
{
	char	 s[65];
	size_t	 i;

	for (i = 0; i < n; i++)
		snprintf(s + 2 * i, 3, "%02x", d[i]);
	return tfv_str(ev, s, 2 * n);
}

#define ROL(x, n)	(((x) << (n)) | ((x) >> (32 - (n))))
#define ROR(x, n)	(((x) >> (n)) | ((x) << (32 - (n))))

/*
 * The message padded as MD5 and the SHAs want it: a 1 bit, zeros, the
 * length in bits (little-endian for MD5), to a multiple of 64 bytes.
 * The caller frees it.
 */
static unsigned char *
md_pad(const unsigned char *m, size_t len, size_t *plen, int little)
{
	unsigned char	*p;
	uint64_t	 bits = (uint64_t)len * 8;
	size_t		 i;

	*plen = (len + 9 + 63) / 64 * 64;
	p = xcalloc(1, *plen);
	memcpy(p, m, len);
	p[len] = 0x80;
	for (i = 0; i < 8; i++)
		p[little ? *plen - 8 + i : *plen - 1 - i] =
		    (unsigned char)(bits >> (8 * i));
	return p;
}

/* RFC 1321. */
static void
md5(const unsigned char *m, size_t len, unsigned char *out)
{
	static const uint32_t	 K[64] = {
		0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf,
		0x4787c62a, 0xa8304613, 0xfd469501, 0x698098d8, 0x8b44f7af,
		0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e,
		0x49b40821, 0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa,
		0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6,
		0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8,
		0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122,
		0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
		0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039,
		0xe6db99e5, 0x1fa27cf8, 0xc4ac5665, 0xf4292244, 0x432aff97,
		0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d,
		0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
		0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391
	};
	static const int	 S[64] = {
		7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
		5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
		4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
		6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21
	};
	uint32_t	 h[4] = { 0x67452301, 0xefcdab89, 0x98badcfe,
			    0x10325476 };
	uint32_t	 w[16], a, b, cc, d, f, t;
	unsigned char	*p;
	size_t		 plen, off, i;
	int		 g;

	if ((p = md_pad(m, len, &plen, 1)) == NULL)
		return;
	for (off = 0; off < plen; off += 64) {
		for (i = 0; i < 16; i++)
			w[i] = (uint32_t)p[off + 4 * i] |
			    (uint32_t)p[off + 4 * i + 1] << 8 |
			    (uint32_t)p[off + 4 * i + 2] << 16 |
			    (uint32_t)p[off + 4 * i + 3] << 24;
		a = h[0];
		b = h[1];
		cc = h[2];
		d = h[3];
		for (i = 0; i < 64; i++) {
			if (i < 16) {
				f = (b & cc) | (~b & d);
				g = (int)i;
			} else if (i < 32) {
				f = (d & b) | (~d & cc);
				g = (int)(5 * i + 1) % 16;
			} else if (i < 48) {
				f = b ^ cc ^ d;
				g = (int)(3 * i + 5) % 16;
			} else {
				f = cc ^ (b | ~d);
				g = (int)(7 * i) % 16;
			}
			t = d;
			d = cc;
			cc = b;
			f = f + a + K[i] + w[g];
			b = b + ROL(f, S[i]);
			a = t;
		}
		h[0] += a;
		h[1] += b;
		h[2] += cc;
		h[3] += d;
	}
	free(p);
	for (i = 0; i < 16; i++)
		out[i] = (unsigned char)(h[i / 4] >> (8 * (i % 4)));
}

/* FIPS 180-4. */
static void
sha1(const unsigned char *m, size_t len, unsigned char *out)
{
	uint32_t	 h[5] = { 0x67452301, 0xefcdab89, 0x98badcfe,
			    0x10325476, 0xc3d2e1f0 };
	uint32_t	 w[80], a, b, cc, d, e, f, k, t;
	unsigned char	*p;
	size_t		 plen, off, i;

	if ((p = md_pad(m, len, &plen, 0)) == NULL)
		return;
	for (off = 0; off < plen; off += 64) {
		for (i = 0; i < 16; i++)
			w[i] = (uint32_t)p[off + 4 * i] << 24 |
			    (uint32_t)p[off + 4 * i + 1] << 16 |
			    (uint32_t)p[off + 4 * i + 2] << 8 |
			    (uint32_t)p[off + 4 * i + 3];
		for (i = 16; i < 80; i++)
			w[i] = ROL(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^
			    w[i - 16], 1);
		a = h[0];
		b = h[1];
		cc = h[2];
		d = h[3];
		e = h[4];
		for (i = 0; i < 80; i++) {
			if (i < 20) {
				f = (b & cc) | (~b & d);
				k = 0x5a827999;
			} else if (i < 40) {
				f = b ^ cc ^ d;
				k = 0x6ed9eba1;
			} else if (i < 60) {
				f = (b & cc) | (b & d) | (cc & d);
				k = 0x8f1bbcdc;
			} else {
				f = b ^ cc ^ d;
				k = 0xca62c1d6;
			}
			t = ROL(a, 5) + f + e + k + w[i];
			e = d;
			d = cc;
			cc = ROL(b, 30);
			b = a;
			a = t;
		}
		h[0] += a;
		h[1] += b;
		h[2] += cc;
		h[3] += d;
		h[4] += e;
	}
	free(p);
	for (i = 0; i < 20; i++)
		out[i] = (unsigned char)(h[i / 4] >> (24 - 8 * (i % 4)));
}

/* FIPS 180-4. */
static void
sha256(const unsigned char *m, size_t len, unsigned char *out)
{
	static const uint32_t	 K[64] = {
		0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b,
		0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
		0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7,
		0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
		0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152,
		0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
		0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
		0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
		0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
		0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
		0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
		0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
		0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
	};
	uint32_t	 h[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372,
			    0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
			    0x5be0cd19 };
	uint32_t	 w[64], v[8], s0, s1, t1, t2;
	unsigned char	*p;
	size_t		 plen, off, i;

	if ((p = md_pad(m, len, &plen, 0)) == NULL)
		return;
	for (off = 0; off < plen; off += 64) {
		for (i = 0; i < 16; i++)
			w[i] = (uint32_t)p[off + 4 * i] << 24 |
			    (uint32_t)p[off + 4 * i + 1] << 16 |
			    (uint32_t)p[off + 4 * i + 2] << 8 |
			    (uint32_t)p[off + 4 * i + 3];
		for (i = 16; i < 64; i++) {
			s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^
			    (w[i - 15] >> 3);
			s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^
			    (w[i - 2] >> 10);
			w[i] = w[i - 16] + s0 + w[i - 7] + s1;
		}
		memcpy(v, h, sizeof(v));
		for (i = 0; i < 64; i++) {
			t1 = v[7] + (ROR(v[4], 6) ^ ROR(v[4], 11) ^
			    ROR(v[4], 25)) + ((v[4] & v[5]) ^ (~v[4] & v[6])) +
			    K[i] + w[i];
			t2 = (ROR(v[0], 2) ^ ROR(v[0], 13) ^ ROR(v[0], 22)) +
			    ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
			memmove(v + 1, v, 7 * sizeof(*v));
			v[4] += t1;
			v[0] = t1 + t2;
		}
		for (i = 0; i < 8; i++)
			h[i] += v[i];
	}
	free(p);
	for (i = 0; i < 32; i++)
		out[i] = (unsigned char)(h[i / 4] >> (24 - 8 * (i % 4)));
}

struct tfv *
tf_fn_md5(struct tf_ev *ev, const struct tf_call *c)
{
	unsigned char	 d[32];
	const char	*s;
	size_t		 len;
	struct tfv	*e;
	int		 which = c->name[0] == 'm' ? 0 : c->name[3] == '1' ?
			    1 : 2;

	if ((e = tff_get_str(ev, c, 0, &s, &len)) != NULL)
		return e;
	if (tf_spend(ev, len / 64))
		return tff_over(ev, c);
	memset(d, 0, sizeof(d));
	if (which == 0)
		md5((const unsigned char *)s, len, d);
	else if (which == 1)
		sha1((const unsigned char *)s, len, d);
	else
		sha256((const unsigned char *)s, len, d);
	return hex(ev, d, which == 0 ? 16 : which == 1 ? 20 : 32);
}

struct tfv *
tf_fn_sha1(struct tf_ev *ev, const struct tf_call *c)
{
	return tf_fn_md5(ev, c);
}

struct tfv *
tf_fn_sha256(struct tf_ev *ev, const struct tf_call *c)
{
	return tf_fn_md5(ev, c);
}

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

struct tfv *
tf_fn_base64encode(struct tf_ev *ev, const struct tf_call *c)
{
	struct buf		 b = BUF_INIT;
	const unsigned char	*s;
	const char		*str;
	size_t			 len, i;
	uint32_t		 x;
	struct tfv		*e;

	if ((e = tff_get_str(ev, c, 0, &str, &len)) != NULL)
		return e;
	if (len > TF_MAX_STRING / 4 * 3)
		return tf_error(ev, c->at, "base64encode: the result is longer"
		    " than %lu bytes", TF_MAX_STRING);
	s = (const unsigned char *)str;
	for (i = 0; i + 2 < len; i += 3) {
		x = (uint32_t)s[i] << 16 | (uint32_t)s[i + 1] << 8 | s[i + 2];
		buf_addc(&b, b64[x >> 18]);
		buf_addc(&b, b64[(x >> 12) & 63]);
		buf_addc(&b, b64[(x >> 6) & 63]);
		buf_addc(&b, b64[x & 63]);
	}
	if (i < len) {
		x = (uint32_t)s[i] << 16 | (i + 1 < len ?
		    (uint32_t)s[i + 1] << 8 : 0);
		buf_addc(&b, b64[x >> 18]);
		buf_addc(&b, b64[(x >> 12) & 63]);
		buf_addc(&b, i + 1 < len ? b64[(x >> 6) & 63] : '=');
		buf_addc(&b, '=');
	}
	return tff_result(ev, c, &b);
}

/*
 * base64decode(): standard padded base64, as Go's StdEncoding (which
 * skips newlines), and the result must be UTF-8.
 */
struct tfv *
tf_fn_base64decode(struct tf_ev *ev, const struct tf_call *c)
{
	struct buf	 b = BUF_INIT;
	const char	*s, *p;
	size_t		 len, i, n = 0, pads = 0;
	uint32_t	 x = 0, cp;
	struct tfv	*e;

	if ((e = tff_get_str(ev, c, 0, &s, &len)) != NULL)
		return e;
	for (i = 0; i < len; i++) {
		if (s[i] == '\n' || s[i] == '\r')
			continue;
		if (s[i] == '=') {
			pads++;
			continue;
		}
		if (pads > 0 || s[i] == '\0' ||
		    (p = strchr(b64, s[i])) == NULL)
			goto bad;
		x = x << 6 | (uint32_t)(p - b64);
		if (++n % 4 == 0) {
			buf_addc(&b, (char)(x >> 16));
			buf_addc(&b, (char)(x >> 8));
			buf_addc(&b, (char)x);
			x = 0;
		}
	}
	if ((n + pads) % 4 != 0 || pads > 2 || (pads > 0 && n % 4 + pads != 4)
	    || n % 4 == 1)
		goto bad;
	if (n % 4 == 2)
		buf_addc(&b, (char)(x >> 4));
	else if (n % 4 == 3) {
		buf_addc(&b, (char)(x >> 10));
		buf_addc(&b, (char)(x >> 2));
	}
	for (i = 0; i < b.len; )
		if (tff_u8dec(b.buf, b.len, &i, &cp) == -1) {
			buf_release(&b);
			return tf_error(ev, c->at, "base64decode: the result "
			    "is not UTF-8");
		}
	return tff_result(ev, c, &b);
bad:
	buf_release(&b);
	return tf_error(ev, c->at, "base64decode: the string is not base64");
}
