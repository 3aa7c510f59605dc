#!/usr/bin/env python3
"""coverage.py - static covers dynamic: every allocation site that fired at
run time under a root must be a finding of that root in the whole-program
report, with a path.

  coverage.py --lib zlib --expected expected-misses.txt \
      --symbolizer llvm-symbolizer --report ag/example=ag/example.json \
      --log run/log/example/stderr ... --table table.md --summary out.json

Run-time side: the workloads ran in ALLOCGUARD_OPTIONS=mode=log:backtrace=1,
which prints one line per site the first time it fires in a scope, then the
stack. A site is its call's file:line:col (from the line) or, for a call the
runtime intercepted inside code built without the plugin ("called from
libc.so.6+0x..."), the first frame in the program outside system headers
(the user's line, where the static report puts the call into the library;
common/ag_system_path.h says which files are system headers, for the
plugin, the runtime and this script). The roots active at that
moment are the functions of the stack (inlined frames included, through
llvm-symbolizer) that the report lists as roots.

Static side: the JSON report of the same linked program; a finding's last hop
is the site, keyed by (file name, line, column).

Each (root, site) pair seen at run time is covered, an expected miss (a line
of the expected-misses file names it, and the issue that will fix it), or an
unexpected miss. Exit status: 0 when there are no unexpected misses and every
expected-misses line of this library still matches an uncovered pair (a line
that matches nothing is stale: the fix landed, delete the line); 1 otherwise;
2 on bad input (an unparsable log line, a report that is not
allocguard-report's JSON).
"""
import argparse
import copy
import fnmatch
import json
import os
import re
import subprocess
import sys

def load_system_path_rules():
    """The prefixes and the infix of common/ag_system_path.h."""
    header = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..',
                          '..', 'common', 'ag_system_path.h')
    with open(header) as f:
        text = f.read()
    prefixes = re.findall(r'X\("([^"]+)"\)', text)
    infixes = re.findall(r'strstr\(path, "([^"]+)"\)', text)
    if not prefixes or not infixes:
        fail_input('%s: no system-path prefixes found' % header)
    return tuple(prefixes), tuple(infixes)


def is_system_path(path, rules):
    prefixes, infixes = rules
    return bool(path) and path.startswith('/') and (
        path.startswith(prefixes) or any(i in path for i in infixes))


def site_candidates(frames, rules):
    """The program's frames that may be the site of a call made inside a
    library built without the plugin, innermost first: each frame with a
    line up to the first outside system headers. The static report puts
    such a call where the program calls into the library: at the user's
    line (std::string::append, known to the knowledge base by name) or in
    a template's body from a header (the plugin walked it)."""
    cands = []
    for f in frames:
        cands.append(f)
        if not is_system_path(f[1], rules):
            break
    return cands


def pick_site(cands, static_keys, rules):
    """(function, key) of the candidate the static report has a finding at,
    else of the first outside system headers, else of the first."""
    def key_of(f):
        return (os.path.basename(f[1]), f[2], f[3])
    chosen = next((f for f in cands if key_of(f) in static_keys), None)
    if chosen is None:
        chosen = next((f for f in cands if not is_system_path(f[1], rules)),
                      cands[0])
    return chosen[0], key_of(chosen)


# ==PID==ERROR: allocguard: <kind>: <callee>[(N bytes)] at F:L[:C] in FN
# ==PID==ERROR: allocguard: <kind>: <callee>[(N bytes)] called from M+0xO [(S)]
HEAD = re.compile(r'==(\d+)==ERROR: allocguard: (?P<kind>[a-z_ ()]+?'
                  r'(?:scope|held)): (?P<rest>.*)$')
AT = re.compile(r'^(?P<callee>.*?)(?: ?\((?P<bytes>\d+) bytes\))? at '
                r'(?P<file>[^\s:]+)(?::(?P<line>\d+)(?::(?P<col>\d+))?)?'
                r'(?: \(no line information[^)]*\))? in (?P<func>.+)$')
