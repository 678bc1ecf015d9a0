/* SPDX-License-Identifier: ISC */
/*
 * The language server's re-lint latency (make bench-lsp): start the
 * server on a workspace, open one of its files, then send n changes of
 * that file as an editor does on each keystroke (the whole text, full
 * sync), each followed by a request that the server answers only once
 * the change is linted and its diagnostics are published.  The time
 * from writing the change to reading that answer is one re-lint as the
 * editor sees it.  Prints the first lint and the median, minimum and
 * maximum re-lint, in milliseconds; asserts nothing.
 *
 *   lspbench [-n changes] root file -- prog [arg ...]
 *
 * Each change appends a comment line ("# edit N"), which the loaders
 * read and the rules ignore, so that every lint has the same findings.
 * With -r (make bench's lsp rows) it prints instead each re-lint's time
 * in milliseconds, a line each in the order of the changes, then
 * "rss KIB", the server's peak resident size (VmHWM), and
 * "diagnostics N", those published on each change.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <err.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

struct server {
	FILE	*in, *out;
	pid_t	 pid;
};

static void	 spawn(struct server *, char **);
static void	 send_msg(struct server *, cJSON *);
static cJSON	*read_msg(struct server *);
static void	 until_answer(struct server *, int, size_t *);
static long	 peak_kib(pid_t);
static void	 barrier(struct server *, int);
static double	 now_ms(void);
static char	*uri_of(const char *);
static int	 cmp_double(const void *, const void *);

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
		close(in[1]);
		close(out[0]);
		execvp(argv[0], argv);
		err(127, "%s", argv[0]);
	}
	close(in[0]);
	close(out[1]);
	if ((S->in = fdopen(in[1], "w")) == NULL ||
	    (S->out = fdopen(out[0], "r")) == NULL)
		err(2, "fdopen");
}

/* Frame and write m, then free it. */
static void
send_msg(struct server *S, cJSON *m)
{
	char	*s;

	cJSON_AddStringToObject(m, "jsonrpc", "2.0");
	if ((s = cJSON_PrintUnformatted(m)) == NULL)
		errx(2, "out of memory");
	fprintf(S->in, "Content-Length: %zu\r\n\r\n%s", strlen(s), s);
	if (fflush(S->in) == EOF)
		err(1, "writing to the server");
	free(s);
	cJSON_Delete(m);
}

static cJSON *
read_msg(struct server *S)
{
	char	 line[1024], *body;
	size_t	 len = 0;
	cJSON	*m;

	while (fgets(line, sizeof(line), S->out) != NULL) {
		if (strcmp(line, "\r\n") == 0)
			break;
		(void)sscanf(line, "Content-Length: %zu", &len);
	}
	if (feof(S->out) || len == 0)
		errx(1, "the server ended or wrote no message");
	if ((body = malloc(len + 1)) == NULL)
		err(2, NULL);
	if (fread(body, 1, len, S->out) != len)
		errx(1, "the server's message was cut short");
	body[len] = '\0';
	if ((m = cJSON_Parse(body)) == NULL)
		errx(1, "the server wrote no JSON: %.200s", body);
	free(body);
	return m;
}

/* Read up to the response to request id; count the diagnostics seen. */
static void
until_answer(struct server *S, int id, size_t *ndiags)
{
	cJSON	*m, *v;

	for (;;) {
		m = read_msg(S);
		v = cJSON_GetObjectItem(m, "id");
		if (cJSON_IsNumber(v) && v->valueint == id &&
		    cJSON_GetObjectItem(m, "method") == NULL) {
			cJSON_Delete(m);
			return;
		}
		v = cJSON_GetObjectItem(cJSON_GetObjectItem(m, "params"),
		    "diagnostics");
		if (ndiags != NULL && cJSON_IsArray(v))
			*ndiags += (size_t)cJSON_GetArraySize(v);
		cJSON_Delete(m);
	}
}

/* A request the server answers after linting what came before it. */
static void
barrier(struct server *S, int id)
{
	cJSON	*m = cJSON_CreateObject();

	cJSON_AddNumberToObject(m, "id", id);
	cJSON_AddStringToObject(m, "method", "irsalint/bench");
	send_msg(S, m);
}

static double
now_ms(void)
{
	struct timespec	 t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static char *
uri_of(const char *path)
{
	char	*s, *o;

	if ((o = s = malloc(3 * strlen(path) + 8)) == NULL)
		err(2, NULL);
	o += sprintf(o, "file://");
	for (; *path != '\0'; path++)
		if (strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "0123456789-._~/", *path) != NULL)
			*o++ = *path;
		else
			o += sprintf(o, "%%%02X", (unsigned char)*path);
	*o = '\0';
	return s;
}

