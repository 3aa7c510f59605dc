// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %python %S/Inputs/make_summary.py %s program.sum SPEC
// RUN: sh -c '%agreport --source-root=/src --json=r.json --sarif=r.sarif --dot=r.dot program.sum > r.txt; echo "exit status $?"' | FileCheck --check-prefix=EXIT %s
// RUN: FileCheck --check-prefix=TEXT --match-full-lines %s < r.txt
// RUN: %python %S/Inputs/check_report.py %S/../../docs/report-schema.json r.json | FileCheck --check-prefix=JSON %s
// RUN: %python %S/Inputs/sarif_paths.py r.sarif | FileCheck --check-prefix=SARIF %s
// RUN: FileCheck --check-prefix=DOT %s < r.dot
// Intent: indirect and virtual calls are resolved across units by the
// rules of docs/summary-format.md: a field's targets, through flows
// transitively (F(k)); the first layer (every target of the type) when the
// field is open or nothing is stored in it; a vtable slot's targets of the
// type (version 2 keys name no class: any class's; class keys are
// icall-vclass-resolve.c's); a declaration the writer's knowledge base classifies (a hook
// holding malloc) is an allocation site; a same-signature function stored
// elsewhere and a static function of the same name in another unit are not
// candidates; a call with no candidate stays unknown with the reason.
// Resolved calls are ordinary hops, each note saying how it was followed.

