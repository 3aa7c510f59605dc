// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %python %S/Inputs/make_summary.py %s program.sum SPEC
// RUN: sh -c '%agreport --source-root=/src --json=r.json program.sum > r.txt; echo "exit status $?"' | FileCheck --check-prefix=EXIT %s
// RUN: FileCheck --match-full-lines %s < r.txt
// RUN: %python %S/Inputs/check_report.py %S/../../docs/report-schema.json r.json | FileCheck --check-prefix=JSON %s
// Intent: version 3's class-keyed vtable slots, merged from units: a call
// on a class at slot n reaches what its subclasses store there through
// the hierarchy flows of other units, transitively (Effect <- Filter in
// one unit, Filter <- Deep in another), and not a same-type function of
// an unrelated class in the same slot (Logger's); a version 2 unit's
// vtable slot (no class) is a candidate of every class's call, and said
// so; a call whose class has no vtable in any input, and one whose class
// the writer could not tell, take the slot of every vtable.

// EXIT: exit status 1

// SPEC: version 3
// SPEC: unit /src/app.cpp
// SPEC: fn on_effect external root at=/src/app.cpp:10
// SPEC: fn on_logger external root at=/src/app.cpp:20
// SPEC: fn on_ghost external root at=/src/app.cpp:30
// SPEC: fn on_any external root at=/src/app.cpp:40
// SPEC: call on_effect virtual - at=/src/app.cpp:11:5 type=v(p) field=vslot:6Effect:2
// SPEC: call on_logger virtual - at=/src/app.cpp:21:5 type=v(p) field=vslot:6Logger:2
// SPEC: call on_ghost virtual - at=/src/app.cpp:31:5 type=v(p) field=vslot:5Ghost:2
// SPEC: call on_any virtual - at=/src/app.cpp:41:5 type=i32(p) field=vslot:3
// SPEC: name vslot:6Effect:2 Effect
// SPEC: name vslot:6Logger:2 Logger
// SPEC: name vslot:5Ghost:2 Ghost

// Filter derives from Effect.
// SPEC: unit /src/filter.cpp
// SPEC: fn _ZN6Filter7processEPv external display=Filter::process(void*) at=/src/filter.cpp:5
// SPEC: target _ZN6Filter7processEPv type=v(p) field=vslot:6Filter:2
// SPEC: flow vslot:6Effect:2 vslot:6Filter:2
// SPEC: flow vslot:2 vslot:6Filter:2

// Deep derives from Filter; it allocates.
// SPEC: unit /src/deep.cpp
// SPEC: fn _ZN4Deep7processEPv external display=Deep::process(void*) at=/src/deep.cpp:5
// SPEC: fn _ZN4Deep5countEPv external display=Deep::count(void*) at=/src/deep.cpp:9
// SPEC: fn malloc declaration
// SPEC: call _ZN4Deep7processEPv allocation malloc at=/src/deep.cpp:6:5
// SPEC: target _ZN4Deep7processEPv type=v(p) field=vslot:4Deep:2
// SPEC: target _ZN4Deep5countEPv type=i32(p) field=vslot:4Deep:3
// SPEC: flow vslot:6Filter:2 vslot:4Deep:2
// SPEC: flow vslot:2 vslot:4Deep:2
// SPEC: flow vslot:6Filter:3 vslot:4Deep:3
// SPEC: flow vslot:3 vslot:4Deep:3

// FileLogger derives from Logger, an unrelated class: same type, same slot.
// SPEC: unit /src/logger.cpp
// SPEC: fn _ZN10FileLogger7processEPv external display=FileLogger::process(void*) at=/src/logger.cpp:5
// SPEC: fn strdup declaration
// SPEC: fn _ZN10FileLogger5countEPv external display=FileLogger::count(void*) at=/src/logger.cpp:9
// SPEC: fn calloc declaration
// SPEC: call _ZN10FileLogger7processEPv allocation strdup at=/src/logger.cpp:6:5
// SPEC: call _ZN10FileLogger5countEPv allocation calloc at=/src/logger.cpp:10:5
// SPEC: target _ZN10FileLogger7processEPv type=v(p) field=vslot:10FileLogger:2
// SPEC: target _ZN10FileLogger5countEPv type=i32(p) field=vslot:10FileLogger:3
// SPEC: flow vslot:6Logger:2 vslot:10FileLogger:2
// SPEC: flow vslot:2 vslot:10FileLogger:2
// SPEC: flow vslot:3 vslot:10FileLogger:3