FROM = re.compile(r'^(?P<callee>.*?)(?: ?\((?P<bytes>\d+) bytes\))? called '
                  r'from (?P<module>\S+)\+0x(?P<off>[0-9a-fA-F]+)'
                  r'(?: \((?P<sym>[^)]*)\))?.*$')
# A frame: "#N 0xADDR[ in SYMBOL+0xOFF] (MODULE+0xOFF)" as dladdr names it,
# or, where the runtime ran a symbolizer itself, "#N 0xADDR in FUNCTION
# FILE:LINE:COL[ <- user code]".
FRAME = re.compile(r'^\s+#(\d+) 0x[0-9a-fA-F]+(?: in .*)? '
                   r'\((?P<module>[^()]+)\+0x(?P<off>[0-9a-fA-F]+)\)\s*$')
SYMFRAME = re.compile(r'^\s+#(\d+) 0x[0-9a-fA-F]+ in (?P<func>.*) '
                      r'(?P<loc>[^\s()]+)$')
USER_MARK = re.compile(r'\s+<- user code\s*$')
# The root the runtime names since it records each root's descriptor.
ROOT_SUFFIX = re.compile(r'; root (?P<root>.*) at \S+$')


TABLE_HEAD = ('| library | sites seen at run time | covered statically '
              '| expected misses | unexpected misses '
              '| (root, site) pairs covered | static findings never seen '
              '| unknown calls | RTSan: sites / not seen by allocguard |\n'
              '|---|---|---|---|---|---|---|---|---|')


def fail_input(msg):
    print('coverage.py: error: ' + msg, file=sys.stderr)
    sys.exit(2)


class Event:
    """One site's first firing in a scope: the log line and its stack."""

    def __init__(self, kind, callee, func, key, logfile, lineno, text):
        self.kind = kind          # 'allocation' or 'deallocation'
        self.callee = callee      # as the runtime names it
        self.func = func          # the function containing the call
        self.key = key            # (file name, line, column) or None
        self.logfile = logfile
        self.lineno = lineno
        self.text = text
        self.frames = []          # (module, offset)
        self.intercepted = False  # the runtime saw it through an interposer
        self.root = None          # the root the runtime names in the line


def parse_log(path):
    events = []
    with open(path, errors='replace') as f:
        lines = f.read().splitlines()
    cur = None
    for n, line in enumerate(lines, 1):
        # The program's own unfinished line may precede the report.
        m = HEAD.search(line)
        if m:
            kind = ('deallocation' if m.group('kind').startswith('dealloc')
                    else 'allocation')
            named = ROOT_SUFFIX.search(m.group('rest'))
            rest = ROOT_SUFFIX.sub('', m.group('rest'))
            a = AT.match(rest)
            if a:
                key = None
                if a.group('line'):
                    key = (os.path.basename(a.group('file')),
                           int(a.group('line')), int(a.group('col') or 0))
                cur = Event(kind, a.group('callee'), a.group('func'), key,
                            path, n, line)
            else:
                b = FROM.match(rest)
                if not b:
                    fail_input('%s:%d: cannot read this allocguard line: %s'
                               % (path, n, line))
                cur = Event(kind, b.group('callee'), b.group('sym') or '?',
                            None, path, n, line)
                cur.intercepted = True
            cur.root = named.group('root') if named else None
            events.append(cur)
            continue
        fr = FRAME.match(line)
        if fr and cur is not None:
            cur.frames.append((fr.group('module'), int(fr.group('off'), 16)))
            continue
        sf = SYMFRAME.match(USER_MARK.sub('', line.rstrip()))
        if sf and cur is not None:
            loc = sf.group('loc').rsplit(':', 2)
            if len(loc) >= 2 and loc[1].isdigit():
                col = int(loc[2]) if len(loc) == 3 and loc[2].isdigit() \
                    else 0
                cur.frames.append((None, (sf.group('func'), loc[0],
                                          int(loc[1]), col)))
            else:
                cur.frames.append((None, (sf.group('func'), None, 0, 0)))
            continue
        if 'allocguard:' in line and 'ERROR' in line:
            fail_input('%s:%d: cannot read this allocguard line: %s'
                       % (path, n, line))
        cur = None if not line.startswith(' ') else cur
    return events


