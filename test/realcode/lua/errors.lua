-- errors.lua: errors raised and caught through the C API (pcall, xpcall,
-- error objects, tracebacks with line numbers), load of good and bad
-- chunks, string-to-number coercions, and io on files in the working
-- directory. Ends with os.exit(3): the status must survive the plugin.
print(select(2, pcall(error, {code = 7})).code)
print(select(2, pcall(error, "plain message", 0)))
local ok, msg = pcall(function() local x = nil; return x.field end)
print(ok, msg)
print(xpcall(function() error("deep") end, function(m)
  return "handled: " .. m .. " | " .. debug.traceback("tb", 1):gsub("\n.*", "")
end))
local f, err = load("return 1 +")
print(f, err)
print(load("local a, b = ...; return a * b")(6, 7))
print(pcall(string.rep))
print(tonumber("0x1p4"), tonumber("  12  "), tonumber("z", 36), "10" + 5, 10 .. 20)
local fh = assert(io.open("out.txt", "w"))
for i = 1, 200 do fh:write(i, " squared is ", i * i, "\n") end
fh:close()
local lines, sum = 0, 0
for line in io.lines("out.txt") do
  lines = lines + 1
  sum = sum + tonumber(line:match("is (%d+)"))
end
print(lines, sum)
local r = assert(io.open("out.txt", "r"))
print(r:read("n", "l", "l"))
print(r:seek("end"))
r:close()
print(os.remove("nonexistent-file-xyz"))
print(string.format("%d", 3.0), pcall(string.format, "%d", 3.5))
os.exit(3)