static int
cmp_double(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char *argv[])
{
	struct server	 S;
	char		 root[PATH_MAX], file[PATH_MAX], tail[64];
	char		*text, *root_uri, *file_uri, *edited;
	double		 t0, first, *lat;
	size_t		 len, nd = 0, nd2 = 0, i;
	long		 n = 20, kib;
	int		 ch, st, rounds = 0;
	cJSON		*m, *p, *o;
	FILE		*fp;

	while ((ch = getopt(argc, argv, "+n:r")) != -1)
		if (ch == 'n' && (n = strtol(optarg, NULL, 10)) > 0)
			continue;
		else if (ch == 'r')
			rounds = 1;
		else
			errx(2, "usage: lspbench [-r] [-n changes] root file "
			    "-- prog [arg ...]");
	argc -= optind;
	argv += optind;
	if (argc < 4 || strcmp(argv[2], "--") != 0)
		errx(2, "usage: lspbench [-n changes] root file -- prog "
		    "[arg ...]");
	if (realpath(argv[0], root) == NULL || realpath(argv[1], file) ==
	    NULL)
		err(2, "%s", realpath(argv[0], root) == NULL ? argv[0] :
		    argv[1]);
	if ((fp = fopen(file, "rb")) == NULL)
		err(2, "%s", file);
	fseek(fp, 0, SEEK_END);
	len = (size_t)ftell(fp);
	rewind(fp);
	if ((text = malloc(len + 1)) == NULL ||
	    (edited = malloc(len + sizeof(tail))) == NULL)
		err(2, NULL);
	if (fread(text, 1, len, fp) != len)
		err(2, "%s", file);
	text[len] = '\0';
	fclose(fp);
	root_uri = uri_of(root);
	file_uri = uri_of(file);
	if ((lat = calloc((size_t)n, sizeof(*lat))) == NULL)
		err(2, NULL);
	signal(SIGPIPE, SIG_IGN);
	spawn(&S, argv + 3);

	t0 = now_ms();
	m = cJSON_CreateObject();
	cJSON_AddNumberToObject(m, "id", 1);
	cJSON_AddStringToObject(m, "method", "initialize");
	p = cJSON_AddObjectToObject(m, "params");
	cJSON_AddStringToObject(p, "rootUri", root_uri);
	cJSON_AddObjectToObject(p, "capabilities");
	send_msg(&S, m);
	until_answer(&S, 1, NULL);
	m = cJSON_CreateObject();
	cJSON_AddStringToObject(m, "method", "initialized");
	send_msg(&S, m);
	barrier(&S, 2);
	until_answer(&S, 2, &nd);
	first = now_ms() - t0;

	m = cJSON_CreateObject();
	cJSON_AddStringToObject(m, "method", "textDocument/didOpen");
	o = cJSON_AddObjectToObject(cJSON_AddObjectToObject(m, "params"),
	    "textDocument");
	cJSON_AddStringToObject(o, "uri", file_uri);
	cJSON_AddStringToObject(o, "languageId", "yaml");
	cJSON_AddNumberToObject(o, "version", 1);
	cJSON_AddStringToObject(o, "text", text);
	send_msg(&S, m);
	barrier(&S, 3);
	until_answer(&S, 3, NULL);

	for (i = 0; i < (size_t)n; i++) {
		memcpy(edited, text, len);
		snprintf(tail, sizeof(tail), "%s# edit %zu\n", len > 0 &&
		    text[len - 1] != '\n' ? "\n" : "", i);
		strcpy(edited + len, tail);
		m = cJSON_CreateObject();
		cJSON_AddStringToObject(m, "method", "textDocument/didChange");
		p = cJSON_AddObjectToObject(m, "params");
		o = cJSON_AddObjectToObject(p, "textDocument");
		cJSON_AddStringToObject(o, "uri", file_uri);
		cJSON_AddNumberToObject(o, "version", (double)i + 2);
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "text", edited);
		cJSON_AddItemToArray(cJSON_AddArrayToObject(p,
		    "contentChanges"), o);
		t0 = now_ms();
		send_msg(&S, m);
		barrier(&S, (int)i + 10);
		until_answer(&S, (int)i + 10, &nd2);
		lat[i] = now_ms() - t0;
	}

	kib = peak_kib(S.pid);
	m = cJSON_CreateObject();
	cJSON_AddNumberToObject(m, "id", 4);
	cJSON_AddStringToObject(m, "method", "shutdown");
	send_msg(&S, m);
	until_answer(&S, 4, NULL);
	m = cJSON_CreateObject();
	cJSON_AddStringToObject(m, "method", "exit");
	send_msg(&S, m);
	fclose(S.in);
	if (waitpid(S.pid, &st, 0) == -1 || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0)
		errx(1, "the server did not exit with status 0");
	if (rounds) {
		for (i = 0; i < (size_t)n; i++)
			printf("%.3f\n", lat[i]);
		printf("rss %ld\ndiagnostics %zu\n", kib, nd2 / (size_t)n);
	} else {
		qsort(lat, (size_t)n, sizeof(*lat), cmp_double);
		printf("%s: %zu bytes edited; first lint %.1f ms (%zu "
		    "diagnostics); re-lint after a change: median %.1f ms, "
		    "min %.1f, max %.1f (%ld changes, %zu diagnostics "
		    "published each)\n", argv[1], len, first, nd,
		    (n % 2 == 1 ? lat[n / 2] : (lat[n / 2 - 1] +
		    lat[n / 2]) / 2), lat[0], lat[n - 1], n, nd2 / (size_t)n);
	}
	free(lat);
	free(text);
	free(edited);
	free(root_uri);
	free(file_uri);
	fclose(S.out);
	return 0;
}

/* The process's peak resident size in KiB (VmHWM), or 0 if unknown. */
static long
peak_kib(pid_t pid)
{
	char	 path[64], line[256];
	long	 kib = 0;
	FILE	*fp;

	snprintf(path, sizeof(path), "/proc/%ld/status", (long)pid);
	if ((fp = fopen(path, "r")) == NULL)
		return 0;
	while (fgets(line, sizeof(line), fp) != NULL)
		if (strncmp(line, "VmHWM:", 6) == 0)
			kib = strtol(line + 6, NULL, 10);
	fclose(fp);
	return kib;
}
