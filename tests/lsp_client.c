/* SPDX-License-Identifier: ISC */
/*
 * A test client for irsalint --lsp: it starts the server, plays a
 * transcript at it and checks every message the server writes, byte
 * for byte, in order (tflint's integration tests compare framed
 * messages the same way).  Only cJSON is linked: the client shares no
 * code with the server it checks.
 *
 *   lsp_client [-u out] [-t seconds] script root -- prog [arg ...]
 *
 * The script, one directive a line (blank lines and # comments pass):
 *   > JSON      send one message, framed with its length
 *   >raw TEXT   send TEXT as it is, after \r \n \t \\ and \xHH escapes
 *   < JSON      the next message the server writes must be this one;
 *               the framing must be "Content-Length: N\r\n\r\n"
 *   ! COMMAND   run COMMAND with sh in root (change a file on disk)
 *   close       close the server's standard input
 *   exit N      the server must exit with status N, having written
 *               nothing more
 * In JSON, TEXT and COMMAND, @ROOT@ is root as a real path and @URI@
 * its file: URI.  The server is only read when the script expects a
 * message, so that a notification's answer (diagnostics) is always
 * read before the next message is sent.  With -u, the client writes
 * the script to out with the < lines it read instead of those given,
 * reading after each message sent until the server is quiet for a
 * while: for writing a new transcript, which is then reviewed.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <err.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

struct server {
	pid_t	 pid;
	int	 in, out;		/* its standard input, output */
	char	*buf;			/* read, not yet framed */
	size_t	 len, cap;
	int	 eof;
};

static const char	*root, *root_uri;
static int		 timeout_ms = 30000;

static char	*subst(const char *);
static void	 put_unsubst(FILE *, const char *);
static char	*unescape(const char *, size_t *);
static void	 spawn(struct server *, char **);
static void	 send_all(struct server *, const char *, size_t);
static int	 fill(struct server *, int);
static char	*blank_line(struct server *);
static char	*read_msg(struct server *, int, int *);
static char	*normal(const char *);
static int	 finish(struct server *, int);
static void	 usage(void);

/* s with @ROOT@ and @URI@ replaced; the caller frees it. */
static char *
subst(const char *s)
{
	static const char *const keys[] = { "@ROOT@", "@URI@" };
	const char	*vals[2] = { root, root_uri }, *p;
	char		*out;
	size_t		 n = 0, cap = strlen(s) + 1, k, l;

	out = malloc(cap);
	while (out != NULL && *s != '\0') {
		for (k = 0; k < 2; k++)
			if (strncmp(s, keys[k], strlen(keys[k])) == 0)
				break;
		p = k < 2 ? vals[k] : s;
		l = k < 2 ? strlen(vals[k]) : 1;
		if (n + l + 1 > cap && (out = realloc(out, cap = 2 * (n + l +
		    1))) == NULL)
			break;
		memcpy(out + n, p, l);
		n += l;
		s += k < 2 ? strlen(keys[k]) : 1;
	}
	if (out == NULL)
		err(2, NULL);
	out[n] = '\0';
	return out;
}

/* s with root_uri and root written back as @URI@ and @ROOT@. */
static void
put_unsubst(FILE *fp, const char *s)
{
	size_t	 lu = strlen(root_uri), lr = strlen(root);

	while (*s != '\0')
		if (strncmp(s, root_uri, lu) == 0) {
			fputs("@URI@", fp);
			s += lu;
		} else if (strncmp(s, root, lr) == 0) {
			fputs("@ROOT@", fp);
			s += lr;
		} else
			fputc(*s++, fp);
}

static char *
unescape(const char *s, size_t *len)
{
	char		*out, *o;
	unsigned int	 h;

	if ((o = out = malloc(strlen(s) + 1)) == NULL)
		err(2, NULL);
	for (; *s != '\0'; s++) {
		if (*s != '\\' || s[1] == '\0') {
			*o++ = *s;
			continue;
		}
		switch (*++s) {
		case 'r':
			*o++ = '\r';
			break;
		case 'n':
			*o++ = '\n';
			break;
		case 't':
			*o++ = '\t';
			break;
		case 'x':
			if (sscanf(s + 1, "%2x", &h) != 1)
				errx(2, "bad \\x escape");
			*o++ = (char)h;
			s += 2;
			break;
		default:
			*o++ = *s;
			break;
		}
	}
	*len = (size_t)(o - out);
	return out;
}

static void
spawn(struct server *S, char **argv)
{
	int	 in[2], out[2];

	if (pipe(in) == -1 || pipe(out) == -1)
		err(2, "pipe");
	if ((S->pid = fork()) == -1)
		err(2, "fork");
	if (S->pid == 0) {
		if (dup2(in[0], 0) == -1 || dup2(out[1], 1) == -1)
			err(2, "dup2");
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		execvp(argv[0], argv);
		err(127, "%s", argv[0]);
	}
	close(in[0]);
	close(out[1]);
	S->in = in[1];
	S->out = out[0];
}