# RealtimeSanitizer (clang 19 and later, halt_on_error=false): a report per
# unique stack, naming the intercepted function, then symbolized frames.
RTSAN_HEAD = re.compile(r'==\d+==ERROR: RealtimeSanitizer')
RTSAN_FUNC = re.compile(r'unsafe function `([^`]+)`')
RTSAN_FRAME = re.compile(r'^\s+#\d+ 0x[0-9a-fA-F]+ in (?P<func>.*) '
                         r'(?P<loc>\S+)$')
RTSAN_ALLOC = {'malloc', 'calloc', 'realloc', 'reallocarray',
               'posix_memalign', 'aligned_alloc', 'valloc', 'memalign',
               'pvalloc'}
RTSAN_DEALLOC = {'free'}


def parse_rtsan(path, rules):
    """Allocation and deallocation reports: each an Event whose site is one
    of .candidates (pick_site chooses, once the roots are known), and whose
    stack (function names as the sanitizer demangles them) is in .names."""
    events = []
    with open(path, errors='replace') as f:
        lines = f.read().splitlines()
    i = 0
    while i < len(lines):
        if not RTSAN_HEAD.search(lines[i]):
            i += 1
            continue
        start = i
        func = None
        frames = []
        i += 1
        while i < len(lines) and not RTSAN_HEAD.search(lines[i]) and \
                not lines[i].startswith('SUMMARY:'):
            m = RTSAN_FUNC.search(lines[i])
            if m and func is None:
                func = m.group(1)
            fr = RTSAN_FRAME.match(lines[i])
            if fr:
                frames.append((fr.group('func'), fr.group('loc')))
            i += 1
        if func not in RTSAN_ALLOC and func not in RTSAN_DEALLOC:
            continue   # locks, system calls: not allocguard's business
        kind = 'allocation' if func in RTSAN_ALLOC else 'deallocation'
        # The site: the first frame with an absolute source path (the
        # programs are compiled from absolute paths; frames of modules
        # without debug info end in "(module+0x...)" or a BuildId, glibc's
        # debug info has relative paths) outside the sanitizer; a frame
        # with a file but no line leaves it unknown.
        # The program's frames with a line, through the first outside
        # system headers: the site is one of them (site_candidates; the
        # sanitizer's build inlines what the plugin's report names, such
        # as a string's destructor, down to the allocator's line).
        located = []
        for fn, loc in frames:
            if '(' in loc or ')' in loc or 'compiler-rt' in loc:
                continue
            parts = loc.rsplit(':', 2)
            if not parts[0].startswith('/'):
                continue   # glibc's own debug info names relative paths
            if len(parts) < 2 or not parts[1].isdigit():
                break      # a file but no line: the site is unknown
            col = int(parts[2]) if len(parts) == 3 and parts[2].isdigit() \
                else 0
            located.append((fn, parts[0], int(parts[1]), col))
            if not is_system_path(parts[0], rules):
                break
        if not located:
            continue
        e = Event(kind, func, located[0][0],
                  (os.path.basename(located[0][1]), located[0][2],
                   located[0][3]), path, start + 1, lines[start])
        e.candidates = located
        e.names = [fn for fn, _ in frames]
        events.append(e)
    return events


