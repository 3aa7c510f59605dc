-- strings.lua: the string library through the Lua API: formatting,
-- patterns, gsub with tables and functions, buffers, pack/unpack, utf8.
local words = {}
for w in ("the quick brown fox jumps over the lazy dog"):gmatch("%a+") do
  words[#words + 1] = w
end
print(#words, table.concat(words, ","))
print(string.format("%5d|%-8s|%.3f|%x|%q", 42, "left", math.pi, 255, "a\n\"b\""))
print(("hello world"):gsub("o", {o = "0"}))
print(("x = 1, y = 22, z = 333"):gsub("(%w+) = (%d+)", function(k, v)
  return k .. "=" .. (tonumber(v) * 2)
end))
local parts = {}
for i = 1, 2000 do parts[i] = string.rep(string.char(65 + i % 26), i % 7) end
local s = table.concat(parts, "-")
print(#s, s:sub(1, 40), s:find("GGGGGG", 1, true))
print(s:upper():lower():reverse():len())
local packed = string.pack("<i4 d s2 z", -7, 2.5, "abc", "zero")
print(#packed, string.unpack("<i4 d s2 z", packed))
print(utf8.char(72, 228, 8364, 128512), utf8.len("häl€"))
for p, c in utf8.codes("aé€") do io.write(p, ":", c, " ") end
print()
local t = {}
for i = 1, 100 do t[#t + 1] = tostring(i * i) end
print(table.concat(t, " "):len(), select("#", string.byte("abcdef", 1, -1)))
print(string.format("%s %s %s", 1e100, -0.0, 2^63), math.type(2^53), 7 // 2, 7 % -3)
