; Two unnamed functions (@0, @1), as IR from other front ends may have:
; the summary must name each apart (the report rejects an empty symbol),
; and apart from a function that has one of the names code generation
; would give them.
; Integers instead of pointers, so every LLVM major parses it.
declare i64 @malloc(i64)

define internal i64 @0() {
  %p = call i64 @malloc(i64 4)
  ret i64 %p
}

define i64 @1() {
  %p = call i64 @0()
  ret i64 %p
}

define i64 @root() {
  %p = call i64 @1()
  %q = call i64 @__unnamed_1()
  ret i64 %p
}

define i64 @__unnamed_1() {
  ret i64 0
}
