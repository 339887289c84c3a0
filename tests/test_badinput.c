/*
 * test_badinput.c -- the bad-input matrix of README (tests/check-badinput.sh).
 */
#include <stdlib.h>

#include <criterion/criterion.h>

Test(badinput, every_row_of_the_matrix, .timeout = 900)
{
	cr_assert_eq(system("bash tests/check-badinput.sh"), 0);
}

Test(badinput, killed_and_concurrent_builds_lose_nothing, .timeout = 600)
{
	cr_assert_eq(system("bash tests/check-kill.sh"), 0);
}

Test(badinput, safety_rows_of_the_matrix, .timeout = 900)
{
	cr_assert_eq(system("bash tests/check-safety.sh"), 0);
}

Test(badinput, memory_bounded_by_the_input, .timeout = 900)
{
	cr_assert_eq(system("sh tests/check-memory.sh"), 0);
}
