/* effect.h - a class hierarchy defined in one unit (fx.cpp) and called
 * through the base class in another (engine.cpp). */
struct Effect {
  virtual ~Effect() {}
  virtual void process(float *buf) = 0;
};
Effect *make_reverb();
Effect *make_gain();
