/*
 * timeruns -- the benchmark's clock: runs a command RUNS times (after
 * WARMUP runs not counted) and prints the median wall time and the
 * median CPU time (user + system of the command and of the processes it
 * waited for), in seconds, on one line:
 *
 *	timeruns [-n RUNS] [-w WARMUP] [-p PREPARE] -- COMMAND [ARG...]
 *	0.008312 0.006950
 *
 * PREPARE is a shell command run before every run, outside the timing
 * (to empty an output folder, to change one input).  COMMAND is executed
 * directly, its standard output thrown away.  A COMMAND or PREPARE that
 * fails, exits non-zero or is killed stops timeruns with status 1 and a
 * message: a benchmark that measured nothing must not print a figure.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAXRUNS	1000

static const char *prog = "timeruns";

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Says how a child ended, if not with status 0; returns 0 for success. */
static int
check_status(const char *what, int status)
{
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFEXITED(status))
		fprintf(stderr, "%s: %s: exit status %d\n", prog, what,
		    WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		fprintf(stderr, "%s: %s: killed by signal %d\n", prog, what,
		    WTERMSIG(status));
	else
		fprintf(stderr, "%s: %s: ended abnormally\n", prog, what);
	return -1;
}

/*
 * Runs argv once with its standard output on /dev/null; stores its wall
 * and CPU seconds.  Returns 0 when it exited with status 0.
 */
static int
run_once(char **argv, double *wall, double *cpu)
{
	struct rusage ru;
	double t0, t1;
	pid_t pid;
	int status, fd;

	t0 = now();
	if ((pid = fork()) == -1) {
		fprintf(stderr, "%s: fork: %s\n", prog, strerror(errno));
		return -1;
	}
	if (pid == 0) {
		if ((fd = open("/dev/null", O_WRONLY)) != -1) {
			dup2(fd, STDOUT_FILENO);
			close(fd);
		}
		execvp(argv[0], argv);
		fprintf(stderr, "%s: %s: %s\n", prog, argv[0], strerror(errno));
		_exit(127);
	}
	while (wait4(pid, &status, 0, &ru) == -1) {
		if (errno != EINTR) {
			fprintf(stderr, "%s: wait4: %s\n", prog, strerror(errno));
			return -1;
		}
	}
	t1 = now();
	*wall = t1 - t0;
	*cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	    (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	return check_status(argv[0], status);
}

/* Runs the shell command cmd; returns 0 when it exited with status 0. */
static int
run_shell(const char *cmd)
{
	pid_t pid;
	int status;

	if ((pid = fork()) == -1) {
		fprintf(stderr, "%s: fork: %s\n", prog, strerror(errno));
		return -1;
	}
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) == -1) {
		if (errno != EINTR) {
			fprintf(stderr, "%s: waitpid: %s\n", prog, strerror(errno));
			return -1;
		}
	}
	return check_status(cmd, status);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The median of v[0..n-1] (sorts v). */
static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void
usage(void)
{
	fprintf(stderr, "usage: %s [-n RUNS] [-w WARMUP] [-p PREPARE] -- "
	    "COMMAND [ARG...]\n", prog);
	exit(2);
}

int
main(int argc, char **argv)
{
	static double walls[MAXRUNS], cpus[MAXRUNS];
	const char *prepare = NULL;
	double wall, cpu;
	int runs = 5, warmup = 1, c, i;
	char *end;

	while ((c = getopt(argc, argv, "n:w:p:")) != -1) {
		switch (c) {
		case 'n':
			runs = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || runs < 1 || runs > MAXRUNS)
				usage();
			break;
		case 'w':
			warmup = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || warmup < 0 || warmup > MAXRUNS)
				usage();
			break;
		case 'p':
			prepare = optarg;
			break;
		default:
			usage();
		}
	}
	if (optind >= argc)
		usage();
	argv += optind;
	for (i = -warmup; i < runs; i++) {
		if (prepare != NULL && run_shell(prepare) != 0)
			return 1;
		if (run_once(argv, &wall, &cpu) != 0)
			return 1;
		if (i >= 0) {
			walls[i] = wall;
			cpus[i] = cpu;
		}
	}
	printf("%.6f %.6f\n", median(walls, runs), median(cpus, runs));
	return fflush(stdout) == 0 ? 0 : 1;
}
