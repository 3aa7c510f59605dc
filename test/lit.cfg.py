# lit configuration for allocguard's plugin and end-to-end tests.
#
# Run through ctest (one lit invocation per test and LLVM major), or by
# hand:  lit -v --param allocguard_site=BUILD/test/llvmNN/lit.site.cfg.py test/plugin
import os

import lit.formats

site = lit_config.params.get("allocguard_site")
if not site:
    lit_config.fatal("no site configuration: run the suite with ctest, or pass "
                     "--param allocguard_site=BUILD/test/llvmNN/lit.site.cfg.py")
lit_config.load_config(config, site)
# ctest gives each test its own exec root (see test/CMakeLists.txt).
config.test_exec_root = lit_config.params.get("allocguard_exec_root", config.test_exec_root)

config.name = "allocguard-llvm" + config.allocguard_llvm_major
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".cpp"]
config.excludes = ["Inputs", "runtime", "unit", "CMakeLists.txt"]
config.test_source_root = os.path.dirname(__file__)

tools = config.allocguard_tools_dir
plugin = config.allocguard_plugin
include = os.path.join(config.allocguard_source_dir, "include")
# -fplugin loads the plugin before -mllvm options are parsed (needed up to
# LLVM 19); -fpass-plugin registers the pass.
load = "-fplugin=%s -fpass-plugin=%s -I%s" % (plugin, plugin, include)

# The oldest and newest configured majors, for tests that compare them:
# %clang_oldest / %agload_oldest and %clang_newest / %agload_newest.
_all_llvm = sorted((int(m), tools, plug) for m, tools, plug in
                   (entry.split("=", 2) for entry in
                    config.allocguard_all_llvm.split(";") if entry))
if len(_all_llvm) >= 2:
    config.available_features.add("several-llvm")
    for label, (_, tools_dir, plug) in (("oldest", _all_llvm[0]),
                                        ("newest", _all_llvm[-1])):
        config.substitutions.append(("%clangxx_" + label, os.path.join(tools_dir, "clang++")))
        config.substitutions.append(("%clang_" + label, os.path.join(tools_dir, "clang")))
        config.substitutions.append(("%agload_" + label, "-fplugin=%s -fpass-plugin=%s -I%s"
                                     % (plug, plug, include)))

# Longest names first: lit substitutes in order.
# The compiler drivers of this major (driver/), and the FileCheck prefix of
# what they add: -fplugin too up to LLVM 19 (FPLUGIN), -fpass-plugin alone
# after (PASSONLY).
config.substitutions.append(("%agclangxx", config.allocguard_driver_cxx))
config.substitutions.append(("%agclang", config.allocguard_driver))
config.substitutions.append(
    ("%drvload", "FPLUGIN" if int(config.allocguard_llvm_major) <= 19 else "PASSONLY"))
config.substitutions.append(("%clangxx", os.path.join(tools, "clang++")))
config.substitutions.append(("%clang", os.path.join(tools, "clang")))
config.substitutions.append(("%agplugin", plugin))
config.substitutions.append(("%agreport", config.allocguard_report))
# The SARIF multitool and schema, fetched by the ctest fixture in
# test/report/CMakeLists.txt.
config.substitutions.append(("%sarifdir", config.allocguard_sarif_tool_dir))
config.substitutions.append(("%opt", os.path.join(tools, "opt")))
config.substitutions.append(("%agload", load))
# %rt_nointercept first: lit substitutes in order, longest names first.
config.substitutions.append(("%rt_nointercept", config.allocguard_rt_nointercept))
config.substitutions.append(("%rt_static", config.allocguard_rt_static))
config.substitutions.append(("%rt_shared", config.allocguard_rt_shared))
config.substitutions.append(("%rt_dir", os.path.dirname(config.allocguard_rt_shared)))
import sys
config.substitutions.append(("%python", sys.executable))
config.substitutions.append(("%kbdef", os.path.join(config.allocguard_source_dir, "plugin", "ag_kb.def")))

# valgrind's DHAT viewer, run under node by e2e/Inputs/dh_view_render.js:
# feature dh-view when both are installed (.ci/run installs them).
import shutil
_dh_view = next((p for p in ("/usr/libexec/valgrind/dh_view.js",
                             "/usr/lib/valgrind/dh_view.js",
                             "/usr/lib/x86_64-linux-gnu/valgrind/dh_view.js")
                 if os.path.exists(p)), None)
_node = shutil.which("node") or shutil.which("nodejs")
if _dh_view and _node:
    config.available_features.add("dh-view")
    config.substitutions.append(("%dh_view", _dh_view))
    config.substitutions.append(("%node", _node))

# binutils' addr2line, the runtime's fallback symbolizer: feature addr2line.
_addr2line = shutil.which("addr2line")
if _addr2line:
    config.available_features.add("addr2line")
    config.substitutions.append(("%addr2line", _addr2line))

# FileCheck, not and count come from the same LLVM as the compiler.
config.environment["PATH"] = os.pathsep.join([tools, config.environment.get("PATH", os.environ["PATH"])])
# Tests set runtime options explicitly.
config.environment.pop("ALLOCGUARD_OPTIONS", None)
config.available_features.add("llvm" + config.allocguard_llvm_major)
# The FileCheck prefix of a diagnostic's source snippet: clang 17 and newer
# put a line-number gutter in front (test/plugin/caret.c).
config.substitutions.append(
    ("%snippet", "GUTTER" if int(config.allocguard_llvm_major) >= 17 else "PLAIN"))
# The FileCheck prefix for clang's nonblocking/nonallocating functions
# (test/plugin/effects-*.c*): ROOTS where the plugin reads them (clang 19 and
# newer, built with clang's headers), NONE where it cannot (clang 14 has no
# such attributes: its findings and run-time scopes are absent).
# %effects_crash runs a program that aborts in such a root's scope: `not
# --crash` where it is a root, nothing where the program runs through.
_effects = config.allocguard_clang_effects == "ON"
config.substitutions.append(("%effects_crash", "not --crash" if _effects else ""))
config.substitutions.append(("%effects", "ROOTS" if _effects else "NONE"))
# The FileCheck prefix of a checked wrapper's attributes (test/plugin/
# wrapper-attrs.c): LLVM 16 and newer have memory(...) and allocsize on
# clang's malloc; 14 has neither.
config.substitutions.append(
    ("%wrapattrs", "NEW" if int(config.allocguard_llvm_major) >= 16 else "OLD"))
