-- tables.lua: tables, metatables, sort with a comparator, closures,
-- coroutines, varargs, integer/float keys, the garbage collector.
local t = {}
for i = 1, 5000 do t[i] = (i * 7919) % 1009 end
table.sort(t, function(a, b) return a > b end)
print(t[1], t[2500], t[5000], #t)
local m = setmetatable({}, {__index = function(_, k) return k * 2 end,
                            __call = function(self, x) return x + 1 end})
print(m[21], m(41))
local Vec = {}
Vec.__index = Vec
Vec.__add = function(a, b) return setmetatable({x = a.x + b.x, y = a.y + b.y}, Vec) end
Vec.__tostring = function(v) return "(" .. v.x .. "," .. v.y .. ")" end
local v = setmetatable({x = 1, y = 2}, Vec)
for _ = 1, 10 do v = v + v end
print(tostring(v))
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c1, c2 = counter(), counter()
c1(); c1()
print(c1(), c2())
local gen = coroutine.wrap(function(a)
  for i = 1, 3 do a = coroutine.yield(a + i) end
  return "done"
end)
print(gen(10), gen(20), gen(30), gen(40))
local function va(...) return select("#", ...), ... end
print(va(1, nil, 3, nil))
local keys = {}
local h = {[1] = "int", [1.5] = "float", x = "str", [true] = "bool"}
for k in pairs(h) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, " "), h[1.0], math.tointeger(3.0))
local weak = setmetatable({}, {__mode = "k"})
for i = 1, 100 do weak[{}] = i end
collectgarbage(); collectgarbage()
local n = 0
for _ in pairs(weak) do n = n + 1 end
print("weak entries after gc", n)
local big = {}
for i = 1, 20000 do big[i] = {i, tostring(i)} end
big = nil
collectgarbage("collect")
print(table.unpack(table.move({1, 2, 3, 4, 5}, 2, 4, 1, {})))
print(next({}), rawlen({1, 2, 3}), rawequal(t, t))
