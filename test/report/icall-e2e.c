// RUN: rm -rf %t && mkdir -p %t && cd %S/Inputs/icall
// RUN: %clang -g %agload -c zinit.c -o %t/zinit.o 2>/dev/null
// RUN: %clang -g %agload -c zdeflate.c -o %t/zdeflate.o 2>/dev/null
// RUN: %clang -g %agload -c pool.c -o %t/pool.o 2>/dev/null
// RUN: %clang -g %agload -c app.c -o %t/app.o 2>/dev/null
// RUN: %clangxx -g %agload -c fx.cpp -o %t/fx.o 2>/dev/null
// RUN: %clangxx -g %agload -c engine.cpp -o %t/engine.o 2>/dev/null
// RUN: cd %t && ar rc libz.a zinit.o zdeflate.o pool.o
// RUN: sh -c '%agreport --source-root=%S/Inputs/icall --json=r.json app.o libz.a fx.o engine.o > r.txt; echo "exit status $?"' | FileCheck --check-prefix=EXIT %s
// RUN: FileCheck --match-full-lines %s < r.txt
// RUN: %python %S/Inputs/check_report.py %S/../../docs/report-schema.json r.json | FileCheck --check-prefix=JSON %s
// Intent: real C and C++ units compiled with the plugin: a call through a
// z_stream field in one library unit reaches the allocator another unit
// stored there (through a static initializer and a struct copy, and by a
// plain store); a hook holding malloc is an allocation; a virtual call in
// one unit reaches the overrider defined in another; a function of the
// same type stored into another struct is not a candidate; a pointer of a
// type nothing is stored as stays unknown, with the reason.

// EXIT: exit status 1

// CHECK:      app.c:6:53: warning: alloc_free function 'grab' calls 'malloc' through 'alloc_hook', which allocates [-Wallocguard]
// CHECK-NEXT: app.c:5:57: warning: alloc_free function 'process' may allocate: call to 'z_deflate' reaches 'calloc' [-Wallocguard]
// CHECK-NEXT: zdeflate.c:4:18: note: 'z_deflate' calls 'zcalloc' through 'z_stream.zalloc'
// CHECK-NEXT: zinit.c:7:10: note: 'zcalloc' calls 'calloc', which allocates
// CHECK-NEXT: app.c:5:57: warning: alloc_free function 'process' may deallocate: call to 'z_deflate' reaches 'free' [-Wallocguard-dealloc]
// CHECK-NEXT: zdeflate.c:7:3: note: 'z_deflate' calls 'zcfree' through 'z_stream.zfree'
// CHECK-NEXT: zinit.c:11:3: note: 'zcfree' calls 'free', which deallocates
// CHECK-NEXT: engine.cpp:4:63: warning: alloc_free function 'render(Effect*, float*)' may allocate: call to 'Reverb::process(float*)' through a virtual call on 'Effect' reaches 'operator new[](unsigned long)' [-Wallocguard]
// CHECK-NEXT: fx.cpp:6:12: note: 'Reverb::process(float*)' calls 'operator new[](unsigned long)', which allocates
// CHECK-NEXT: app.c:7:65: warning: alloc_free function 'call_anything' makes an indirect call that allocguard cannot follow (no function of type 'double (double)' has its address taken in any input) [-Wallocguard-unknown]
// CHECK-NEXT: allocguard-report: 4 alloc_free roots, 3 reach the heap: 3 allocations, 1 deallocation; 1 call could not be followed
// CHECK-NOT: {{.}}

// JSON: root call_anything pass new=0/0/1 baselined=0 suppressed=0
// JSON-NEXT: root grab fail new=1/0/0 baselined=0 suppressed=0
// JSON-NEXT: root process fail new=1/1/0 baselined=0 suppressed=0
// JSON-NEXT: root render(Effect*, float*) fail new=1/0/0 baselined=0 suppressed=0
// JSON-NEXT: finding allocation new root=grab callee=malloc path=grab@app.c:6:53 [through 'alloc_hook']
// JSON-NEXT: finding allocation new root=process callee=calloc path=process@app.c:5:57 -> z_deflate@zdeflate.c:4:18 [through 'z_stream.zalloc'] -> zcalloc@zinit.c:7:10
// JSON-NEXT: finding deallocation new root=process callee=free path=process@app.c:5:57 -> z_deflate@zdeflate.c:7:3 [through 'z_stream.zfree'] -> zcfree@zinit.c:11:3
// JSON-NEXT: finding allocation new root=render(Effect*, float*) callee=operator new[](unsigned long) path=render(Effect*, float*)@engine.cpp:4:63 [through a virtual call on 'Effect'] -> Reverb::process(float*)@fx.cpp:6:12
// JSON-NEXT: unknown indirect new root=call_anything callee=None path=call_anything@app.c:7:65
// JSON-NEXT: summary roots=4 failing=3 gate=fail