// The application: the roots.
// SPEC: unit /src/app.c
// SPEC: fn process external root at=/src/app.c:10
// SPEC: fn run_stream declaration
// SPEC: fn free_root external root at=/src/app.c:14
// SPEC: fn run_free declaration
// SPEC: fn hook_root external root at=/src/app.c:20
// SPEC: fn vroot external root at=/src/app.c:30
// SPEC: fn open_root external root at=/src/app.c:40
// SPEC: fn unseen_root external root at=/src/app.c:50
// SPEC: fn none_root external root at=/src/app.c:60
// SPEC: fn vnone_root external root at=/src/app.c:70
// SPEC: call process call run_stream at=/src/app.c:11:3
// SPEC: call free_root call run_free at=/src/app.c:15:3
// SPEC: call hook_root indirect - at=/src/app.c:21:10 type=p(i64) field=global:alloc_hook
// SPEC: call vroot virtual - at=/src/app.c:31:5 type=v(p) field=vslot:2
// SPEC: call open_root indirect - at=/src/app.c:41:5 type=v(p) field=struct:struct.cb#0
// SPEC: call unseen_root indirect - at=/src/app.c:51:5 type=i32(p) field=struct:struct.never#1
// SPEC: call none_root indirect - at=/src/app.c:61:5 type=double(double)
// SPEC: call vnone_root virtual - at=/src/app.c:71:5 type=v(p) field=vslot:7
// SPEC: flow struct:struct.cb#0
// SPEC: name struct:struct.cb#0 cb.fn
// SPEC: name struct:struct.never#1 never.cb
//
// The library: calls through z_stream's fields; the targets are stored
// by init.c, not here.
// SPEC: unit /src/zlib.c
// SPEC: fn run_stream external at=/src/zlib.c:5
// SPEC: fn run_free external at=/src/zlib.c:9
// SPEC: fn zcalloc external at=/src/zlib.c:20
// SPEC: fn zdefault external at=/src/zlib.c:25
// SPEC: fn zlocal internal at=/src/zlib.c:30
// SPEC: fn other_alloc external at=/src/zlib.c:35
// SPEC: fn malloc declaration
// SPEC: fn free declaration
// SPEC: fn calloc declaration
// SPEC: call run_stream indirect - at=/src/zlib.c:6:12 type=p(p,i32,i32) field=struct:struct.z_stream_s#8
// SPEC: call run_free indirect - at=/src/zlib.c:10:3 type=v(p) field=struct:struct.z_stream_s#9
// SPEC: call zcalloc allocation malloc at=/src/zlib.c:21:10
// SPEC: call zlocal deallocation free at=/src/zlib.c:31:3
// SPEC: call other_alloc allocation calloc at=/src/zlib.c:36:10
// SPEC: target zlocal type=v(p) field=struct:struct.z_stream_s#9
// SPEC: target other_alloc type=p(p,i32,i32) field=struct:struct.other_s#0
// SPEC: name struct:struct.z_stream_s#8 z_stream.zalloc
// SPEC: name struct:struct.z_stream_s#9 z_stream.zfree
//
// Initialisation: zcalloc is stored in a config table copied into the
// stream (a flow), zdefault two copies away; a static zlocal of its own.
// SPEC: unit /src/init.c
// SPEC: fn zcalloc declaration
// SPEC: fn zdefault declaration
// SPEC: fn zlocal internal at=/src/init.c:3
// SPEC: fn malloc declaration
// SPEC: call zlocal allocation malloc at=/src/init.c:4:3
// SPEC: target zcalloc type=p(p,i32,i32) field=struct:struct.config_s#2
// SPEC: target zdefault type=p(p,i32,i32) field=struct:struct.defaults_s#0
// SPEC: flow struct:struct.z_stream_s#8 struct:struct.config_s#2
// SPEC: flow struct:struct.config_s#2 struct:struct.defaults_s#0
//
// Hooks: declarations the knowledge base knows, stored in globals.
// SPEC: unit /src/hooks.c
// SPEC: fn malloc declaration allocates
// SPEC: fn cmp_ints external at=/src/hooks.c:8
// SPEC: fn free declaration deallocates
// SPEC: fn puts declaration alloc_free
// SPEC: fn ext_cb declaration
// SPEC: call cmp_ints deallocation free at=/src/hooks.c:9:3
// SPEC: target malloc type=p(i64) field=global:alloc_hook
// SPEC: target cmp_ints type=i32(p)
// SPEC: target puts type=v(p) field=global:log_hook
// SPEC: target ext_cb type=v(p) field=global:ext_hook
// SPEC: name global:alloc_hook alloc_hook
//
// C++ effects: vtable slot 2 holds process(), slot 3 reset().
// SPEC: unit /src/fx.cpp
// SPEC: fn _ZN6Reverb7processEPv external display=Reverb::process(void*) at=/src/fx.cpp:10
// SPEC: fn _ZN5Delay7processEPv external display=Delay::process(void*) at=/src/fx.cpp:20
// SPEC: fn _ZN4Gain5resetEPv external display=Gain::reset(void*) at=/src/fx.cpp:30
// SPEC: fn malloc declaration
// SPEC: call _ZN6Reverb7processEPv allocation malloc at=/src/fx.cpp:11:15
// SPEC: target _ZN6Reverb7processEPv type=v(p) field=vslot:2
// SPEC: target _ZN5Delay7processEPv type=v(p) field=vslot:2
// SPEC: target _ZN4Gain5resetEPv type=v(p) field=vslot:3
// SPEC: name v(p) void~(*)(void~*)

