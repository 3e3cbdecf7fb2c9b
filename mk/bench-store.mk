# bench-store: how fast the teacher's views (class overview, one student's trend) answer on a
# school year of data: 30 students with 200 scored readings each, in a fresh temporary database.
# Prints the median of several runs against the 50 ms target. Included from the top Makefile.
#
#   make bench-store
#
# Needs only Rust (no models, no network). A benchmark, not a test: run it on an otherwise idle
# machine, since other work on the two cores skews the timings.

.PHONY: bench-store
bench-store:
	cargo bench -p leo-store --bench store