// A version 2 unit: its vtable slots name no class.
// SPEC: version 2
// SPEC: unit /src/old.cpp
// SPEC: fn _ZN3Old7processEPv external display=Old::process(void*) at=/src/old.cpp:5
// SPEC: fn free declaration
// SPEC: call _ZN3Old7processEPv deallocation free at=/src/old.cpp:6:5
// SPEC: target _ZN3Old7processEPv type=v(p) field=vslot:2

// CHECK:      app.cpp:41:5: warning: alloc_free function 'on_any' may allocate: call to 'FileLogger::count(void*)' through a virtual call (slot 3 of any vtable: allocguard cannot tell the object's class) reaches 'calloc' [-Wallocguard]
// CHECK-NEXT: logger.cpp:10:5: note: 'FileLogger::count(void*)' calls 'calloc', which allocates
// CHECK-NEXT: app.cpp:11:5: warning: alloc_free function 'on_effect' may allocate: call to 'Deep::process(void*)' through a virtual call on 'Effect' (or slot 2 of a vtable built without RTTI) reaches 'malloc' [-Wallocguard]
// CHECK-NEXT: deep.cpp:6:5: note: 'Deep::process(void*)' calls 'malloc', which allocates
// CHECK-NEXT: app.cpp:11:5: warning: alloc_free function 'on_effect' may deallocate: call to 'Old::process(void*)' through a virtual call on 'Effect' (or slot 2 of a vtable built without RTTI) reaches 'free' [-Wallocguard-dealloc]
// CHECK-NEXT: old.cpp:6:5: note: 'Old::process(void*)' calls 'free', which deallocates
// CHECK-NEXT: app.cpp:31:5: warning: alloc_free function 'on_ghost' may allocate: call to 'Deep::process(void*)' through a virtual call on 'Ghost' (slot 2 of any vtable: none with RTTI in any input is of 'Ghost' or a subclass) reaches 'malloc' [-Wallocguard]
// CHECK-NEXT: deep.cpp:6:5: note: 'Deep::process(void*)' calls 'malloc', which allocates
// CHECK-NEXT: app.cpp:31:5: warning: alloc_free function 'on_ghost' may allocate: call to 'FileLogger::process(void*)' through a virtual call on 'Ghost' (slot 2 of any vtable: none with RTTI in any input is of 'Ghost' or a subclass) reaches 'strdup' [-Wallocguard]
// CHECK-NEXT: logger.cpp:6:5: note: 'FileLogger::process(void*)' calls 'strdup', which allocates
// CHECK-NEXT: app.cpp:31:5: warning: alloc_free function 'on_ghost' may deallocate: call to 'Old::process(void*)' through a virtual call on 'Ghost' (slot 2 of any vtable: none with RTTI in any input is of 'Ghost' or a subclass) reaches 'free' [-Wallocguard-dealloc]
// CHECK-NEXT: old.cpp:6:5: note: 'Old::process(void*)' calls 'free', which deallocates
// CHECK-NEXT: app.cpp:21:5: warning: alloc_free function 'on_logger' may allocate: call to 'FileLogger::process(void*)' through a virtual call on 'Logger' (or slot 2 of a vtable built without RTTI) reaches 'strdup' [-Wallocguard]
// CHECK-NEXT: logger.cpp:6:5: note: 'FileLogger::process(void*)' calls 'strdup', which allocates
// CHECK-NEXT: app.cpp:21:5: warning: alloc_free function 'on_logger' may deallocate: call to 'Old::process(void*)' through a virtual call on 'Logger' (or slot 2 of a vtable built without RTTI) reaches 'free' [-Wallocguard-dealloc]
// CHECK-NEXT: old.cpp:6:5: note: 'Old::process(void*)' calls 'free', which deallocates
// CHECK-NEXT: allocguard-report: 4 alloc_free roots, 4 reach the heap: 5 allocations, 3 deallocations; 0 calls could not be followed
// CHECK-NOT: {{.}}

// JSON:      root on_any fail new=1/0/0 baselined=0 suppressed=0
// JSON-NEXT: root on_effect fail new=1/1/0 baselined=0 suppressed=0
// JSON-NEXT: root on_ghost fail new=2/1/0 baselined=0 suppressed=0
// JSON-NEXT: root on_logger fail new=1/1/0 baselined=0 suppressed=0
// JSON:      finding allocation new root=on_effect callee=malloc path=on_effect@app.cpp:11:5 [through a virtual call on 'Effect' (or slot 2 of a vtable built without RTTI)] -> Deep::process(void*)@deep.cpp:6:5
// JSON-NOT:  root=on_effect callee=strdup
// JSON:      summary roots=4 failing=4 gate=fail