// EXIT: exit status 1
// TEXT:      app.c:15:3: warning: alloc_free function 'free_root' may deallocate: call to 'run_free' reaches 'free' [-Wallocguard-dealloc]
// TEXT-NEXT: zlib.c:10:3: note: 'run_free' calls 'zlocal' through 'z_stream.zfree'
// TEXT-NEXT: zlib.c:31:3: note: 'zlocal' calls 'free', which deallocates
// TEXT-NEXT: app.c:21:10: warning: alloc_free function 'hook_root' calls 'malloc' through 'alloc_hook', which allocates [-Wallocguard]
// TEXT-NEXT: app.c:41:5: warning: alloc_free function 'open_root' may allocate: call to 'Reverb::process(void*)' through a pointer of type 'void (*)(void *)' ('cb.fn' also holds pointers allocguard cannot trace) reaches 'malloc' [-Wallocguard]
// TEXT-NEXT: fx.cpp:11:15: note: 'Reverb::process(void*)' calls 'malloc', which allocates
// TEXT-NEXT: app.c:41:5: warning: alloc_free function 'open_root' may deallocate: call to 'zlocal' through a pointer of type 'void (*)(void *)' ('cb.fn' also holds pointers allocguard cannot trace) reaches 'free' [-Wallocguard-dealloc]
// TEXT-NEXT: zlib.c:31:3: note: 'zlocal' calls 'free', which deallocates
// TEXT-NEXT: app.c:11:3: warning: alloc_free function 'process' may allocate: call to 'run_stream' reaches 'malloc' [-Wallocguard]
// TEXT-NEXT: zlib.c:6:12: note: 'run_stream' calls 'zcalloc' through 'z_stream.zalloc'
// TEXT-NEXT: zlib.c:21:10: note: 'zcalloc' calls 'malloc', which allocates
// TEXT-NEXT: app.c:51:5: warning: alloc_free function 'unseen_root' may deallocate: call to 'cmp_ints' through a pointer of type 'i32(p)' (allocguard saw nothing stored in 'never.cb') reaches 'free' [-Wallocguard-dealloc]
// TEXT-NEXT: hooks.c:9:3: note: 'cmp_ints' calls 'free', which deallocates
// TEXT-NEXT: app.c:31:5: warning: alloc_free function 'vroot' may allocate: call to 'Reverb::process(void*)' through a virtual call (slot 2 of any vtable: allocguard cannot tell the object's class) reaches 'malloc' [-Wallocguard]
// TEXT-NEXT: fx.cpp:11:15: note: 'Reverb::process(void*)' calls 'malloc', which allocates
// TEXT-NEXT: app.c:61:5: warning: alloc_free function 'none_root' makes an indirect call that allocguard cannot follow (no function of type 'double(double)' has its address taken in any input) [-Wallocguard-unknown]
// TEXT-NEXT: app.c:41:5: warning: alloc_free function 'open_root' calls 'ext_cb' through a pointer of type 'void (*)(void *)' ('cb.fn' also holds pointers allocguard cannot trace), which allocguard cannot see into (not defined in any input and not in its knowledge base) [-Wallocguard-unknown]
// TEXT-NEXT: app.c:71:5: warning: alloc_free function 'vnone_root' makes a virtual call that allocguard cannot follow (no function of type 'void (*)(void *)' is in vtable slot 7 of any input) [-Wallocguard-unknown]
// TEXT-NEXT: allocguard-report: 8 alloc_free roots, 6 reach the heap: 4 allocations, 3 deallocations; 3 calls could not be followed
// TEXT-NOT: {{.}}

// JSON: root free_root fail new=0/1/0 baselined=0 suppressed=0
// JSON-NEXT: root hook_root fail new=1/0/0 baselined=0 suppressed=0
// JSON-NEXT: root none_root pass new=0/0/1 baselined=0 suppressed=0
// JSON-NEXT: root open_root fail new=1/1/1 baselined=0 suppressed=0
// JSON-NEXT: root process fail new=1/0/0 baselined=0 suppressed=0
// JSON-NEXT: root unseen_root fail new=0/1/0 baselined=0 suppressed=0
// JSON-NEXT: root vnone_root pass new=0/0/1 baselined=0 suppressed=0
// JSON-NEXT: root vroot fail new=1/0/0 baselined=0 suppressed=0
// JSON-NEXT: finding deallocation new root=free_root callee=free path=free_root@app.c:15:3 -> run_free@zlib.c:10:3 [through 'z_stream.zfree'] -> zlocal@zlib.c:31:3
// JSON-NEXT: finding allocation new root=hook_root callee=malloc path=hook_root@app.c:21:10 [through 'alloc_hook']
// JSON-NEXT: finding allocation new root=open_root callee=malloc path=open_root@app.c:41:5 [through a pointer of type 'void (*)(void *)' ('cb.fn' also holds pointers allocguard cannot trace)] -> Reverb::process(void*)@fx.cpp:11:15
// JSON-NEXT: finding deallocation new root=open_root callee=free path=open_root@app.c:41:5 [through a pointer of type 'void (*)(void *)' ('cb.fn' also holds pointers allocguard cannot trace)] -> zlocal@zlib.c:31:3
// JSON-NEXT: finding allocation new root=process callee=malloc path=process@app.c:11:3 -> run_stream@zlib.c:6:12 [through 'z_stream.zalloc'] -> zcalloc@zlib.c:21:10
// JSON-NEXT: finding deallocation new root=unseen_root callee=free path=unseen_root@app.c:51:5 [through a pointer of type 'i32(p)' (allocguard saw nothing stored in 'never.cb')] -> cmp_ints@hooks.c:9:3
// JSON-NEXT: finding allocation new root=vroot callee=malloc path=vroot@app.c:31:5 [through a virtual call (slot 2 of any vtable: allocguard cannot tell the object's class)] -> Reverb::process(void*)@fx.cpp:11:15
// JSON-NEXT: unknown indirect new root=none_root callee=None path=none_root@app.c:61:5
// JSON-NEXT: unknown external new root=open_root callee=ext_cb path=open_root@app.c:41:5 [through a pointer of type 'void (*)(void *)' ('cb.fn' also holds pointers allocguard cannot trace)]
// JSON-NEXT: unknown virtual new root=vnone_root callee=None path=vnone_root@app.c:71:5
// JSON-NEXT: summary roots=8 failing=6 gate=fail