def symbolize(symbolizer, module, offsets):
    """{offset: [(function, file, line, col), ...innermost first]}"""
    offsets = sorted(set(offsets))
    if not offsets:
        return {}
    inp = ''.join('0x%x\n' % o for o in offsets)
    try:
        out = subprocess.run([symbolizer, '--obj=' + module, '--inlines',
                              '--no-demangle'], input=inp, text=True,
                             capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        fail_input('%s on %s failed: %s' % (symbolizer, module, e))
    blocks = out.split('\n\n')
    res = {}
    for off, block in zip(offsets, blocks):
        ls = [l for l in block.splitlines() if l.strip()]
        frames = []
        for i in range(0, len(ls) - 1, 2):
            fn = ls[i].strip()
            loc = ls[i + 1].strip().rsplit(':', 2)
            if len(loc) == 3 and loc[1].isdigit():
                frames.append((fn, loc[0], int(loc[1]), int(loc[2] or 0)))
            else:
                frames.append((fn, None, 0, 0))
        res[off] = frames
    return res


def load_report(path):
    try:
        with open(path) as f:
            d = json.load(f)
    except (OSError, ValueError) as e:
        fail_input('%s: %s' % (path, e))
    if d.get('schema') != 'allocguard-report':
        fail_input('%s: not an allocguard-report JSON report' % path)
    roots = {r['function_symbol']: r['function'] for r in d['roots']}
    static = {}   # root symbol -> {site key: finding}
    calls = {}    # root symbol -> {(caller symbol, callee symbol)}
    for f in d['findings']:
        if not f['path']:
            continue
        hop = f['path'][-1]
        if hop.get('file') is None:
            continue
        key = (os.path.basename(hop['file']), hop['line'], hop['column'])
        static.setdefault(f['root_symbol'], {})[key] = f
        calls.setdefault(f['root_symbol'], set()).add(
            (hop['caller_symbol'], hop['callee_symbol']))
    unknown = d.get('summary', {}).get('unknown',
                                       len(d.get('unknown_calls', [])))
    return roots, static, unknown, calls


def load_expected(path, lib, rtsan):
    """Lines 'LIB ROOT FUNCTION CALLEE ISSUE' (globs; '?' stands for a
    blank inside a name); '#' starts a comment. LIB+rtsan lines apply only
    when RealtimeSanitizer's logs are read."""
    entries = []
    with open(path) as f:
        for n, raw in enumerate(f, 1):
            line = raw.split('#', 1)[0].strip()
            if not line:
                continue
            parts = line.split()
            if len(parts) != 5 or not re.match(r'^issue-\d+$', parts[4]):
                fail_input('%s:%d: expected "LIBRARY ROOT FUNCTION CALLEE '
                           'issue-N", got: %s' % (path, n, raw.rstrip()))
            if parts[0] != lib and not (rtsan and parts[0] == lib + '+rtsan'):
                continue
            entries.append({'line': n, 'root': parts[1], 'func': parts[2],
                            'callee': parts[3], 'issue': parts[4],
                            'text': raw.rstrip(), 'hits': 0})
    return entries


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--lib', required=True)
    ap.add_argument('--expected', required=True)
    ap.add_argument('--symbolizer', required=True)
    ap.add_argument('--report', action='append', default=[],
                    help='PROGRAM=JSON: the linked program and its report')
    ap.add_argument('--log', action='append', default=[])
    ap.add_argument('--rtsan-log', action='append', default=[],
                    help='stderr of a RealtimeSanitizer run of a workload')
    ap.add_argument('--table', help='append the markdown row here')
    ap.add_argument('--summary', help='write the figures as JSON here')
    a = ap.parse_args()
    system_rules = load_system_path_rules()

    reports = {}
    for spec in a.report:
        prog, _, js = spec.partition('=')
        reports[os.path.realpath(prog)] = load_report(js)
    events = []
    for log in a.log:
        events.extend(parse_log(log))
    expected = load_expected(a.expected, a.lib, bool(a.rtsan_log))

    # Symbolize every frame that lies in one of the programs.
    want = {}
    for e in events:
        for mod, off in e.frames:
            if mod is None:
                continue
            rm = os.path.realpath(mod)
            if rm in reports:
                want.setdefault(rm, set()).add(off)
    sym = {m: symbolize(a.symbolizer, m, offs) for m, offs in want.items()}

    # Roots by linker and by display name, over every program.
    by_name = {}
    for prog, (roots, _, _, _) in reports.items():
        for symname, name in roots.items():
            by_name[name] = symname
            by_name[symname] = symname

    # Each root's static sites, over every program, to place calls made
    # inside libraries (pick_site).
    static_by_root = {}
    for _, static, _, _ in reports.values():
        for root, sites in static.items():
            static_by_root.setdefault(root, set()).update(sites)

    def place_site(e, cands, roots):
        """{site key: (event, roots)}: each root's pick among the
        candidates (pick_site), the event copied with that frame's
        function. A site without a line (calls the optimiser merged, two
        free()s sunk into one) is the call of this callee in its
        function, wherever it is."""
        placed = {}
        for r in sorted(roots):
            func, key = pick_site(cands, static_by_root.get(r, set()),
                                  system_rules)
            if key[1] == 0:
                key = key + (func,)
            if key not in placed:
                ev = copy.copy(e)
                ev.func, ev.key = func, key
                placed[key] = (ev, set())
            placed[key][1].add(r)
        return placed

    seen = {}        # site key -> {'event', 'roots': set, 'progs': set}
    problems = []
    for e in events:
        prog = None
        stack = []   # (function, file, line, col), innermost first
        for mod, off in e.frames:
            if mod is None:          # symbolized by the runtime
                stack.append(off)
                prog = prog or sorted(reports)[0]
                continue
            rm = os.path.realpath(mod)
            if rm in reports:
                prog = rm
                stack.extend(sym[rm].get(off, []))
        if prog is None:
            problems.append('%s:%d: no frame in a program under test (was '
                            'backtrace=1 given?): %s'
                            % (e.logfile, e.lineno, e.text))
            continue
        roots_here = {by_name[s[0]] for s in stack if s[0] in by_name}
        if not roots_here and e.root in by_name:
            # A stack deeper than the runtime records (a recursive
            # parser's) ends before the root: the line names the root
            # whose scope was open.
            roots_here = {by_name[e.root]}
        if not roots_here:
            problems.append('%s:%d: no root on the stack of: %s'
                            % (e.logfile, e.lineno, e.text))
            continue
        if e.intercepted:
            # The call into the uninstrumented library: a frame of the
            # program with its line (site_candidates), root by root.
            in_program = [s for s in stack if s[1] and s[1].startswith('/')]
            if not in_program:
                problems.append('%s:%d: intercepted call with no program '
                                'frame that has a line' % (e.logfile, e.lineno))
                continue
            placed = place_site(e, site_candidates(in_program, system_rules),
                                roots_here)
        elif e.key is None:
            problems.append('%s:%d: site without a line: %s'
                            % (e.logfile, e.lineno, e.text))
            continue
        else:
            placed = {e.key: (e, roots_here)}
        for key, (ev, roots) in placed.items():
            ent = seen.setdefault(key, {'event': ev, 'roots': set(),
                                        'progs': set()})
            ent['roots'] |= roots
            ent['progs'].add(prog)

    # RealtimeSanitizer's view: the same check for its sites, and the sites
    # it saw that allocguard's runtime did not (run-time gaps).
    ag_keys = set(seen)
    rtsan_keys = set()
    for lf in a.rtsan_log:
        for e in parse_rtsan(lf, system_rules):
            roots_here = {by_name[n] for n in e.names if n in by_name}
            if not roots_here:
                continue   # outside the roots allocguard was given
            for key, (ev, roots) in place_site(e, e.candidates,
                                               roots_here).items():
                rtsan_keys.add(key)
                ent = seen.setdefault(key, {'event': ev, 'roots': set(),
                                            'progs': set(reports)})
                ent['roots'] |= roots
    rtsan_only = sorted(rtsan_keys - ag_keys)

    # Verdicts per (site, root), the programs' reports taken together: they
    # link the same library, and a site seen from two programs counts once.
    static_all = {}
    calls_all = {}
    names = {}
    for roots, static, _, calls in reports.values():
        names.update(roots)
        for root, sites in static.items():
            static_all.setdefault(root, set()).update(sites)
        for root, c in calls.items():
            calls_all.setdefault(root, set()).update(c)
    verdict = {}     # site key -> 'covered' | 'expected' | 'unexpected'
    rank = {'covered': 0, 'expected': 1, 'unexpected': 2}
    pairs = covered_pairs = 0
    unexpected = []
    for key, ent in sorted(seen.items()):
        e = ent['event']
        prog = sorted(ent['progs'])[0]
        for root in sorted(ent['roots']):
            rname = names.get(root, root)
            pairs += 1
            v = 'covered'
            if key in static_all.get(root, ()) or \
                    (len(key) == 4 and
                     (key[3], e.callee) in calls_all.get(root, ())):
                covered_pairs += 1
            else:
                hit = None
                for x in expected:
                    if (fnmatch.fnmatchcase(root, x['root']) or
                            fnmatch.fnmatchcase(rname, x['root'])) and \
                            fnmatch.fnmatchcase(e.func, x['func']) and \
                            fnmatch.fnmatchcase(e.callee, x['callee']):
                        hit = x
                        break
                if hit:
                    hit['hits'] += 1
                    v = 'expected'
                else:
                    v = 'unexpected'
                    unexpected.append(
                        '%s: %s at %s:%d:%d in %s, below root %s (%s)'
                        % (os.path.basename(prog), e.callee, key[0], key[1],
                           key[2], e.func, rname, e.logfile))
            if rank[v] >= rank[verdict.get(key, 'covered')]:
                verdict[key] = v
    counts = {v: sum(1 for x in verdict.values() if x == v) for v in rank}
    covered_sites = counts['covered']
    expected_sites = counts['expected']
    missed_sites = counts['unexpected']

    # Static findings of the chosen roots that never fired.
    static_keys = set()
    for sites in static_all.values():
        static_keys.update(sites)
    never = len(static_keys - set(verdict))
    unknown = max((r[2] for r in reports.values()), default=0)
    stale = [x for x in expected if x['hits'] == 0]

    fig = {'lib': a.lib, 'sites_seen': len(verdict), 'covered': covered_sites,
           'expected_misses': expected_sites, 'unexpected_misses': missed_sites,
           'pairs': pairs, 'covered_pairs': covered_pairs,
           'static_sites': len(static_keys), 'static_never_seen': never,
           'unknown_calls': unknown, 'problems': len(problems),
           'rtsan_sites': len(rtsan_keys) if a.rtsan_log else None,
           'rtsan_only': len(rtsan_only) if a.rtsan_log else None,
           'stale_expected': len(stale)}
    rt = ('%d / %d' % (len(rtsan_keys), len(rtsan_only))) if a.rtsan_log \
        else '-'
    row = ('| %s | %d | %d | %d | %d | %d/%d | %d | %d | %s |'
           % (a.lib, fig['sites_seen'], covered_sites, expected_sites,
              missed_sites, covered_pairs, pairs, never, unknown, rt))
    print(TABLE_HEAD)
    print(row)
    if a.table:
        with open(a.table, 'a') as f:
            f.write(row + '\n')
    if a.summary:
        with open(a.summary, 'w') as f:
            json.dump(fig, f, indent=1)

    if a.rtsan_log:
        print('RealtimeSanitizer: %d allocation sites below the roots, %d of '
              'them not seen by allocguard at run time'
              % (len(rtsan_keys), len(rtsan_only)))
        for k in rtsan_only:
            e = seen[k]['event']
            print('RTSAN ONLY: %s at %s:%d:%d in %s (%s)'
                  % (e.callee, k[0], k[1], k[2], e.func, e.logfile))
    status = 0
    for p in problems:
        print('PROBLEM: ' + p)
        status = 1
    for u in unexpected:
        print('UNCOVERED: ' + u)
        status = 1
    for x in stale:
        print('STALE: %s:%d matches no uncovered site any more (fixed, or no '
              'longer reached): delete it: %s' % (a.expected, x['line'],
                                                  x['text']))
        status = 1
    for x in expected:
        if x['hits']:
            print('expected miss (%s), %d (root, site) pairs: %s'
                  % (x['issue'], x['hits'], x['text']))
    return status


if __name__ == '__main__':
    sys.exit(main())
