/* ag_rep_names.h - names as users write them in --root and suppressions.
 *
 * The plugin's rules, from the one definition both use
 * (common/ag_name_match.h): a name matches a function when it equals the
 * symbol, the display name, or the display name without its parameter
 * list (`dsp::Mixer::process` names every overload), or is a shell glob
 * over those. The summaries carry display names (demangled and shortened
 * by the plugin: std::string, std::vector<int>), so nothing is demangled
 * here.
 */
#ifndef ALLOCGUARD_AG_REP_NAMES_H
#define ALLOCGUARD_AG_REP_NAMES_H

int ag_rep_name_matches(const char *pattern, const char *symbol,
                        const char *display);

#endif /* ALLOCGUARD_AG_REP_NAMES_H */