// Two roots reach free through zlocal, and Reverb::process's malloc: one
// result per site, each root's path a code flow and a related location.
// SARIF: result AG1002 warning zlib.c:31:3 'zlocal' calls 'free', which deallocates; reached from 2 alloc_free functions: '[free_root](1)', '[open_root](2)'
// SARIF: result AG1001 warning app.c:21:10 alloc_free function 'hook_root' calls 'malloc' through 'alloc_hook', which allocates
// SARIF-NEXT:   flow app.c:21:10 'hook_root' calls 'malloc' through 'alloc_hook', which allocates
// SARIF: result AG1001 warning fx.cpp:11:15 'Reverb::process(void*)' calls 'malloc', which allocates; reached from 2 alloc_free functions: '[open_root](1)', '[vroot](2)'
// SARIF-NEXT:   flow app.c:41:5 'open_root' calls 'Reverb::process(void*)' through a pointer of type 'void (*)(void *)' ('cb.fn' also holds pointers allocguard cannot trace)
// SARIF-NEXT:   flow fx.cpp:11:15 'Reverb::process(void*)' calls 'malloc', which allocates
// SARIF-NEXT:   path from alloc_free function 'vroot'
// SARIF-NEXT:   flow app.c:31:5 'vroot' calls 'Reverb::process(void*)' through a virtual call (slot 2 of any vtable: allocguard cannot tell the object's class)
// SARIF-NEXT:   flow fx.cpp:11:15 'Reverb::process(void*)' calls 'malloc', which allocates
// SARIF-NEXT:   related 1 app.c:41:5 alloc_free function 'open_root': 'open_root' > 'Reverb::process(void*)' > 'malloc' new
// SARIF-NEXT:   related 2 app.c:31:5 alloc_free function 'vroot': 'vroot' > 'Reverb::process(void*)' > 'malloc' new
// SARIF: result AG1003 note app.c:61:5 alloc_free function 'none_root' makes an indirect call that allocguard cannot follow (no function of type 'double(double)' has its address taken in any input)
// SARIF-NEXT:   flow app.c:61:5 'none_root' makes an indirect call that allocguard cannot follow (no function of type 'double(double)' has its address taken in any input)

// DOT: {{n[0-9]+}} -> {{n[0-9]+}} [label="app.c:21:10\nthrough 'alloc_hook'", style=dashed, color=red];
// DOT: {{n[0-9]+}} -> {{n[0-9]+}} [label="zlib.c:6:12\nthrough 'z_stream.zalloc'", style=dashed];
// DOT: {{n[0-9]+}} -> {{n[0-9]+}} [label="app.c:31:5\nthrough a virtual call (slot 2 of any vtable: allocguard cannot tell the object's class)", style=dashed];