static void
send_all(struct server *S, const char *p, size_t n)
{
	ssize_t	 w;

	while (n > 0) {
		if ((w = write(S->in, p, n)) == -1) {
			if (errno == EINTR)
				continue;
			err(1, "writing to the server");
		}
		p += w;
		n -= (size_t)w;
	}
}

/* Read what the server wrote within ms: 1, or 0 (timeout or end). */
static int
fill(struct server *S, int ms)
{
	struct pollfd	 pfd;
	ssize_t		 n;

	if (S->eof)
		return 0;
	pfd.fd = S->out;
	pfd.events = POLLIN;
	if (poll(&pfd, 1, ms) <= 0)
		return 0;
	if (S->len + 65536 > S->cap && (S->buf = realloc(S->buf,
	    S->cap = 2 * (S->len + 65536))) == NULL)
		err(2, NULL);
	if ((n = read(S->out, S->buf + S->len, 65536)) <= 0) {
		S->eof = 1;
		return 0;
	}
	S->len += (size_t)n;
	return 1;
}

/* The end of the header read, or NULL. */
static char *
blank_line(struct server *S)
{
	size_t	 i;

	for (i = 0; i + 4 <= S->len; i++)
		if (memcmp(S->buf + i, "\r\n\r\n", 4) == 0)
			return S->buf + i;
	return NULL;
}

/*
 * The next message's content, or NULL when none comes within ms (*bad
 * 0) or the framing is wrong (*bad 1).  The caller frees it.
 */
static char *
read_msg(struct server *S, int ms, int *bad)
{
	char		*end, *msg;
	size_t		 hlen, len;
	struct timespec	 t0, t;

	*bad = 0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		end = blank_line(S);
		if (end != NULL) {
			hlen = (size_t)(end - S->buf) + 4;
			if (sscanf(S->buf, "Content-Length: %zu\r\n\r\n",
			    &len) != 1 || hlen != (size_t)snprintf(NULL, 0,
			    "Content-Length: %zu\r\n\r\n", len)) {
				*bad = 1;
				return NULL;
			}
			if (S->len >= hlen + len)
				break;
		}
		clock_gettime(CLOCK_MONOTONIC, &t);
		if ((t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) /
		    1000000 >= ms || !fill(S, 50)) {
			clock_gettime(CLOCK_MONOTONIC, &t);
			if (S->eof || (t.tv_sec - t0.tv_sec) * 1000 +
			    (t.tv_nsec - t0.tv_nsec) / 1000000 >= ms)
				return NULL;
		}
	}
	if ((msg = malloc(len + 1)) == NULL)
		err(2, NULL);
	memcpy(msg, S->buf + hlen, len);
	msg[len] = '\0';
	memmove(S->buf, S->buf + hlen + len, S->len - hlen - len);
	S->len -= hlen + len;
	return msg;
}

/* An expected message as cJSON prints it, so that spacing is free. */
static char *
normal(const char *s)
{
	cJSON	*j;
	char	*out;

	if ((j = cJSON_Parse(s)) == NULL) {
		if ((out = strdup(s)) == NULL)
			err(2, NULL);
		return out;
	}
	out = cJSON_PrintUnformatted(j);
	cJSON_Delete(j);
	if (out == NULL)
		err(2, NULL);
	return out;
}

/* Wait for the server; its exit status, or -1 after a signal. */
static int
finish(struct server *S, int ms)
{
	struct timespec	 tick = { 0, 10000000 };
	int		 st, waited;

	for (waited = 0; waited < ms; waited += 10) {
		if (waitpid(S->pid, &st, WNOHANG) == S->pid)
			return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
		/* What it still writes is read, so that it never blocks. */
		if (S->eof)
			nanosleep(&tick, NULL);
		else
			(void)fill(S, 10);
	}
	kill(S->pid, SIGKILL);
	(void)waitpid(S->pid, &st, 0);
	return -2;
}

static void
usage(void)
{
	fprintf(stderr, "usage: lsp_client [-u out] [-t seconds] script "
	    "root -- prog [arg ...]\n");
	exit(2);
}

