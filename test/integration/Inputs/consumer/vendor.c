/* A third-party library built without the plugin (SEED_UNKNOWN): it has
 * no summary, so a root reaching vendor_gain() reaches a function
 * allocguard cannot see into. */
float vendor_gain(int channel) { return channel ? 0.5f : 0.25f; }
