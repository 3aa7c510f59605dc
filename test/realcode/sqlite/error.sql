-- error.sql: with -bail the shell stops at the first error and exits 1,
-- in every build.
CREATE TABLE t(x INTEGER CHECK (x > 0));
INSERT INTO t VALUES (1), (2);
SELECT sum(x) FROM t;
INSERT INTO t VALUES (-1);
SELECT 'not reached';