int
main(int argc, char *argv[])
{
	struct server	 S;
	FILE		*fp, *up = NULL;
	char		*line = NULL, *s, *want, *got, *raw, real[PATH_MAX];
	const char	*p;
	size_t		 cap = 0, n, lineno = 0, nmsg = 0;
	ssize_t		 len;
	int		 ch, fails = 0, bad, status, expect, closed = 0;
	int		 blanks = 0;
	char		 head[64];

	while ((ch = getopt(argc, argv, "+t:u:")) != -1)
		switch (ch) {
		case 't':
			timeout_ms = atoi(optarg) * 1000;
			break;
		case 'u':
			if ((up = fopen(optarg, "w")) == NULL)
				err(2, "%s", optarg);
			break;
		default:
			usage();
		}
	argc -= optind;
	argv += optind;
	if (argc < 4 || strcmp(argv[2], "--") != 0)
		usage();
	if ((fp = fopen(argv[0], "r")) == NULL)
		err(2, "%s", argv[0]);
	if (realpath(argv[1], real) == NULL)
		err(2, "%s", argv[1]);
	root = real;
	if ((s = malloc(3 * strlen(real) + 8)) == NULL)
		err(2, NULL);
	strcpy(s, "file://");
	for (p = real, n = 7; *p != '\0'; p++)
		if (strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "0123456789-._~/", *p) != NULL)
			s[n++] = *p;
		else
			n += (size_t)sprintf(s + n, "%%%02X",
			    (unsigned char)*p);
	s[n] = '\0';
	root_uri = s;
	signal(SIGPIPE, SIG_IGN);
	memset(&S, 0, sizeof(S));
	spawn(&S, argv + 3);

	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		expect = line[0] == '<';
		/*
		 * -u: what the server wrote before the next directive, and
		 * the blank lines before that directive after it.
		 */
		if (up != NULL && line[0] == '\0') {
			blanks++;
			continue;
		}
		if (up != NULL && !expect) {
			while ((got = read_msg(&S, 700, &bad)) != NULL) {
				fputs("< ", up);
				put_unsubst(up, got);
				fputc('\n', up);
				free(got);
			}
			for (; blanks > 0; blanks--)
				fputc('\n', up);
			fprintf(up, "%s\n", line);
		}
		if (line[0] == '\0' || line[0] == '#')
			continue;
		if (strncmp(line, ">raw ", 5) == 0) {
			s = subst(line + 5);
			raw = unescape(s, &n);
			send_all(&S, raw, n);
			free(raw);
			free(s);
		} else if (strncmp(line, "> ", 2) == 0) {
			s = subst(line + 2);
			n = (size_t)snprintf(head, sizeof(head),
			    "Content-Length: %zu\r\n\r\n", strlen(s));
			send_all(&S, head, n);
			send_all(&S, s, strlen(s));
			free(s);
		} else if (strncmp(line, "< ", 2) == 0) {
			if (up != NULL)
				continue;
			s = subst(line + 2);
			want = normal(s);
			free(s);
			nmsg++;
			if ((got = read_msg(&S, timeout_ms, &bad)) == NULL) {
				printf("%s:%zu: %s; expected\n  %s\n", argv[0],
				    lineno, bad ? "a message not framed as "
				    "Content-Length: N\\r\\n\\r\\n" : "no "
				    "message", want);
				free(want);
				fails++;
				break;
			}
			if (strcmp(got, want) != 0) {
				printf("%s:%zu: expected\n  %s\ngot\n  %s\n",
				    argv[0], lineno, want, got);
				fails++;
			}
			free(want);
			free(got);
		} else if (strncmp(line, "! ", 2) == 0) {
			s = subst(line + 2);
			if ((raw = malloc(strlen(s) + strlen(root) + 16)) ==
			    NULL)
				err(2, NULL);
			sprintf(raw, "cd '%s' && %s", root, s);
			if (system(raw) != 0)
				errx(2, "%s:%zu: failed: %s", argv[0], lineno,
				    s);
			free(raw);
			free(s);
		} else if (strcmp(line, "close") == 0) {
			close(S.in);
			closed = 1;
		} else if (sscanf(line, "exit %d", &ch) == 1) {
			if (!closed)
				close(S.in);
			closed = 1;
			status = finish(&S, timeout_ms);
			if (up != NULL)
				break;
			if ((got = read_msg(&S, 0, &bad)) != NULL ||
			    S.len > 0) {
				printf("%s:%zu: unexpected output after the "
				    "last message: %s\n", argv[0], lineno,
				    got != NULL ? got : "(not framed)");
				free(got);
				fails++;
			}
			if (status != ch) {
				printf("%s:%zu: exit status %d, expected %d\n",
				    argv[0], lineno, status, ch);
				fails++;
			}
			break;
		} else
			errx(2, "%s:%zu: unknown directive: %s", argv[0],
			    lineno, line);
	}
	if (up != NULL) {
		while ((len = getline(&line, &cap, fp)) != -1)
			fputs(line, up);
		fclose(up);
	}
	if (!closed) {
		close(S.in);
		(void)finish(&S, timeout_ms);
	}
	fclose(fp);
	free(line);
	free(S.buf);
	free((char *)root_uri);
	if (up == NULL)
		printf("%s: %zu messages checked, %d failed\n", argv[0], nmsg,
		    fails);
	return fails > 0;
}
